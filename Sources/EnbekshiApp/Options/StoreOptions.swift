import ArgumentParser
import EnbekshiCore
import Foundation
import Logging
import Store

/// Where the database is. The store is migrated and the source catalog seeded on every open.
struct StoreOptions: ParsableArguments {
    @Option(name: .long, help: "SQLite database file, or a postgres:// URL (env ENBEKSHI_DATABASE; default ./enbekshi.sqlite).")
    var database: String?

    var path: String {
        database ?? ProcessInfo.processInfo.environment["ENBEKSHI_DATABASE"] ?? "enbekshi.sqlite"
    }

    func open(logger: Logger) async throws -> any NewsStore {
        let store = try StoreFactory.open(path)
        let path = store.location
        let pending = try await store.pendingMigrations()
        if pending == store.migrationSteps {
            logger.info("creating the database", metadata: ["database": "\(path)"])
        } else if !pending.isEmpty {
            // Said first, so a long step (v11 walks the whole search index) is not a silent pause.
            logger.info("migrating the database", metadata: ["database": "\(path)", "steps": "\(pending.joined(separator: "; "))"])
        }
        let clock = ContinuousClock()
        let took = try await clock.measure { try await store.migrate() }
        if !pending.isEmpty {
            logger.info("database migrated", metadata: ["database": "\(path)", "seconds": "\(String(format: "%.1f", took.seconds))"])
        }
        let added = try await store.seed(sources: SourceCatalog.bundled())
        if added > 0 {
            logger.info("source catalog seeded", metadata: ["added": "\(added)", "database": "\(path)"])
        }
        return store
    }
}
