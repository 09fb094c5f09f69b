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

    @Test("past its limit searches wait their turn in order; past the queue they are refused at once")
    func gate() async throws {
        let gate = SearchGate(limit: 2, queueLimit: 1)
        let (entered, enteredContinuation) = AsyncStream.makeStream(of: Int.self)
        let (release, releaseContinuation) = AsyncStream.makeStream(of: Void.self)
        let holders = (0..<3).map { index in
            Task {
                try await gate.run {
                    enteredContinuation.yield(index)
                    for await _ in release { break }
                }
            }
        }
        var iterator = entered.makeAsyncIterator()
        var first = Set<Int>()
        first.insert(try #require(await iterator.next()))
        first.insert(try #require(await iterator.next()))
        // Two run, the third waits: the queue is full, so a fourth is refused without waiting.
        while gate.load.waiting < 1 { try await Task.sleep(for: .milliseconds(5)) }
        #expect(gate.load.running == 2)
        await #expect(throws: PageError.self) { try await gate.run { 1 } }
        releaseContinuation.yield()
        let third = try #require(await iterator.next())
        #expect(!first.contains(third))
        releaseContinuation.yield()
        releaseContinuation.yield()
        releaseContinuation.finish()
        for holder in holders { try await holder.value }
        #expect(gate.load.running == 0)
        #expect(try await gate.run { 7 } == 7)
    }

    @Test("a reader who leaves the queue gives up the place")
    func cancelledWaiter() async throws {
        let gate = SearchGate(limit: 1, queueLimit: 4)
        let (release, releaseContinuation) = AsyncStream.makeStream(of: Void.self)
        let holder = Task { try await gate.run { for await _ in release { break } } }
        while gate.load.running < 1 { try await Task.sleep(for: .milliseconds(5)) }
        let waiter = Task { try await gate.run { 1 } }
        while gate.load.waiting < 1 { try await Task.sleep(for: .milliseconds(5)) }
        waiter.cancel()
        await #expect(throws: CancellationError.self) { try await waiter.value }
        #expect(gate.load.waiting == 0)
        releaseContinuation.finish()
        try await holder.value
        #expect(gate.load.running == 0)
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
