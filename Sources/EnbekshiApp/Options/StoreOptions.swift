import ArgumentParser
import EnbekshiCore
import Foundation
import Logging
import Store

/// Where the database is. The store is migrated (unless told not to) and the source catalog seeded
/// on every open.
struct StoreOptions: ParsableArguments {
    @Option(name: .long, help: "SQLite database file, or a postgres:// URL (env ENBEKSHI_DATABASE; default ./enbekshi.sqlite).")
    var database: String?

    var path: String {
        database ?? ProcessInfo.processInfo.environment["ENBEKSHI_DATABASE"] ?? "enbekshi.sqlite"
    }

    /// The database as it may be shown: a server URL's password replaced.
    var shown: String { StoreFactory.redacted(path) }

    /// The schema is older than this binary and the command was told not to migrate it.
    struct SchemaBehind: Error, CustomStringConvertible {
        var database: String
        var pending: [String]
        var description: String {
            "\(database): the schema is \(pending.count) step(s) behind this binary (\(pending.joined(separator: "; "))); "
                + "run `enbekshi migrate --database \(database)` first"
        }
    }

    /// The store, migrated to this binary's schema; with `migrating` false, a schema that needs a step
    /// is refused (several nodes share one database: one `enbekshi migrate` upgrades it).
    func open(logger: Logger, migrating: Bool = true) async throws -> any NewsStore {
        let store = try StoreFactory.open(path, logger: logger)
        try await store.connect()
        let pending = try await store.pendingMigrations()
        if !migrating, !pending.isEmpty {
            let error = SchemaBehind(database: shown, pending: pending)
            logger.error("database schema is behind", metadata: ["database": "\(shown)", "pending": "\(pending.count)"])
            throw error
        }
        try await Self.migrate(store, pending: pending, logger: logger, database: shown)
        let added = try await store.seed(sources: SourceCatalog.bundled() + [.newsroom])
        if added > 0 {
            logger.info("source catalog seeded", metadata: ["added": "\(added)", "database": "\(shown)"])
        }
        return store
    }

    /// Applies the pending steps, saying so first: a long step (v11 walks the whole search index)
    /// is not a silent pause.
    static func migrate(_ store: any NewsStore, pending: [String], logger: Logger, database: String) async throws {
        guard !pending.isEmpty else { return }
        if pending == store.migrationSteps {
            logger.info("creating the database", metadata: ["database": "\(database)"])
        } else {
            logger.info("migrating the database", metadata: ["database": "\(database)", "steps": "\(pending.joined(separator: "; "))"])
        }
        let took = try await ContinuousClock().measure { try await store.migrate() }
        logger.info("database migrated", metadata: ["database": "\(database)", "seconds": "\(String(format: "%.1f", took.seconds))"])
    }
}
