import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import NIOCore
@testable import Publish
import Testing

/// A storm of one-off searches must neither fill memory nor push the front pages out of the cache,
/// and past a few at once searches are refused quickly instead of slowing every page.
@Suite("Search storms: the cache's share for searches, and the search gate")
struct SearchStormTests {
    @Test("thousands of different searches keep within their share and never evict a front page")
    func searchesKeepToTheirShare() async {
        let cache = PageCache(maximumBytes: 1 << 20)
        for path in ["/en", "/ru", "/kk", "/en/news/all"] {
            _ = await cache.claim(path, generation: 1)
            cache.finish(path, PageCacheSingleFlightTests.entry(String(repeating: "p", count: 20_000), generation: 1))
        }
        for index in 0..<5_000 {
            for key in ["/en/search?q=w\(index)", "/api/v1/articles?lang=en&q=w\(index)", "/ru/search/rss.xml?q=w\(index)"] {
                _ = await cache.claim(key, generation: 1)
                cache.finish(key, PageCacheSingleFlightTests.entry(String(repeating: "s", count: 3_000), generation: 1))
            }
        }
        for path in ["/en", "/ru", "/kk", "/en/news/all"] { #expect(cache.entry(path, generation: 1) != nil, "\(path)") }
        let searchBytes = cache.bytes(where: PageCache.isOneOff)
        #expect(searchBytes <= (1 << 20) / 8)
        #expect(searchBytes > 0)
        #expect(cache.entry("/en/search?q=w4999", generation: 1) != nil)
        #expect(!PageCache.isOneOff("/en/news/all?page=2"))
        #expect(!PageCache.isOneOff("/api/v1/articles?lang=en&quality=1"))
    }

    @Test("past its limit the gate refuses at once; a place freed is taken again")
    func gate() async throws {
        let gate = SearchGate(limit: 2)
        let (entered, enteredContinuation) = AsyncStream.makeStream(of: Void.self)
        let (release, releaseContinuation) = AsyncStream.makeStream(of: Void.self)
        let held = Task {
            try await withThrowingTaskGroup(of: Void.self) { group in
                for _ in 0..<2 {
                    group.addTask {
                        try await gate.run {
                            enteredContinuation.yield()
                            for await _ in release { break }
                        }
                    }
                }
                try await group.waitForAll()
            }
        }
        var count = 0
        for await _ in entered {
            count += 1
            if count == 2 { break }
        }
        await #expect(throws: PageError.self) { try await gate.run { 1 } }
        releaseContinuation.yield()
        releaseContinuation.yield()
        releaseContinuation.finish()
        try await held.value
        #expect(try await gate.run { 7 } == 7)
    }

    @Test("a refused search is a 503 page with Retry-After, or the API's JSON problem")
    func busyAnswers() async throws {
        let router = Router()
        router.add(middleware: ErrorPageMiddleware(defaultLanguage: .en))
        router.get("/ru/search") { _, _ -> Response in throw PageError.busy }
        router.get("/api/v1/articles") { _, _ -> Response in throw PageError.busy }
        try await Application(router: router).test(.router) { client in
            try await client.execute(uri: "/ru/search", method: .get) { response in
                #expect(response.status == .serviceUnavailable)
                #expect(response.headers[.retryAfter] == "1")
                #expect(String(buffer: response.body).contains("Поиск занят"))
            }
            try await client.execute(uri: "/api/v1/articles", method: .get) { response in
                #expect(response.status == .serviceUnavailable)
                #expect(response.headers[.retryAfter] == "1")
                #expect(String(buffer: response.body).contains("\"error\":\"busy\""))
            }
        }
    }
}
