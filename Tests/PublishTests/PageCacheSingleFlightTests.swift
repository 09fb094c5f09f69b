import Foundation
import HTTPTypes
import NIOCore
@testable import Publish
import Testing

@Suite("Page cache: one rendering per page after a change")
struct PageCacheSingleFlightTests {
    static func entry(_ text: String, generation: Int64) -> PageCache.Entry {
        PageCache.Entry(
            generation: generation, status: .ok, headers: [:], body: ByteBuffer(string: text), gzipped: nil, etag: "\"e\"",
            lastModified: "", stored: 0)
    }

    @Test("requests arriving while a page renders wait for it and get its bytes; the next generation renders again")
    func waiters() async throws {
        let cache = PageCache()
        let first = await cache.claim("/en", generation: 1)
        #expect(first.render && first.entry == nil)
        let waiters = (0..<8).map { _ in Task { await cache.claim("/en", generation: 1) } }
        // Let the waiters reach the cache before the rendering ends.
        while cache.waiting("/en") < 8 { await Task.yield() }
        cache.finish("/en", Self.entry("page", generation: 1))
        for waiter in waiters {
            let claim = await waiter.value
            #expect(!claim.render)
            #expect(claim.entry.map { String(buffer: $0.body) } == "page")
        }
        #expect(await cache.claim("/en", generation: 1).entry != nil)
        #expect(await cache.claim("/en", generation: 2).render)
    }

    @Test("a rendering that keeps nothing (an error page) sends the waiters to render for themselves")
    func failedRendering() async throws {
        let cache = PageCache()
        #expect(await cache.claim("/en/x", generation: 1).render)
        let waiter = Task { await cache.claim("/en/x", generation: 1) }
        while cache.waiting("/en/x") < 1 { await Task.yield() }
        cache.finish("/en/x", nil)
        let claim = await waiter.value
        #expect(!claim.render && claim.entry == nil)
        #expect(await cache.claim("/en/x", generation: 1).render)
    }

    @Test("with no room for pages every request renders")
    func disabled() async {
        let cache = PageCache(maximumBytes: 0)
        #expect(await cache.claim("/en", generation: 1).render)
        #expect(await cache.claim("/en", generation: 1).render)
    }
}
