import EnbekshiCore
import Foundation
import GovKzFake
import Harvest
import Testing

@Suite("HTTPGovKzClient against the fake gov.kz on 127.0.0.1")
struct HTTPGovKzClientTests {
    @Test("a list request carries the documented parameters, language, honest User-Agent and extra headers")
    func listRequest() async throws {
        let fake = FakeGovKz(corpus: try Fixtures.corpus())
        try await fake.withRunning { base in
            var configuration = testConfiguration(base)
            configuration.extraHeaders = [("X-Mirror-Key", "secret")]
            let items = try await withClient(configuration) { client in
                try await client.newsPage(project: "kgd-zhetysu", language: .en, page: 1, size: 10)
            }
            #expect(items.map(\.id) == ["1127933", "1127926", "1127821"])
            let request = try #require(fake.requests.first)
            #expect(request.path == "/api/v1/public/content-manager/news")
            #expect(request.query["sort-by"] == "created_date:DESC")
            #expect(request.query["projects"] == "eq:kgd-zhetysu")
            #expect(request.query["page"] == "1")
            #expect(request.query["size"] == "10")
            #expect(request.header("Accept-Language") == "en")
            #expect(request.header("User-Agent")?.contains("EnbekshiQazaQ") == true)
            #expect(request.header("X-Mirror-Key") == "secret")
        }
    }

    @Test("the {content:[…]} wrapper and the detail endpoint work; a missing item is nil")
    func wrapperAndDetail() async throws {
        let fake = FakeGovKz(corpus: try Fixtures.corpus())
        try await fake.withRunning { base in
            try await withClient(testConfiguration(base)) { client in
                let wrapped = try await client.newsPage(project: "kyzylorda-syrdarya", language: .en, page: 1, size: 10)
                #expect(wrapped.count == 2)
                let detail = try await client.newsItem(project: "mfa-london", id: "1127504", language: .en)
                #expect(detail?.id == "1127504")
                #expect(try await client.newsItem(project: "mfa-london", id: "404404", language: .en) == nil)
            }
        }
    }

    @Test("429 with Retry-After: the client waits as told, then succeeds")
    func retryAfter() async throws {
        let fake = FakeGovKz(corpus: try Fixtures.corpus())
        fake.inject(FakeFault(.status(429, retryAfter: "1"), target: .list))
        try await fake.withRunning { base in
            let items = try await withClient(testConfiguration(base)) { client in
                try await client.newsPage(project: "kgd-zhetysu", language: .en, page: 1, size: 10)
            }
            #expect(items.count == 3)
            let requests = fake.requests
            #expect(requests.map(\.status) == [429, 200])
            #expect(requests[1].receivedAt - requests[0].receivedAt >= .milliseconds(950))
        }
    }

    @Test("5xx, timeouts, HTML and truncated JSON are retried with back-off until an answer comes", arguments: [
        FakeFault.Kind.status(500), .status(503), .status(504), .delay(.seconds(6)), .html, .truncatedJSON,
    ])
    func transientFailures(_ kind: FakeFault.Kind) async throws {
        let fake = FakeGovKz(corpus: try Fixtures.corpus())
        fake.inject(FakeFault(kind, target: .list, times: 2))
        try await fake.withRunning { base in
            var configuration = testConfiguration(base)
            // Far below the delay, far above a normal answer even on a machine busy building (a
            // normal answer took over 1.2 s there once).
            configuration.requestTimeout = 2.5
            let items = try await withClient(configuration) { client in
                try await client.newsPage(project: "kgd-zhetysu", language: .en, page: 1, size: 10)
            }
            #expect(items.count == 3)
            #expect(fake.requests.count == 3)
        }
    }

    @Test("a failure that persists past the retries is reported, typed")
    func persistentFailure() async throws {
        let fake = FakeGovKz(corpus: try Fixtures.corpus())
        fake.inject(FakeFault(.html, target: .list, times: 100))
        try await fake.withRunning { base in
            _ = try await withClient(testConfiguration(base)) { client in
                await #expect(throws: GovKzError.notJSON(contentType: "text/html; charset=utf-8")) {
                    try await client.newsPage(project: "kgd-zhetysu", language: .en, page: 1, size: 10)
                }
            }
            #expect(fake.requests.count == 4)
        }
    }

    @Test("400 notAllowed means 'ticket needed' and is not hammered")
    func notAllowed() async throws {
        let fake = FakeGovKz(corpus: try Fixtures.corpus())
        fake.inject(FakeFault(.notAllowed, target: .list, times: 100))
        try await fake.withRunning { base in
            _ = try await withClient(testConfiguration(base)) { client in
                await #expect(throws: GovKzError.ticketNeeded) {
                    try await client.newsPage(project: "kgd-zhetysu", language: .en, page: 1, size: 10)
                }
            }
            #expect(fake.requests.count == 1)
        }
    }

    @Test("with a challenge path, the answer's string pairs are sent as headers")
    func challenge() async throws {
        let fake = FakeGovKz(corpus: try Fixtures.corpus())
        try await fake.withRunning { base in
            var configuration = testConfiguration(base)
            configuration.challengePath = "/api/v1/public/_/c/k6"
            try await withClient(configuration) { client in
                _ = try await client.newsPage(project: "kgd-zhetysu", language: .en, page: 1, size: 10)
                _ = try await client.newsPage(project: "kgd-zhetysu", language: .en, page: 2, size: 10)
            }
            let requests = fake.requests
            #expect(requests.map(\.method) == ["POST", "GET", "GET"])
            #expect(requests[1].header("token") == "fake-token")
            #expect(requests[2].header("hash") == "fake-hash")
        }
    }

    @Test("the global rate limit spaces requests")
    func rateLimit() async throws {
        let fake = FakeGovKz(corpus: try Fixtures.corpus())
        try await fake.withRunning { base in
            var configuration = testConfiguration(base)
            configuration.requestsPerSecond = 10
            let clock = ContinuousClock()
            let elapsed = try await withClient(configuration) { client in
                try await clock.measure {
                    try await withThrowingTaskGroup(of: Void.self) { group in
                        for page in 1...5 {
                            group.addTask { _ = try await client.newsPage(project: "kgd-zhetysu", language: .en, page: page, size: 1) }
                        }
                        try await group.waitForAll()
                    }
                }
            }
            #expect(fake.requests.count == 5)
            // The fifth request may start only four intervals of 100 ms after the first
            // (unthrottled, five local requests take a few milliseconds).
            #expect(elapsed >= .milliseconds(400))
        }
    }

    @Test("a closed port is reported as unreachable")
    func unreachable() async throws {
        var configuration = testConfiguration(closedPort)
        configuration.maxRetries = 1
        try await withClient(configuration) { client in
            do {
                _ = try await client.newsPage(project: "mod", language: .kk, page: 1, size: 10)
                Issue.record("a closed port answered")
            } catch let error as GovKzError {
                #expect(error.isUnreachable)
            }
        }
    }
}
