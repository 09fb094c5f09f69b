import AsyncHTTPClient
import EnbekshiCore
import Foundation
import Hummingbird
import HummingbirdTesting
import Logging
import NIOCore
@testable import Publish
import Store
import TestSupport
import Testing

/// "Most read" end to end: article pages viewed by browsers over real connections (rendered, from
/// the page cache, and from it on the event loop) are counted, robots are not, the counts reach the
/// store in a batch, and the front page, a section, the article page and the API show them.
@Suite("Most read")
struct MostReadTests {
    static let logger = Logger(label: "most-read-test") { _ in SwiftLogNoOpLogHandler() }

    @Test("views are counted on every path, robots excluded, stored in a batch, and shown on pages and in the API")
    func mostRead() async throws {
        // Views are counted under Kazakhstan's day and "Today" is read under it: a run that crosses
        // its midnight would count on one day and show the next. Near midnight, start after it.
        while Day.inKazakhstan(at: Date()) != Day.inKazakhstan(at: Date() + 600) { try await Task.sleep(for: .seconds(5)) }
        let database = try await TemporaryDatabase()
        let store = database.store
        try await store.seed(sources: SourceCatalog.parse("kgd-zhetysu\nmfa-london"))
        var saved: [Int64] = []
        for (index, title) in ["Embassy reception in London", "Tax reminder", "Unread notice"].enumerated() {
            let key = ArticleKey(project: index == 0 ? "mfa-london" : "kgd-zhetysu", govkzID: "\(index + 1)")
            _ = try await store.save(SiteTests.version(.en, title: title, published: "2025-12-18T1\(index):00:00"), for: key)
            saved.append(try #require(try await store.articleID(for: key)))
        }
        let ids = saved
        try await store.saveTopics(
            ArticleTopics(section: .world, secondary: [], sectionScore: 5, sectionReason: "embassy", region: "abroad", place: nil, regionReason: "slug"),
            articleID: ids[0])

        let site = Site(store: store, contentCheckInterval: .seconds(60))
        let client = HTTPClient(eventLoopGroupProvider: .singleton)
        defer { _ = client.shutdown() }
        try await site.application(hostname: "127.0.0.1", port: 0, logger: Self.logger).test(.live) { test in
            let port = try #require(test.port)
            func get(_ path: String, agent: String) async throws -> Int {
                var request = HTTPClientRequest(url: "http://127.0.0.1:\(port)\(path)")
                request.headers.add(name: "User-Agent", value: agent)
                let response = try await client.execute(request, timeout: .seconds(10))
                _ = try await response.body.collect(upTo: 8 << 20)
                return Int(response.status.code)
            }
            let first = "/en/news/\(ids[0])-embassy-reception-in-london", second = "/en/news/\(ids[1])-tax-reminder"
            // The first is rendered, the rest come from the cache (kept-alive: mostly on the event loop).
            for _ in 0..<4 { #expect(try await get(first, agent: ViewCounterTests.browser) == 200) }
            for _ in 0..<2 { #expect(try await get(second, agent: ViewCounterTests.browser) == 200) }
            for robot in ["Mozilla/5.0 (compatible; Googlebot/2.1)", "curl/8.5.0"] { #expect(try await get(first, agent: robot) == 200) }
            #expect(try await get("/en/news/all", agent: ViewCounterTests.browser) == 200)
            var head = HTTPClientRequest(url: "http://127.0.0.1:\(port)\(first)")
            head.method = .HEAD
            head.headers.add(name: "User-Agent", value: ViewCounterTests.browser)
            #expect(try await client.execute(head, timeout: .seconds(10)).status == .ok, "a HEAD is answered, not counted")
        }
        #expect(site.views.pending == 6)
        await ViewFlusher(counter: site.views, store: store, interval: .seconds(5), logger: Self.logger).flush()
        #expect(site.views.pending == 0)
        #expect(try await store.totalViews(articleIDs: ids) == [ids[0]: 4, ids[1]: 2])

        // Pages rendered afresh show the counts (the cache keeps such pages a minute at most).
        let fresh = Site(store: store, pageCacheBytes: 0)
        try await fresh.application(hostname: "127.0.0.1", port: 0, logger: Self.logger).test(.live) { client in
            func get(_ uri: String) async throws -> (Int, String) {
                try await client.execute(uri: uri, method: .get) { (Int($0.status.code), String(buffer: $0.body)) }
            }
            let (_, home) = try await get("/en")
            let block = try #require(home.components(separatedBy: "<h2 id=\"most-read\">Most read</h2>").dropFirst().first?.components(separatedBy: "</section>").first)
            let today = try #require(block.components(separatedBy: "<h3>Today</h3>").dropFirst().first?.components(separatedBy: "</ol>").first)
            #expect(today.contains("Embassy reception in London</a> <span class=\"views\" lang=\"en\">4 views</span>"))
            #expect(today.contains("Tax reminder</a> <span class=\"views\" lang=\"en\">2 views</span>"))
            #expect(today.range(of: "Embassy")?.lowerBound ?? today.endIndex < today.range(of: "Tax reminder")?.lowerBound ?? today.startIndex)
            #expect(!block.contains("Unread notice"))
            #expect(block.contains("<h3>This week</h3>"))

            let (_, russian) = try await get("/ru")
            #expect(russian.contains("Самое читаемое") && russian.contains("<span class=\"views\" lang=\"ru\">на английском · 4 просмотра</span>"),
                    "an article in another language is labelled")
            let (_, section) = try await get("/en/category/world")
            #expect(section.contains("<h2 id=\"most-read\">Most read</h2>") && section.contains("4 views") && !section.contains("2 views"))
            let (_, article) = try await get("/en/news/\(ids[0])-embassy-reception-in-london")
            #expect(article.contains("<span class=\"views\">4 views</span>"))

            let (status, api) = try await get("/api/v1/most-read?period=today")
            #expect(status == 200)
            let decoded = try JSONSerialization.jsonObject(with: Data(api.utf8)) as? [String: Any]
            let items = try #require(decoded?["items"] as? [[String: Any]])
            #expect(items.compactMap { $0["id"] as? Int }.map(Int64.init) == [ids[0], ids[1]])
            #expect(items.compactMap { $0["views"] as? Int } == [4, 2])
            #expect((items.first?["url"] as? String)?.hasSuffix("/en/news/\(ids[0])-embassy-reception-in-london") == true)
            let (_, worldOnly) = try await get("/api/v1/most-read?section=world&lang=ru")
            #expect(worldOnly.contains("\"views\":4") && !worldOnly.contains("\"views\":2"))
            let (_, detail) = try await get("/api/v1/articles/\(ids[0])")
            #expect(detail.contains("\"views\":4"))
            for bad in ["period=year", "section=weather", "lang=de"] {
                let (badStatus, body) = try await get("/api/v1/most-read?\(bad)")
                #expect(badStatus == 400, "\(bad)")
                #expect(body.contains("bad_parameter"))
            }
        }
    }

    @Test("a page kept only for a while is answered from the cache until then, and rendered again after")
    func expiry() {
        let cache = PageCache()
        func entry(expires: ContinuousClock.Instant?) -> PageCache.Entry {
            var made = PageCache.Entry(
                generation: 3, status: .ok, headers: [:], body: ByteBuffer(string: "page"), gzipped: nil, etag: "\"e\"",
                lastModified: "", stored: 0)
            made.expires = expires
            return made
        }
        cache.finish("/en", entry(expires: .now + .seconds(60)))
        cache.finish("/ru", entry(expires: .now - .seconds(1)))
        cache.finish("/kk", entry(expires: nil))
        #expect(cache.entry("/en", generation: 3) != nil)
        #expect(cache.entry("/ru", generation: 3) == nil, "expired")
        #expect(cache.entry("/kk", generation: 3) != nil)
        #expect(cache.entry("/en", generation: 4) == nil, "the content changed")
    }
}
