import EnbekshiCore
import Foundation
import Hummingbird
import Logging
import Publish
import Store

/// Why the room refused a request, each with the page a person sees.
enum AdminError: Error {
    /// No valid session: a page sends them to sign in; a form says the session ended.
    case notSignedIn(next: String)
    case forbidden(NewsroomAction, EditorRole)
    /// The form's token is missing or not this session's.
    case csrf
    case badForm(String)
    case throttled(retryAfter: Int)
    case notFound
}

/// Turns the room's refusals and failures into pages, and marks every answer of the room as
/// private: never stored by a browser or a proxy, never framed, no script.
struct AdminResponseMiddleware<Context: RequestContext>: RouterMiddleware {
    let logger: Logger

    static var contentSecurityPolicy: String {
        "default-src 'none'; style-src 'self'; img-src 'self'; form-action 'self'; base-uri 'none'; frame-ancestors 'none'"
    }

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        var response: Response
        do {
            response = try await next(request, context)
        } catch {
            response = page(for: error, request: request)
        }
        response.headers[.cacheControl] = "no-store"
        response.headers[.contentSecurityPolicy] = Self.contentSecurityPolicy
        response.headers[.xFrameOptions] = "DENY"
        response.headers[.xContentTypeOptions] = "nosniff"
        response.headers[.referrerPolicy] = "same-origin"
        response.headers[.vary] = "Cookie"
        return response
    }

    func page(for error: any Error, request: Request) -> Response {
        switch error {
        case AdminError.notSignedIn(let next):
            if request.method == .get || request.method == .head {
                let target = AdminRoute.loginPage.path() + "?next=" + (next.addingPercentEncoding(withAllowedCharacters: .alphanumerics) ?? "")
                return Response(status: .seeOther, headers: [.location: target])
            }
            return Self.html(.forbidden, "Your session has ended", "Sign in again, then repeat what you were doing.", link: AdminRoute.loginPage.path())
        case AdminError.forbidden(let action, let role):
            return Self.html(.forbidden, "Not allowed", "The role \(role.rawValue) may not \(action.rawValue).", link: AdminRoute.dashboard.path())
        case AdminError.csrf:
            return Self.html(
                .forbidden, "This form has expired",
                "The form did not carry this session's token (it is old, or it came from another site). Go back, reload the page and try again.",
                link: AdminRoute.dashboard.path())
        case AdminError.badForm(let problem):
            return Self.html(.badRequest, "Cannot do that", problem, link: AdminRoute.dashboard.path())
        case AdminError.throttled(let seconds):
            var response = Self.html(
                .tooManyRequests, "Too many failed sign-ins", "Wait \(seconds) seconds before trying again.", link: AdminRoute.loginPage.path())
            response.headers[.retryAfter] = String(seconds)
            return response
        case AdminError.notFound:
            return Self.html(.notFound, "Not found", "The newsroom has no page at this address.", link: AdminRoute.dashboard.path())
        case let error as HTTPError where error.status.code < 500:
            return Self.html(error.status, "Cannot do that", error.body ?? error.status.reasonPhrase, link: AdminRoute.dashboard.path())
        case StoreError.unavailable(let reason):
            logger.error("newsroom: database unavailable", metadata: ["path": "\(request.uri.path)", "reason": "\(reason)"])
            var response = Self.html(.serviceUnavailable, "The database is not answering", "Try again in a moment.", link: request.uri.path)
            response.headers[.retryAfter] = "5"
            return response
        default:
            logger.error("newsroom: request failed", metadata: ["path": "\(request.uri.path)", "error": "\(error)"])
            return Self.html(.internalServerError, "Something went wrong", "The error was logged.", link: AdminRoute.dashboard.path())
        }
    }

    static func html(_ status: HTTPResponse.Status, _ title: String, _ detail: String, link: String) -> Response {
        let main = "<p>\(HTMLEscaping.escape(detail))</p>\n<p><a href=\"\(HTMLEscaping.escape(link))\">Continue</a></p>"
        return AdminPage.response(AdminLayout.render(title: title, signedIn: nil, main: main), status: status)
    }
}

enum AdminPage {
    static func response(_ html: String, status: HTTPResponse.Status = .ok) -> Response {
        Response(status: status, headers: [.contentType: "text/html; charset=utf-8"], body: .init(byteBuffer: .init(string: html)))
    }
}
