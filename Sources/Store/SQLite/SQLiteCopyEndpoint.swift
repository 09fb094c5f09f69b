import Foundation
import GRDB

/// SQLite's side of `StoreCopy`: bodies deflated, timestamps as ISO-8601 text, booleans as
/// integers; the search index and day ranges follow the rows by trigger.
struct SQLiteCopyEndpoint: CopyEndpoint {
    let store: SQLiteStore

    func rowCount(_ table: CopyTable) async throws -> Int {
        try await store.database.read { db in try Int.fetchOne(db, sql: "SELECT count(*) FROM \(table.name)") ?? 0 }
    }

    func rows(_ table: CopyTable, after key: [CopyValue]?, limit: Int) async throws -> [[CopyValue]] {
        let keys = table.key.joined(separator: ", ")
        var sql = "SELECT \(table.columnNames.joined(separator: ", ")) FROM \(table.name)"
        var arguments = StatementArguments()
        if let key {
            sql += " WHERE (\(keys)) > (\(databaseQuestionMarks(count: key.count)))"
            arguments = StatementArguments(key.map(Self.databaseValue))
        }
        sql += " ORDER BY \(keys) LIMIT \(limit)"
        let finalSQL = sql, finalArguments = arguments
        return try await store.database.read { db in
            try Row.fetchAll(db, sql: finalSQL, arguments: finalArguments).map { row in
                table.columns.enumerated().map { index, column in Self.value(row[index] as DatabaseValue, column.kind) }
            }
        }
    }

    func write(_ table: CopyTable, rows: [[CopyValue]]) async throws {
        let columns = table.columnNames
        let verb = table.replaces ? "INSERT OR REPLACE" : "INSERT OR IGNORE"
        let sql = "\(verb) INTO \(table.name) (\(columns.joined(separator: ", "))) VALUES (\(databaseQuestionMarks(count: columns.count)))"
        try await store.write { db in
            let statement = try db.cachedStatement(sql: sql)
            for row in rows {
                try statement.execute(arguments: StatementArguments(zip(row, table.columns).map { Self.stored($0, $1.kind) }))
            }
        }
    }

    func finish(_ table: CopyTable) async throws {}

    /// A value read from SQLite, in the neutral form.
    static func value(_ stored: DatabaseValue, _ kind: CopyTable.Kind) -> CopyValue {
        if stored.isNull { return .null }
        switch kind {
        case .integer: return Int64.fromDatabaseValue(stored).map(CopyValue.integer) ?? .null
        case .real: return Double.fromDatabaseValue(stored).map(CopyValue.real) ?? .null
        case .text: return String.fromDatabaseValue(stored).map(CopyValue.text) ?? .null
        case .bool: return .bool((Int64.fromDatabaseValue(stored) ?? 0) != 0)
        case .instant: return StoreDate.date(String.fromDatabaseValue(stored)).map(CopyValue.instant) ?? .null
        case .packed: return PackedText.unpack(stored).map(CopyValue.text) ?? .null
        case .signature(let leadingCount):
            return StoredFingerprint.words(stored, leadingCount: leadingCount).map {
                .bytes(StoredFingerprint.bytes($0.map { UInt32(truncatingIfNeeded: $0) }))
            } ?? .null
        case .blob: return Data.fromDatabaseValue(stored).map(CopyValue.bytes) ?? .null
        }
    }

    /// A neutral value as SQLite stores it in a column of `kind`.
    static func stored(_ value: CopyValue, _ kind: CopyTable.Kind) -> DatabaseValue {
        switch (value, kind) {
        case (.text(let text), .packed): PackedText.pack(text)
        case (.bool(let flag), _): (flag ? 1 : 0).databaseValue
        case (.instant(let date), _): StoreDate.string(date).databaseValue
        default: databaseValue(value)
        }
    }

    static func databaseValue(_ value: CopyValue) -> DatabaseValue {
        switch value {
        case .null: .null
        case .integer(let number): number.databaseValue
        case .real(let number): number.databaseValue
        case .text(let text): text.databaseValue
        case .bool(let flag): (flag ? 1 : 0).databaseValue
        case .instant(let date): StoreDate.string(date).databaseValue
        case .bytes(let data): data.databaseValue
        }
    }
}
