import ArgumentParser
import Foundation
import Store

struct MigrateCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "migrate",
        abstract: "Bring the database's schema up to this binary's, or list what that would do.",
        discussion: """
            Every command migrates the database it opens, except `serve --no-migrate`, which refuses an \
            old schema: run this once, then start the nodes. Exits 0 when the schema is current.
            """)

    @OptionGroup var store: StoreOptions
    @OptionGroup var logging: LoggingOptions

    @Flag(name: .long, help: "List the steps still to apply, and apply nothing (exits 1 when there are some).")
    var list = false

    func run() async throws {
        let logger = logging.bootstrap()
        if list, case .sqlite(let path) = try StoreFactory.engine(for: store.path), !FileManager.default.fileExists(atPath: path) {
            // Listing never creates the file it was asked about.
            print("database: \(path) does not exist; every step is pending")
            throw ExitCode(1)
        }
        let database = try StoreFactory.open(store.path, logger: logger)
        try await database.connect()
        let pending = try await database.pendingMigrations()
        let applied = database.migrationSteps.count - pending.count
        print("database: \(store.shown)")
        print("schema: \(applied) of \(database.migrationSteps.count) steps applied")
        if list {
            for step in pending { print("pending: \(step)") }
            if !pending.isEmpty { throw ExitCode(1) }
            return
        }
        try await StoreOptions.migrate(database, pending: pending, logger: logger, database: store.shown)
        for step in pending { print("applied: \(step)") }
        print(pending.isEmpty ? "schema is current" : "schema is current: \(pending.count) step(s) applied")
    }
}
