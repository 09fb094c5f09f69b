import CompressNIO
import EnbekshiCore
import Foundation
import Hummingbird
import HummingbirdTesting
import Logging
import NIOCore
import Publish
import Store
import TestSupport
import Testing

@Suite("HTTP caching: ETag, Last-Modified, 304, gzip, and rendered pages kept until the content changes")
struct PageCacheTests {
    @Test("a page is answered 304 while unchanged, re-rendered once the store changes, and gzipped on request")
    func caching() async throws {
        let database = try await TemporaryDatabase()
        let store = database.store
        try await store.seed(sources: SourceCatalog.parse("kgd-zhetysu"))
        _ = try await store.save(SiteTests.version(.en, title: "First headline"), for: ArticleKey(project: "kgd-zhetysu", govkzID: "1"))
        let logger = Logger(label: "cache-test") { _ in SwiftLogNoOpLogHandler() }
        // Checking the store on every request, so a change shows at once.
        let app = Site(store: store, contentCheckInterval: .zero).application(hostname: "127.0.0.1", port: 0, logger: logger)
        try await app.test(.live) { client in
            func get(_ uri: String, _ headers: HTTPFields = [:]) async throws -> (Int, HTTPFields, ByteBuffer) {
                try await client.execute(uri: uri, method: .get, headers: headers) { ($0.status.code, $0.headers, $0.body) }
            }
            let (status, headers, body) = try await get("/en/news/all")
            #expect(status == 200)
            let etag = try #require(headers[.eTag])
            let lastModified = try #require(headers[.lastModified])
            #expect(String(buffer: body).contains("First headline"))
            #expect(headers[.vary] == "Accept-Encoding")

            #expect(try await get("/en/news/all", [.ifNoneMatch: etag]).0 == 304)
            #expect(try await get("/en/news/all", [.ifNoneMatch: "\"other\", \(etag)"]).0 == 304)
            #expect(try await get("/en/news/all", [.ifModifiedSince: lastModified]).0 == 304)
            #expect(try await get("/en/news/all", [.ifNoneMatch: "\"stale\""]).0 == 200)

            var (_, gzipHeaders, gzipped) = try await get("/en/news/all", [.acceptEncoding: "br, gzip"])
            #expect(gzipHeaders[.contentEncoding] == "gzip")
            #expect(gzipped.readableBytes < body.readableBytes)
            let unzipped = try gzipped.decompress(with: .gzip())
            #expect(unzipped == body)
            #expect(try await get("/en/news/all", [.acceptEncoding: "gzip;q=0"]).1[.contentEncoding] == nil)

            // New content: a new ETag and the new headline, with no restart.
            _ = try await store.save(SiteTests.version(.en, title: "Second headline", published: "2025-12-19T10:00:00"),
                                     for: ArticleKey(project: "kgd-zhetysu", govkzID: "2"))
            let (afterStatus, afterHeaders, afterBody) = try await get("/en/news/all", [.ifNoneMatch: etag])
            #expect(afterStatus == 200)
            #expect(afterHeaders[.eTag] != etag)
            #expect(String(buffer: afterBody).contains("Second headline"))

            // Errors are never cached or given an ETag.
            let (missing, missingHeaders, _) = try await get("/en/news/999999")
            #expect(missing == 404)
            #expect(missingHeaders[.eTag] == nil)
        }
        withExtendedLifetime(database) {}
    }

    @Test("a page cached for the generation last read is answered on the event loop exactly as the application answers it")
    func eventLoopAnswers() async throws {
        let database = try await TemporaryDatabase()
        let store = database.store
        try await store.seed(sources: SourceCatalog.parse("kgd-zhetysu"))
        _ = try await store.save(SiteTests.version(.en, title: "First headline"), for: ArticleKey(project: "kgd-zhetysu", govkzID: "1"))
        let logger = Logger(label: "cache-test") { _ in SwiftLogNoOpLogHandler() }
        let app = Site(store: store, contentCheckInterval: .seconds(60)).application(hostname: "127.0.0.1", port: 0, logger: logger)
        try await app.test(.live) { client in
            func get(_ uri: String, _ headers: HTTPFields = [:]) async throws -> (Int, HTTPFields, ByteBuffer) {
                try await client.execute(uri: uri, method: .get, headers: headers) { ($0.status.code, $0.headers, $0.body) }
            }
            let rendered = try await get("/en/news/all")
            let cached = try await get("/en/news/all")
            #expect(rendered.0 == 200 && cached.0 == 200)
            #expect(cached.2 == rendered.2)
            var same = cached.1, first = rendered.1
            same[.date] = nil
            first[.date] = nil
            #expect(same == first)
            #expect(cached.1[.server] == "EnbekshiQazaQ" && cached.1[.date] != nil)
            let etag = try #require(cached.1[.eTag])
            #expect(try await get("/en/news/all", [.ifNoneMatch: etag]).0 == 304)
            var (_, gzipHeaders, gzipped) = try await get("/en/news/all", [.acceptEncoding: "gzip"])
            #expect(gzipHeaders[.contentEncoding] == "gzip")
            #expect(try gzipped.decompress(with: .gzip()) == rendered.2)
            // HEAD and the health check still reach the application.
            #expect(try await client.execute(uri: "/en/news/all", method: .head) { $0.status.code } == 200)
            #expect(try await get("/healthz").0 == 200)
        }
        withExtendedLifetime(database) {}
    }
}
