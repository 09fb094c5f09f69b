import Hummingbird

/// Answers HEAD like GET without the body, so crawlers and uptime checks see the real status and
/// headers of every page. It wraps the whole router: routes are looked up by method, so a router
/// middleware would only ever see HEAD fall through to "not found".
struct HeadAsGetResponder<Wrapped: HTTPResponder>: HTTPResponder {
    typealias Context = Wrapped.Context
    let wrapped: Wrapped

    func respond(to request: Request, context: Context) async throws -> Response {
        guard request.method == .head else { return try await wrapped.respond(to: request, context: context) }
        var head = request.head
        head.method = .get
        var response = try await wrapped.respond(to: Request(head: head, body: request.body), context: context)
        // The length of the page a GET would send, with no bytes.
        let length = response.headers[.contentLength].flatMap { Int($0) } ?? response.body.contentLength
        response.body = ResponseBody(contentLength: length) { _ in }
        return response
    }
}
