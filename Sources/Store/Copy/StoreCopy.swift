import Foundation

/// Moves a whole database from one engine to another (SQLite to PostgreSQL, or back), table by
/// table in key order, a batch per transaction, keeping every id (pages' addresses carry them).
/// A row already in the destination is skipped, so a copy that was interrupted is finished by
/// running it again; at the end every table's count is compared with the source's.
public enum StoreCopy {
    public struct TableCount: Sendable, Hashable {
        public var table: String
        public var source: Int
        public var destination: Int
    }

    public enum Failure: Error, CustomStringConvertible {
        case sameEngine
        case unsupported(String)
        case countsDiffer([TableCount])

        public var description: String {
            switch self {
            case .sameEngine: "copy: source and destination are the same kind of database; copy the file or use pg_dump instead"
            case .unsupported(let what): "copy: \(what)"
            case .countsDiffer(let counts):
                "copy: counts differ after the copy: "
                    + counts.map { "\($0.table) \($0.source) in the source, \($0.destination) in the destination" }.joined(separator: "; ")
            }
        }
    }

    /// Copies `source` into `destination` (both migrated to the current schema). `progress` gets
    /// the table, rows copied so far and the table's size.
    @discardableResult
    public static func run(
        from source: any NewsStore, to destination: any NewsStore, batch: Int = 500,
        progress: @Sendable (String, Int, Int) -> Void = { _, _, _ in }
    ) async throws -> [TableCount] {
        let reader = try endpoint(source), writer = try endpoint(destination)
        guard type(of: reader) != type(of: writer) else { throw Failure.sameEngine }
        var counts: [TableCount] = []
        for table in CopyTable.all {
            let total = try await reader.rowCount(table)
            var copied = 0
            func key(after rows: [[CopyValue]]) -> [CopyValue]? {
                rows.last.map { final in table.key.compactMap { key in table.columnNames.firstIndex(of: key).map { final[$0] } } }
            }
            progress(table.name, 0, total)
            // The next batch is read while this one is written.
            var rows = try await reader.rows(table, after: nil, limit: max(1, batch))
            while let after = key(after: rows) {
                async let following = reader.rows(table, after: after, limit: max(1, batch))
                try await writer.write(table, rows: rows)
                copied += rows.count
                progress(table.name, min(copied, total), total)
                rows = try await following
            }
            try await writer.finish(table)
            counts.append(TableCount(table: table.name, source: total, destination: try await writer.rowCount(table)))
        }
        let differing = counts.filter { $0.source != $0.destination }
        guard differing.isEmpty else { throw Failure.countsDiffer(differing) }
        return counts
    }

    static func endpoint(_ store: any NewsStore) throws -> any CopyEndpoint {
        switch store {
        case let sqlite as SQLiteStore: SQLiteCopyEndpoint(store: sqlite)
        case let postgres as PostgresStore: PostgresCopyEndpoint(store: postgres)
        default: throw Failure.unsupported("no copy for a store of type \(type(of: store))")
        }
    }
}
