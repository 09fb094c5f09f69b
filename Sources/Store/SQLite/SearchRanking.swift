import CSQLite
import GRDB

/// "By relevance": `enbekshi_rank(search_xx)`, an FTS5 auxiliary function scoring a match like BM25
/// (term frequency saturating with k1, normalised by the text's length against the average) with the
/// headline weighing three times the body, but without the inverse document frequency. FTS5's own
/// `bm25()` computes that frequency by walking every match of every term once per query: 12 ms for a
/// common word at 200,000 articles, growing with the corpus, while this costs a few microseconds
/// per ranked row. Lower is better, as with `bm25()`.
enum SearchRanking {
    static let name = "enbekshi_rank"

    /// Registers the function on one connection; returns false when FTS5 is not there.
    @discardableResult
    static func register(_ db: Database) -> Bool {
        guard let connection = db.sqliteConnection else { return false }
        var statement: OpaquePointer?
        guard sqlite3_prepare_v3(connection, "SELECT fts5(?1)", -1, 0, &statement, nil) == SQLITE_OK else { return false }
        defer { sqlite3_finalize(statement) }
        var api: UnsafeMutablePointer<fts5_api>?
        sqlite3_bind_pointer(statement, 1, &api, pointerType, nil)
        sqlite3_step(statement)
        guard let api, api.pointee.iVersion >= 2, let create = api.pointee.xCreateFunction else { return false }
        return create(api, name, nil, rank, nil) == SQLITE_OK
    }

    /// SQLite keeps the type string's address, so it must live as long as the program.
    nonisolated(unsafe) private static let pointerType: UnsafePointer<CChar> = {
        let text = "fts5_api_ptr"
        let buffer = UnsafeMutablePointer<CChar>.allocate(capacity: text.utf8.count + 1)
        text.withCString { buffer.initialize(from: $0, count: text.utf8.count + 1) }
        return UnsafePointer(buffer)
    }()

    static let k1 = 1.2
    static let b = 0.75
    /// Column weights: title, body, facets (filter tokens never score).
    static let weights: [Double] = [3, 1, 0]
}

private func rank(
    _ api: UnsafePointer<Fts5ExtensionApi>?, _ fts: OpaquePointer?, _ context: OpaquePointer?, _ count: Int32,
    _ values: UnsafeMutablePointer<OpaquePointer?>?
) {
    guard let api = api?.pointee, let fts, let xPhraseCount = api.xPhraseCount, let xInstCount = api.xInstCount,
        let xInst = api.xInst, let xColumnSize = api.xColumnSize, let xColumnTotalSize = api.xColumnTotalSize,
        let xRowCount = api.xRowCount
    else { sqlite3_result_double(context, 0); return }
    let phrases = Int(xPhraseCount(fts))
    let columns = SearchRanking.weights.count
    var frequencies = [Double](repeating: 0, count: max(1, phrases * columns))
    var instances: Int32 = 0
    guard xInstCount(fts, &instances) == SQLITE_OK else { sqlite3_result_double(context, 0); return }
    for index in 0..<instances {
        var phrase: Int32 = 0, column: Int32 = 0, offset: Int32 = 0
        if xInst(fts, index, &phrase, &column, &offset) == SQLITE_OK, Int(phrase) < phrases, Int(column) < columns {
            frequencies[Int(phrase) * columns + Int(column)] += 1
        }
    }
    var rows: Int64 = 0
    _ = xRowCount(fts, &rows)
    var score = 0.0
    for column in 0..<columns where SearchRanking.weights[column] > 0 {
        var size: Int32 = 0, total: Int64 = 0
        _ = xColumnSize(fts, Int32(column), &size)
        _ = xColumnTotalSize(fts, Int32(column), &total)
        let average = rows > 0 && total > 0 ? Double(total) / Double(rows) : 1
        let norm = SearchRanking.k1 * (1 - SearchRanking.b + SearchRanking.b * Double(size) / average)
        for phrase in 0..<phrases {
            let frequency = frequencies[phrase * columns + column]
            guard frequency > 0 else { continue }
            score += SearchRanking.weights[column] * frequency * (SearchRanking.k1 + 1) / (frequency + norm)
        }
    }
    sqlite3_result_double(context, -score)
}
