import Foundation
import Logging
import PostgresNIO

/// Applies frozen schema steps (`PostgresSchema`) in order, each recorded in `schema_migrations`.
/// All pending steps run in one transaction under a transaction-scoped advisory lock, so two nodes
/// starting together cannot both migrate: the second waits, then finds nothing to do. A database
/// that has steps this binary does not know (a newer binary migrated it) is refused.
struct PostgresMigrator {
    let steps: [PostgresSchema.Step]
    /// A schema of its own (checked to be a plain name by `PostgresLocation`), created if missing.
    let schema: String?
    /// The advisory lock's key: any constant of our own ("enbekshi" as bytes).
    static let lockKey: Int64 = 0x656E_6265_6B73_6869

    enum Failure: Error, CustomStringConvertible {
        case newerSchema([String])
        var description: String {
            switch self {
            case .newerSchema(let unknown):
                "the database has schema steps this binary does not know (\(unknown.joined(separator: ", "))): it was migrated by a newer enbekshi"
            }
        }
    }

    func migrate(_ client: PostgresClient, logger: Logger) async throws {
        try await PostgresStore.unwrapping { try await client.withTransaction(logger: logger) { connection in
            _ = try await connection.query("SELECT pg_advisory_xact_lock(\(Self.lockKey))", logger: logger).collect()
            if let schema {
                _ = try await connection.query(PostgresQuery(unsafeSQL: "CREATE SCHEMA IF NOT EXISTS \(schema)"), logger: logger).collect()
            }
            _ = try await connection.query(
                "CREATE TABLE IF NOT EXISTS schema_migrations (step TEXT PRIMARY KEY, applied_at TIMESTAMPTZ NOT NULL)",
                logger: logger
            ).collect()
            let applied = try await Self.applied(connection, logger: logger)
            let known = Set(steps.map(\.name))
            let unknown = applied.filter { !known.contains($0) }
            guard unknown.isEmpty else { throw Failure.newerSchema(unknown.sorted()) }
            for step in steps where !applied.contains(step.name) {
                logger.info("applying schema step", metadata: ["step": "\(step.name)"])
                for statement in step.statements {
                    _ = try await connection.query(PostgresQuery(unsafeSQL: statement), logger: logger).collect()
                }
                _ = try await connection.query(
                    "INSERT INTO schema_migrations (step, applied_at) VALUES (\(step.name), \(Date()))", logger: logger
                ).collect()
            }
        } }
    }

    /// Steps not applied yet, in order; every step when the database is empty.
    func pending(_ client: PostgresClient, logger: Logger) async throws -> [String] {
        try await client.withConnection { connection in
            let exists = try await connection.query("SELECT to_regclass('schema_migrations') IS NOT NULL AS present", logger: logger)
                .collect().first?.makeRandomAccess()["present"].decode(Bool.self) ?? false
            let applied = exists ? try await Self.applied(connection, logger: logger) : []
            return steps.map(\.name).filter { !applied.contains($0) }
        }
    }

    static func applied(_ connection: PostgresConnection, logger: Logger) async throws -> Set<String> {
        var applied = Set<String>()
        for row in try await connection.query("SELECT step FROM schema_migrations", logger: logger).collect() {
            applied.insert(try row.makeRandomAccess()["step"].decode(String.self))
        }
        return applied
    }
}
