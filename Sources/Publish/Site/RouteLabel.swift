import Hummingbird
import Synchronization

/// The route template a request was answered by (`/{lang}/news/{slug}`), for the request metrics.
/// Shared by every copy of one request's context: the router sets it deep inside, the outermost
/// responder reads it; a cached page carries the template it was rendered by.
public final class RouteLabel: Sendable {
    private let value = Mutex<String?>(nil)

    public init() {}

    public var template: String? { value.withLock { $0 } }

    func set(_ template: String) { value.withLock { $0 = template } }
}

/// Records the matched route's template in the request's `RouteLabel`.
public struct RouteRecorder: RouterMiddleware {
    public typealias Context = SiteRequestContext

    public init() {}

    public func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        defer { context.route.set(context.endpointPath ?? "unmatched") }
        return try await next(request, context)
    }
}

/// Times and counts every request the application answers (the event-loop cache counts its own).
struct MeasuredResponder<Wrapped: HTTPResponder>: HTTPResponder where Wrapped.Context == SiteRequestContext {
    let wrapped: Wrapped

    func respond(to request: Request, context: SiteRequestContext) async throws -> Response {
        let started = ContinuousClock.now
        do {
            let response = try await wrapped.respond(to: request, context: context)
            Vitals.request(
                route: context.route.template ?? "unmatched", method: request.method.rawValue, status: response.status.code,
                duration: ContinuousClock.now - started)
            return response
        } catch {
            let status = (error as? any HTTPResponseError)?.status.code ?? 500
            Vitals.request(
                route: context.route.template ?? "unmatched", method: request.method.rawValue, status: status,
                duration: ContinuousClock.now - started)
            throw error
        }
    }
}
