import Foundation
import Hummingbird
import HummingbirdTesting
import Logging
@testable import Publish
import Store
import TestSupport
import Testing

/// `/livez` says the process answers; `/readyz` that the database answers and its schema is this
/// binary's; neither is ever cached.
@Suite("Health checks")
struct ReadinessTests {
    static let logger = Logger(label: "readiness-test") { _ in SwiftLogNoOpLogHandler() }

    @Test("a migrated database is ready; both checks answer no-store and reach the application every time", arguments: StoreImplementation.allCases)
    func ready(_ implementation: StoreImplementation) async throws {
        let (store, lifetime) = try await implementation.make()
        defer { withExtendedLifetime(lifetime) {} }
        let site = Site(store: store, contentCheckInterval: .seconds(60))
        let app = site.application(hostname: "127.0.0.1", port: 0, logger: Self.logger)
        try await app.test(.live) { client in
            var expected = "database answers\nschema current\n"
            var listening: Task<Void, any Error>?
            defer { listening?.cancel() }
            if let listener = site.changeListener(logger: Self.logger) {
                // A node that does not hear of other nodes' changes could serve stale pages: not ready.
                let (status, body) = try await client.execute(uri: "/readyz", method: .get) { ($0.status.code, String(buffer: $0.body)) }
                #expect(status == 503)
                #expect(body.contains("change listener not connected"))
                listening = Task { try await listener.run() }
                expected += "change listener connected\n"
                for _ in 0..<100 {
                    let status = try await client.execute(uri: "/readyz", method: .get) { $0.status.code }
                    if status == 200 { break }
                    try await Task.sleep(for: .milliseconds(50))
                }
            }
            for path in ["/livez", "/readyz", "/readyz"] {
                let (status, headers, body) = try await client.execute(uri: path, method: .get) { ($0.status.code, $0.headers, String(buffer: $0.body)) }
                #expect(status == 200, "\(path)")
                #expect(headers[.cacheControl] == "no-store", "\(path)")
                #expect(path == "/livez" ? body == "live\n" : body == expected)
            }
        }
    }

    @Test("a database whose schema is behind this binary is not ready: 503 with the reason")
    func behind() async throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("enbekshi-readyz-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        let store = try SQLiteStore(path: directory.appendingPathComponent("new.sqlite").path)
        let app = Site(store: store, contentCheckInterval: .seconds(60)).application(hostname: "127.0.0.1", port: 0, logger: Self.logger)
        try await app.test(.live) { client in
            let (status, body) = try await client.execute(uri: "/readyz", method: .get) { ($0.status.code, String(buffer: $0.body)) }
            #expect(status == 503)
            #expect(body.contains("schema behind") && body.contains("enbekshi migrate"))
            #expect(try await client.execute(uri: "/livez", method: .get) { $0.status.code } == 200)
        }
    }

    @Test("a check that does not answer in time fails the deadline instead of hanging")
    func deadline() async throws {
        await #expect(throws: Readiness.DeadlineExceeded.self) {
            try await Readiness.withDeadline(.milliseconds(50)) {
                try await Task.sleep(for: .seconds(5))
                return 1
            }
        }
        #expect(try await Readiness.withDeadline(.seconds(5)) { 7 } == 7)
    }
}
