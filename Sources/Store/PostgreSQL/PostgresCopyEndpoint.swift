import EnbekshiCore
import Foundation
import PostgresNIO

/// PostgreSQL's side of `StoreCopy`: a batch is one multi-row INSERT (resumable: rows already
/// there are skipped, which COPY cannot do); a version's search document is made as it arrives and
/// written with it; id sequences are moved past the copied ids at the end of each table.
struct PostgresCopyEndpoint: CopyEndpoint {
    let store: PostgresStore

    func rowCount(_ table: CopyTable) async throws -> Int {
        Int(try await store.rows(PostgresQuery(unsafeSQL: "SELECT count(*) AS n FROM \(table.name)")).first?["n"].decode(Int64.self) ?? 0)
    }

    func rows(_ table: CopyTable, after key: [CopyValue]?, limit: Int) async throws -> [[CopyValue]] {
        let keys = table.key.joined(separator: ", ")
        var sql = PostgresSQL("SELECT \(table.columnNames.joined(separator: ", ")) FROM \(table.name)")
        if let key {
            let placeholders = key.map { Self.bind($0, into: &sql) }
            sql.append(" WHERE (\(keys)) > (\(placeholders.joined(separator: ", ")))")
        }
        sql.append(" ORDER BY \(keys) LIMIT \(limit)")
        return try await store.rows(sql.query).map { row in
            try table.columns.enumerated().map { index, column in try Self.value(row[index], column.kind) }
        }
    }

    func write(_ table: CopyTable, rows: [[CopyValue]]) async throws {
        guard !rows.isEmpty else { return }
        var sql = PostgresSQL("INSERT INTO \(table.name) (\(table.columnNames.joined(separator: ", "))) VALUES ")
        var tuples: [String] = []
        for row in rows {
            tuples.append("(" + row.map { Self.bind($0, into: &sql) }.joined(separator: ", ") + ")")
        }
        sql.append(tuples.joined(separator: ", "))
        if table.replaces {
            let updates = table.columnNames.filter { !table.key.contains($0) }.map { "\($0) = excluded.\($0)" }
            sql.append(" ON CONFLICT (\(table.key.joined(separator: ", "))) DO UPDATE SET \(updates.joined(separator: ", "))")
        } else {
            sql.append(" ON CONFLICT DO NOTHING")
        }
        guard table.name == "versions" else { return try await store.execute(sql.query) }
        // Search documents are made on every core, and written with their versions.
        let documents = await rows.concurrentMap { Self.searchDocument($0, table) }
        let query = sql.query, logger = store.logger
        try await store.transaction { connection in
            try await PostgresStore.run(query, on: connection, logger: logger)
            try await PostgresStore.writeDocuments(documents.compactMap { $0 }, on: connection, logger: logger)
        }
    }

    func finish(_ table: CopyTable) async throws {
        // Only generated ids have a sequence (a session's id is the hash of its secret).
        guard let first = table.columns.first, first.name == "id", case .integer = first.kind else { return }
        try await store.execute(
            PostgresQuery(
                unsafeSQL: """
                    SELECT setval(pg_get_serial_sequence('\(table.name)', 'id'), max(id)) FROM \(table.name) HAVING max(id) IS NOT NULL
                    """))
    }

    static func searchDocument(_ row: [CopyValue], _ table: CopyTable) -> PostgresStore.SearchDocumentRow? {
        func value(_ column: String) -> CopyValue? {
            table.columnNames.firstIndex(of: column).map { row[$0] }
        }
        func text(_ column: String) -> String {
            guard case .text(let text)? = value(column) else { return "" }
            return text
        }
        guard case .integer(let articleID)? = value("article_id"), let language = Language(rawValue: text("lang")) else { return nil }
        return PostgresStore.SearchDocumentRow(
            articleID: articleID, language: language,
            vector: PostgresSearchDocument.vector(title: text("title"), bodyHTML: text("body_html"), language: language))
    }

    static func bind(_ value: CopyValue, into sql: inout PostgresSQL) -> String {
        switch value {
        case .null: return sql.bindNull()
        case .integer(let number): return sql.bind(number)
        case .real(let number): return sql.bind(number)
        case .text(let text): return sql.bind(text)
        case .bool(let flag): return sql.bind(flag)
        case .instant(let date): return sql.bind(date)
        case .bytes(let data): return sql.bind(ByteBuffer(data: data))
        }
    }

    static func value(_ cell: PostgresCell, _ kind: CopyTable.Kind) throws -> CopyValue {
        guard cell.bytes != nil else { return .null }
        switch kind {
        case .integer: return .integer(try cell.decode(Int64.self))
        case .real: return .real(try cell.decode(Double.self))
        case .text, .packed: return .text(try cell.decode(String.self))
        case .bool: return .bool(try cell.decode(Bool.self))
        case .instant: return .instant(try cell.decode(Date.self))
        case .signature, .blob: return .bytes(Data(buffer: try cell.decode(ByteBuffer.self)))
        }
    }
}
