import EnbekshiCore
import Foundation
import Hummingbird
import HummingbirdTesting
import Logging
import NIOHTTP1
@testable import Publish
import Store
import TestSupport
import Testing

@Suite("The editors' room and the public page cache")
struct RoomBoundaryTests {
    @Test("the room's paths and session cookie are told apart from the public site's")
    func boundary() {
        #expect(RoomBoundary.contains(path: "/admin") && RoomBoundary.contains(path: "/admin/queue"))
        #expect(!RoomBoundary.contains(path: "/administration") && !RoomBoundary.contains(path: "/en/admin"))
        #expect(RoomBoundary.carriesSession(cookieHeaders: ["theme=dark; enbekshi_session=abc"]))
        #expect(RoomBoundary.carriesSession(cookieHeaders: ["a=1", "enbekshi_session=abc"]))
        #expect(!RoomBoundary.carriesSession(cookieHeaders: ["my_enbekshi_session=abc", "enbekshi_login=x"]))
        #expect(!PageCache.isCacheable(method: .get, path: "/admin/queue"))
    }

    @Test("a cached public page is not answered, on the event loop or after it, to a request carrying the room's session")
    func sessionBypassesTheCache() async throws {
        let database = try await TemporaryDatabase()
        try await database.store.seed(sources: SourceCatalog.parse("kgd-zhetysu"))
        _ = try await database.store.save(SiteTests.version(.en, title: "A headline"), for: ArticleKey(project: "kgd-zhetysu", govkzID: "1"))
        let logger = Logger(label: "room-boundary-test") { _ in SwiftLogNoOpLogHandler() }
        let site = Site(store: database.store, contentCheckInterval: .seconds(60))
        try await site.application(hostname: "127.0.0.1", port: 0, logger: logger).test(.live) { client in
            let cached = try await client.execute(uri: "/en/news/all", method: .get) { $0.headers[.eTag] }
            #expect(cached != nil)
            var head = HTTPRequestHead(version: .http1_1, method: .GET, uri: "/en/news/all")
            #expect(site.cachedAnswer(head) != nil)
            head.headers.add(name: "Cookie", value: "enbekshi_session=secret")
            #expect(site.cachedAnswer(head) == nil)
            let (status, etag) = try await client.execute(uri: "/en/news/all", method: .get, headers: [.cookie: "enbekshi_session=secret"]) {
                ($0.status.code, $0.headers[.eTag])
            }
            #expect(status == 200)
            #expect(etag == nil)
            // Without a room the room's paths are not found, and never cached.
            #expect(try await client.execute(uri: "/admin", method: .get) { $0.status.code } == 404)
        }
        withExtendedLifetime(database) {}
    }
}
