import Hummingbird

/// Headers every answer carries, pages, feeds, the API, the stylesheet and error pages alike: the
/// site runs no script (JSON-LD is data, which no policy blocks), loads its one stylesheet from
/// itself and pictures from itself or over https, and may not be framed. Answers pass through
/// here before the page cache keeps them, so cached answers carry the same headers.
struct SecurityHeadersMiddleware<Context: RequestContext>: RouterMiddleware {
    static var contentSecurityPolicy: String {
        "default-src 'none'; style-src 'self'; img-src 'self' https: data:; form-action 'self'; base-uri 'none'; "
            + "frame-ancestors 'none'"
    }

    static var headers: [(HTTPFields.Element.Name, String)] {
        [
            (.contentSecurityPolicy, contentSecurityPolicy),
            (.xContentTypeOptions, "nosniff"),
            (.referrerPolicy, "strict-origin-when-cross-origin"),
            (.xFrameOptions, "DENY"),
        ]
    }

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws
        -> Response
    {
        var response = try await next(request, context)
        Self.add(to: &response)
        return response
    }

    /// The headers, where the answer does not set its own.
    static func add(to response: inout Response) {
        for (name, value) in headers where response.headers[name] == nil { response.headers[name] = value }
    }
}

extension HTTPFields.Element.Name {
    public static var xContentTypeOptions: Self { .init("X-Content-Type-Options")! }
    public static var referrerPolicy: Self { .init("Referrer-Policy")! }
    public static var xFrameOptions: Self { .init("X-Frame-Options")! }
}
