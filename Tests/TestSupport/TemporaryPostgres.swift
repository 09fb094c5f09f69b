import Foundation
import Store

/// A fresh schema of its own on the test PostgreSQL server (`ENBEKSHI_TEST_POSTGRES`, which
/// scripts/test sets after starting a throwaway cluster), migrated. Schemas are left behind: the
/// cluster is removed when the run ends.
public final class TemporaryPostgres: Sendable {
    public static let variable = "ENBEKSHI_TEST_POSTGRES"
    public let url: String
    public let store: PostgresStore

    public struct NotConfigured: Error, CustomStringConvertible {
        public var description: String {
            "\(TemporaryPostgres.variable) is not set: run scripts/test, which starts a throwaway PostgreSQL cluster and sets it"
        }
    }

    /// `ENBEKSHI_TEST_POSTGRES=off`: a developer without PostgreSQL runs the SQLite side alone (the
    /// PostgreSQL cases are then not generated, and PostgreSQL-only suites say they are disabled).
    /// scripts/test and CI never set it.
    public static var isOff: Bool { ProcessInfo.processInfo.environment[variable] == "off" }

    /// Seconds a test's store waits for its first connection: when the whole suite starts at once on
    /// two cores, the server forks a backend per connection and each signs in with SCRAM, and the
    /// 10 s an operator's command waits is not always enough.
    public static let patientConnect = 60

    /// The server's URL, from the environment.
    public static func serverURL() throws -> String {
        guard let url = ProcessInfo.processInfo.environment[variable], !url.isEmpty else { throw NotConfigured() }
        return url
    }

    public init() async throws {
        let schema = "test_" + UUID().uuidString.replacingOccurrences(of: "-", with: "").lowercased()
        // Search asks two article ids at a time, so every search in the tests walks many slices.
        url = try Self.serverURL() + "?search_path=" + schema + "&search_slice=2&connect_timeout=\(Self.patientConnect)"
        store = try PostgresStore(url: url)
        try await store.migrate()
    }

    deinit {
        let store = store
        Task { await store.shutdown() }
    }
}
