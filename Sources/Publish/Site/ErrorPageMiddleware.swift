import EnbekshiCore
import Hummingbird
import Logging
import Store

/// Turns every failure into a page in the reader's edition: 404 for unknown pages, 400 with a
/// helpful message for bad parameters, and a plain 500 page (details only in the log). Under `/api/` the same
/// answers are the API's JSON problems (`{"error", "message"}`).
struct ErrorPageMiddleware<Context: RequestContext>: RouterMiddleware {
    let defaultLanguage: Language

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws
        -> Response
    {
        do {
            return try await next(request, context)
        } catch PageError.notFound {
            return page(404, request, detail: nil)
        } catch PageError.badRequest(let problem) {
            return page(400, request, detail: problem.message(UIStrings(edition(of: request))))
        } catch PageError.gone(let reason) {
            return page(410, request, detail: reason)
        } catch PageError.busy {
            var response = page(503, request, detail: nil)
            response.headers[.retryAfter] = "1"
            return response
        } catch StoreError.unavailable(let reason) {
            // The pool reconnects by itself: this request is answered, the next one may succeed.
            context.logger.warning("database unavailable", metadata: ["path": "\(request.uri.path)", "reason": "\(reason)"])
            var response = page(503, request, detail: ErrorView.databaseUnavailable)
            response.headers[.retryAfter] = "5"
            return response
        } catch let error as HTTPError {
            let status = Int(error.status.code)
            if status >= 500 { context.logger.error("request failed", metadata: ["error": "\(error)"]) }
            return page(status, request, detail: status < 500 ? error.body : nil)
        } catch {
            context.logger.error("request failed", metadata: ["path": "\(request.uri.path)", "error": "\(error)"])
            return page(500, request, detail: nil)
        }
    }

    private func edition(of request: Request) -> Language {
        Self.edition(of: request, defaultLanguage: defaultLanguage)
    }

    static func edition(of request: Request, defaultLanguage: Language) -> Language {
        let first = request.uri.path.split(separator: "/").first.map(String.init) ?? ""
        return Language(rawValue: first) ?? defaultLanguage
    }

    static func isAPI(_ request: Request) -> Bool {
        request.uri.path == "/api" || request.uri.path.hasPrefix("/api/")
    }

    private func page(_ status: Int, _ request: Request, detail: String?) -> Response {
        Self.page(status, request, detail: detail, defaultLanguage: defaultLanguage)
    }

    static func page(_ status: Int, _ request: Request, detail: String?, defaultLanguage: Language) -> Response {
        if Self.isAPI(request) { return Self.apiProblem(status, detail: detail) }
        let edition = edition(of: request, defaultLanguage: defaultLanguage)
        return .html(
            ErrorView.render(status: status, edition: edition, detail: detail),
            status: HTTPResponse.Status(code: status))
    }

    static func apiProblem(_ status: Int, detail: String?) -> Response {
        let (code, message): (String, String) = switch status {
        case 404: ("not_found", "Nothing is at this address; /api/v1/openapi.json lists what is.")
        case 405: ("method_not_allowed", "Only GET and HEAD are answered here.")
        case 410: ("gone", "The newsroom withdrew this article" + (detail.map { ": \($0)" } ?? "."))
        case 503 where detail == ErrorView.databaseUnavailable: ("unavailable", ErrorView.databaseUnavailable)
        case 503: ("busy", "Too many searches at once; try again in a second (see Retry-After).")
        case 400..<500: ("bad_request", detail ?? "The request is not one this API answers.")
        default: ("server_error", "The server could not answer; try again later.")
        }
        return Site.apiProblem(HTTPResponse.Status(code: status), code, message)
    }
}
