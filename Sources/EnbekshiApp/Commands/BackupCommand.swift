import ArgumentParser
import Foundation
import Store

struct BackupCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "backup",
        abstract: "Copy a live SQLite database to a new file, consistently, and check the copy.",
        discussion: """
            Uses SQLite's online backup API: the site may keep serving and harvesting while it runs. The \
            copy is then checked (SQLite's integrity and foreign-key checks, and each search index's own \
            check) and removed if it fails. FILE must not exist. For PostgreSQL use pg_dump (README: Backups).
            """)

    @Argument(help: "The new file to write.") var file: String
    @OptionGroup var store: StoreOptions
    @OptionGroup var logging: LoggingOptions

    func run() async throws {
        let logger = logging.bootstrap()
        let progress = ProgressLine(label: "backup", logger: logger, logEvery: 10_000)
        let bytes = try await BackupCommand.refusalsAsUsage {
            try await StoreFactory.backup(store.path, to: file) { done, total in progress.update(done: done, total: total, detail: "pages") }
        }
        print("backup: \(store.shown) → \(file), \(bytes / 1_048_576) MB, integrity and search indexes checked")
    }

    /// A refused backup or restore (a server, a file in the way, a damaged backup) is the
    /// operator's to fix: said as a usage error, not as a crash.
    static func refusalsAsUsage<T>(_ work: () async throws -> T) async throws -> T {
        do {
            return try await work()
        } catch let failure as StoreFactory.ServerBackup {
            throw ValidationError(failure.description)
        } catch let failure as StoreFactory.BackupFailure {
            throw ValidationError(failure.description)
        }
    }
}

struct RestoreCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "restore",
        abstract: "Put a backup made by `enbekshi backup` in place of a SQLite database, safely.",
        discussion: """
            The backup is checked first and nothing changes if it fails. What the database held is kept \
            in a backup of its own beside it (DATABASE.before-restore-TIME), then the backup's pages are \
            written through SQLite. Stop `serve` first. For PostgreSQL use pg_restore (README: Backups).
            """)

    @Argument(help: "The backup to put back.") var file: String
    @OptionGroup var store: StoreOptions
    @OptionGroup var logging: LoggingOptions

    func run() async throws {
        let logger = logging.bootstrap()
        let progress = ProgressLine(label: "restore", logger: logger, logEvery: 10_000)
        let stamp = Date().formatted(.iso8601.year().month().day().dateSeparator(.omitted).time(includingFractionalSeconds: false).timeSeparator(.omitted))
        var keep = store.path + ".before-restore-" + stamp
        if FileManager.default.fileExists(atPath: keep) { keep += "-" + UUID().uuidString.prefix(8) }
        try await BackupCommand.refusalsAsUsage {
            try await StoreFactory.restore(store.path, from: file, keep: keep) { done, total in progress.update(done: done, total: total, detail: "pages") }
        }
        print("restore: \(file) → \(store.shown); what it held before is in \(keep) (if it existed)")
    }
}
