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

    /// A database URL fit for logs: the password replaced.
    public static func redacted(_ database: String) -> String {
        guard var components = URLComponents(string: database), components.password != nil else { return database }
        components.password = "***"
        return components.string ?? database
    }
}
