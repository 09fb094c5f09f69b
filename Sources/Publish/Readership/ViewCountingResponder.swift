import Hummingbird

/// Counts the article pages the application answers (rendered or from the page cache); those
/// answered on the event loop are counted where they are found (`Site.cachedAnswer`).
struct ViewCountingResponder<Wrapped: HTTPResponder>: HTTPResponder {
    typealias Context = Wrapped.Context
    let wrapped: Wrapped
    let views: ViewCounter

    func respond(to request: Request, context: Context) async throws -> Response {
        let response = try await wrapped.respond(to: request, context: context)
        if request.method == .get, response.status == .ok || response.status == .notModified {
            views.count(path: Substring(request.uri.path), userAgent: request.headers[.userAgent])
        }
        return response
    }
}
