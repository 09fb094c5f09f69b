import EnbekshiCore
import Hummingbird

/// The site's methods: GET, and HEAD answered like GET without the body, so crawlers and uptime
/// checks see the real status and headers of every page. Any other method gets 405 with `Allow`
/// where a GET would find something, 404 where not (an error page, or the API's JSON problem).
/// It wraps the whole router: routes are looked up by method, so a router middleware would only
/// ever see other methods fall through to "not found".
struct MethodResponder<Wrapped: HTTPResponder>: HTTPResponder {
    typealias Context = Wrapped.Context
    let wrapped: Wrapped
    var defaultLanguage: Language = .en
    static var allowed: String { "GET, HEAD" }

    func respond(to request: Request, context: Context) async throws -> Response {
        if request.method == .get { return try await wrapped.respond(to: request, context: context) }
        var head = request.head
        head.method = .get
        var response = try await wrapped.respond(to: Request(head: head, body: .init(buffer: .init())), context: context)
        guard request.method == .head else {
            // Asked as a GET, through the page cache: nothing is written, whatever the method.
            if response.status == .notFound { return response }
            var refused = ErrorPageMiddleware<SiteRequestContext>.page(405, request, detail: nil, defaultLanguage: defaultLanguage)
            refused.headers[.allow] = Self.allowed
            // Answered outside the router, so its middleware never saw this answer.
            SecurityHeadersMiddleware<SiteRequestContext>.add(to: &refused)
            return refused
        }
        // The length of the page a GET would send, with no bytes.
        let length = response.headers[.contentLength].flatMap { Int($0) } ?? response.body.contentLength
        response.body = ResponseBody(contentLength: length) { _ in }
        return response
    }
}
