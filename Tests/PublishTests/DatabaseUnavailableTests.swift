import Hummingbird
import HummingbirdTesting
@testable import Publish
import Store
import Testing

@Suite("A database that does not answer")
struct DatabaseUnavailableTests {
    @Test("is a 503 page in the reader's edition with Retry-After, or the API's JSON problem; never a 500")
    func unavailableAnswers() async throws {
        let router = Router()
        router.add(middleware: ErrorPageMiddleware(defaultLanguage: .en))
        router.get("/kk") { _, _ -> Response in throw StoreError.unavailable("the connection to the database was lost") }
        router.get("/api/v1/articles") { _, _ -> Response in throw StoreError.unavailable("statement timeout") }
        try await Application(router: router).test(.router) { client in
            try await client.execute(uri: "/kk", method: .get) { response in
                #expect(response.status == .serviceUnavailable)
                #expect(response.headers[.retryAfter] == "5")
                #expect(String(buffer: response.body).contains("Дерекқор қазір жауап бермей тұр"))
                #expect(!String(buffer: response.body).contains("connection to the database"))
            }
            try await client.execute(uri: "/api/v1/articles", method: .get) { response in
                #expect(response.status == .serviceUnavailable)
                #expect(String(buffer: response.body).contains("\"error\":\"unavailable\""))
            }
        }
    }
}
