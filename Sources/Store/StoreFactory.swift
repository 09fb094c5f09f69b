import Foundation
import Logging

/// The one place that chooses a storage engine, from what `--database` (or `ENBEKSHI_DATABASE`)
/// says: a `postgres://` or `postgresql://` URL names a server, anything else a SQLite file.
public enum StoreFactory {
    public enum Engine: Sendable, Equatable {
        case sqlite(path: String)
        case postgres(url: String)
    }

    public enum Failure: Error, Equatable, CustomStringConvertible {
        case badURL(String)

        public var description: String {
            switch self {
            case .badURL(let detail): "--database: \(detail)"
            }
        }
    }

    /// Which engine a `--database` value names; a server URL must name a host and a database.
    public static func engine(for database: String) throws -> Engine {
        let lowered = database.lowercased()
        guard lowered.hasPrefix("postgres://") || lowered.hasPrefix("postgresql://") else {
            guard !database.isEmpty else { throw Failure.badURL("empty; give a file path or a postgres:// URL") }
            return .sqlite(path: database)
        }
        guard let components = URLComponents(string: database), let host = components.host, !host.isEmpty else {
            throw Failure.badURL("\(redacted(database)) is not a URL of the form postgres://user:password@host:port/database")
        }
        guard components.path.count > 1 else { throw Failure.badURL("\(redacted(database)) names no database") }
        return .postgres(url: database)
    }

    /// The store for a `--database` value, not yet migrated; a server's pool logs to `logger`.
    public static func open(_ database: String, logger: Logger = Logger(label: "enbekshi.store")) throws -> any NewsStore {
        switch try engine(for: database) {
        case .sqlite(let path): try SQLiteStore(path: path)
        case .postgres(let url): try PostgresStore(url: url, logger: logger)
        }
    }

    /// Why a backup or a restore of a file was refused.
    public enum BackupFailure: Error, CustomStringConvertible {
        case exists(String)
        case missing(String)
        case damaged(String, [String])

        public var description: String {
            switch self {
            case .exists(let path): "\(path) exists already: choose a new file (a backup never overwrites one)"
            case .missing(let path): "\(path) does not exist"
            case .damaged(let path, let problems): "\(path) fails its integrity check: \(problems.prefix(5).joined(separator: "; "))"
            }
        }
    }

    /// PostgreSQL has its own tools for backups: `backup` and `restore` say so instead of trying.
    public struct ServerBackup: Error, CustomStringConvertible {
        public var description: String {
            "a PostgreSQL database is backed up with pg_dump and put back with pg_restore (README: Backups); "
                + "`enbekshi backup` copies SQLite files"
        }
    }

    /// Copies a live SQLite database to a new file, checked; returns the copy's size in bytes.
    public static func backup(_ database: String, to file: String, progress: @escaping @Sendable (Int, Int) -> Void) async throws -> Int {
        guard case .sqlite(let path) = try engine(for: database) else { throw ServerBackup() }
        guard FileManager.default.fileExists(atPath: path) else { throw BackupFailure.missing(path) }
        return try await SQLiteStore(path: path).backup(to: file, progress: progress)
    }

    /// Puts a checked backup in place of a SQLite database's content, after keeping what was there in
    /// a backup of its own (`keep`, when the database exists).
    public static func restore(
        _ database: String, from file: String, keep: String?, progress: @escaping @Sendable (Int, Int) -> Void
    ) async throws {
        guard case .sqlite(let path) = try engine(for: database) else { throw ServerBackup() }
        guard FileManager.default.fileExists(atPath: file) else { throw BackupFailure.missing(file) }
        // The backup is checked before anything is touched.
        let problems: [String]
        do {
            problems = try await SQLiteStore(path: file).integrityProblems()
        } catch {
            throw BackupFailure.damaged(file, ["\(error)"])
        }
        guard problems.isEmpty else { throw BackupFailure.damaged(file, problems) }
        let store = try SQLiteStore(path: path)
        if let keep, FileManager.default.fileExists(atPath: path) { try await store.backup(to: keep) { _, _ in } }
        try await store.restore(from: file, progress: progress)
    }

    /// A database URL fit for logs: the password replaced.
    public static func redacted(_ database: String) -> String {
        guard var components = URLComponents(string: database), components.password != nil else { return database }
        components.password = "***"
        return components.string ?? database
    }
}
