import ArgumentParser
import Foundation
import Store

struct CopyCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "copy",
        abstract: "Copy a whole database to another engine: a SQLite file to PostgreSQL, or back.",
        discussion: """
            Every table, in batches, keeping every id (page addresses carry them). The destination is \
            created or migrated; rows it already has are skipped, so a copy that was interrupted is \
            finished by running it again. At the end each table's count is compared with the source's \
            (exit 1 when they differ). Stop the site and harvest writing to the source first.
            """)

    @Option(name: .long, help: "The database to copy: a SQLite file or a postgres:// URL (it must exist and be migrated).")
    var from: String

    @Option(name: .long, help: "Where to copy it: a postgres:// URL or a SQLite file (created if missing).")
    var to: String

    @Option(name: .long, help: "Rows per transaction.")
    var batch = 500

    @OptionGroup var logging: LoggingOptions

    func validate() throws {
        guard batch >= 1, batch <= 5000 else { throw ValidationError("--batch must be between 1 and 5000") }
        if case .sqlite(let path) = try StoreFactory.engine(for: from), !FileManager.default.fileExists(atPath: path) {
            throw ValidationError("--from: \(path) does not exist")
        }
    }

    func run() async throws {
        let logger = logging.bootstrap()
        let source = try StoreFactory.open(from, logger: logger)
        let destination = try StoreFactory.open(to, logger: logger)
        try await source.connect()
        try await destination.connect()
        let behind = try await source.pendingMigrations()
        guard behind.isEmpty else {
            throw ValidationError(
                "--from: the schema is \(behind.count) step(s) behind this binary; run `enbekshi migrate --database \(StoreFactory.redacted(from))` first")
        }
        try await StoreOptions.migrate(
            destination, pending: try await destination.pendingMigrations(), logger: logger, database: StoreFactory.redacted(to))
        let bar = ProgressLine(label: "copy", logger: logger, logEvery: 10_000)
        let started = ContinuousClock.now
        let counts = try await StoreCopy.run(from: source, to: destination, batch: batch) { table, done, total in
            bar.update(done: done, total: total, detail: table)
        }
        for count in counts { print("\(count.table): \(count.destination) rows") }
        print("copied \(StoreFactory.redacted(from)) to \(StoreFactory.redacted(to)) in \(String(format: "%.1f", (ContinuousClock.now - started).seconds)) s; counts match")
        await source.shutdown()
        await destination.shutdown()
    }
}
