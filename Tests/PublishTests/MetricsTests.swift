import AsyncHTTPClient
import Foundation
import Hummingbird
import HummingbirdTesting
import Logging
import NIOCore
@testable import Publish
import Store
import TestSupport
import Testing

/// `/metrics` in Prometheus's text format: requests by route template and status class, cache
/// hits counted where they are answered (the event loop included), figures read from the store;
/// only for the allowed networks, and never cached.
@Suite("Vital signs")
struct MetricsTests {
    static let logger = Logger(label: "metrics-test") { _ in SwiftLogNoOpLogHandler() }

    @Test("allowed networks: addresses and prefixes of both families, IPv4 over IPv6, nothing else")
    func networks() throws {
        let allowed = try AllowedNetworks(parsing: "10.0.0.0/8, 192.168.1.5,2001:db8::/32")
        #expect(allowed.contains(try SocketAddress(ipAddress: "10.20.30.40", port: 1)))
        #expect(allowed.contains(try SocketAddress(ipAddress: "192.168.1.5", port: 1)))
        #expect(!allowed.contains(try SocketAddress(ipAddress: "192.168.1.6", port: 1)))
        #expect(allowed.contains(try SocketAddress(ipAddress: "2001:db8::1", port: 1)))
        #expect(!allowed.contains(try SocketAddress(ipAddress: "2001:db9::1", port: 1)))
        #expect(allowed.contains(try SocketAddress(ipAddress: "::ffff:10.1.1.1", port: 1)))
        #expect(!allowed.contains(nil))
        #expect(AllowedNetworks.loopback.contains(try SocketAddress(ipAddress: "127.0.0.1", port: 1)))
        #expect(AllowedNetworks.loopback.contains(try SocketAddress(ipAddress: "::1", port: 1)))
        #expect(!AllowedNetworks.loopback.contains(try SocketAddress(ipAddress: "10.0.0.1", port: 1)))
        for bad in ["10.0.0.0/33", "example.org", "10.0.0/8", "::1/129"] {
            #expect(throws: AllowedNetworks.Invalid.self) { try AllowedNetworks(parsing: bad) }
        }
    }

    @Test("requests are counted by route template and status class, cache hits included; store figures are read at each scrape",
          arguments: StoreImplementation.allCases)
    func scrape(_ implementation: StoreImplementation) async throws {
        Vitals.start()
        let (store, lifetime) = try await implementation.make()
        defer { withExtendedLifetime(lifetime) {} }
        try await store.scheduleFeeds([FeedDue(source: "mod", language: .ru, due: Date())])
        _ = try await store.claimDueFeeds(owner: "w", now: Date(), limit: 1, duration: 600)
        let site = Site(store: store, contentCheckInterval: .seconds(60))
        let app = site.application(hostname: "127.0.0.1", port: 0, logger: Self.logger)
        let client = HTTPClient(eventLoopGroupProvider: .singleton)
        defer { _ = client.shutdown() }
        @Sendable func fetch(_ path: String, port: Int) async throws -> (Int, String, String?) {
            let response = try await client.execute(HTTPClientRequest(url: "http://127.0.0.1:\(port)\(path)"), timeout: .seconds(10))
            return (Int(response.status.code), String(buffer: try await response.body.collect(upTo: 8 << 20)), response.headers.first(name: "Cache-Control"))
        }
        @Sendable func count(_ text: String, _ series: String) -> Double {
            text.split(separator: "\n").first { $0.hasPrefix(series + " ") }.flatMap { Double($0.split(separator: " ").last ?? "") } ?? 0
        }
        try await app.test(.live) { test in
            let port = try #require(test.port)
            @Sendable func get(_ path: String) async throws -> (Int, String, String?) { try await fetch(path, port: port) }
            let before = try await get("/metrics").1
            // The leader's sample of the queues (`QueueSampler`): the latest is what the gauge shows.
            try await store.recordQueueSample(
                QueueSample(at: Date().addingTimeInterval(-60), translationPending: 2, translationFailed: 0, oldestJobSeconds: 0, reviewItems: 17))
            // The same page four times: one rendering, then hits (kept-alive connections are answered on the event loop).
            for _ in 0..<4 { #expect(try await get("/kk/news/all").0 == 200) }
            #expect(try await get("/xx/news/all").0 == 404)
            let (status, text, cacheControl) = try await get("/metrics")
            #expect(status == 200)
            #expect(cacheControl == "no-store")
            let pages = #"http_requests_total{route="/{lang}/news/all",method="GET",status="2xx"}"#
            // Other suites in this process may serve the same route meanwhile: at least ours are counted.
            #expect(count(text, pages) - count(before, pages) >= 4, "\(text)")
            let missing = #"http_requests_total{route="/{lang}/news/all",method="GET",status="4xx"}"#
            #expect(count(text, missing) - count(before, missing) >= 1)
            let hits = count(text, #"page_cache_requests_total{result="hit_event_loop"}"#) + count(text, #"page_cache_requests_total{result="hit"}"#)
            let earlierHits = count(before, #"page_cache_requests_total{result="hit_event_loop"}"#) + count(before, #"page_cache_requests_total{result="hit"}"#)
            #expect(hits - earlierHits >= 3)
            #expect(text.contains(#"http_request_duration_seconds_bucket{route="/{lang}/news/all",method="GET",status="2xx",le="#))
            #expect(count(text, "page_cache_entries") >= 1)
            #expect(count(text, #"leases{state="held"}"#) == 1)
            #expect(count(text, "store_up") == 1)
            #expect(count(text, "review_queue_items") == 17)
            #expect(count(text, "queue_sample_age_seconds") >= 60)
            if implementation == .sqlite {
                let writes = "sqlite_write_transaction_seconds_count"
                #expect(count(text, writes) - count(before, writes) >= 1, "the sample was written in a timed transaction")
                #expect(text.contains("sqlite_write_wait_seconds_bucket"))
            }
            #expect(text.contains("# TYPE http_requests_total counter"))
        }
    }

    @Test("an address outside the allowed networks is refused")
    func refused() async throws {
        let database = try await TemporaryDatabase()
        let site = Site(store: database.store, metricsAllowed: try AllowedNetworks(parsing: "10.0.0.0/8"))
        try await site.application(hostname: "127.0.0.1", port: 0, logger: Self.logger).test(.live) { client in
            let (status, body) = try await client.execute(uri: "/metrics", method: .get) { ($0.status.code, String(buffer: $0.body)) }
            #expect(status == 403)
            #expect(body.contains("--metrics-allow"))
            #expect(!body.contains("http_requests_total"))
        }
    }
}
