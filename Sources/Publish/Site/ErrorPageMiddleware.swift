import EnbekshiCore
import Hummingbird
import Logging

/// Turns every failure into an HTML page in the reader's edition: 404 for unknown pages, 400 with
/// a helpful message for bad parameters, and a plain 500 page (details only in the log).
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
        let first = request.uri.path.split(separator: "/").first.map(String.init) ?? ""
        return Language(rawValue: first) ?? defaultLanguage
    }

    private func page(_ status: Int, _ request: Request, detail: String?) -> Response {
        let edition = edition(of: request)
        return .html(
            ErrorView.render(status: status, edition: edition, detail: detail),
            status: HTTPResponse.Status(code: status))
    }
}
