import EnbekshiCore
import Foundation
import GRDB

/// Full-text search: one FTS5 table per language (`search_kk`, `search_ru`, `search_en`), kept in
/// step with `versions` by triggers; the row id is the article id, so walking the index backwards
/// walks the news newest first.
extension SQLiteStore {
    static func searchTable(_ language: Language) -> String { "search_\(language.rawValue)" }

    /// How many of the newest matches "by relevance" ranks.
    public static let relevanceWindow = 2000

    /// Registered on every connection: the stemming tokenizer and the HTML-to-text function the
    /// triggers use.
    static func prepareSearch(_ db: Database) {
        db.add(tokenizer: SearchTokenizer.self)
        db.add(function: DatabaseFunction("enbekshi_plain", argumentCount: 1, pure: true) { values in
            String.fromDatabaseValue(values[0]).map(PlainText.from(html:)) ?? ""
        })
    }

    static func createSearchTables(_ db: Database) throws {
        for language in Language.allCases {
            let table = searchTable(language), code = language.rawValue
            try db.execute(
                sql: """
                    CREATE VIRTUAL TABLE \(table) USING fts5(title, body, tokenize = 'enbekshi \(code)');
                    INSERT INTO \(table) (rowid, title, body)
                        SELECT article_id, title, enbekshi_plain(body_html) FROM versions WHERE lang = '\(code)';
                    CREATE TRIGGER \(table)_insert AFTER INSERT ON versions WHEN NEW.lang = '\(code)' BEGIN
                        INSERT INTO \(table) (rowid, title, body) VALUES (NEW.article_id, NEW.title, enbekshi_plain(NEW.body_html));
                    END;
                    CREATE TRIGGER \(table)_update AFTER UPDATE OF title, body_html ON versions WHEN NEW.lang = '\(code)' BEGIN
                        DELETE FROM \(table) WHERE rowid = OLD.article_id;
                        INSERT INTO \(table) (rowid, title, body) VALUES (NEW.article_id, NEW.title, enbekshi_plain(NEW.body_html));
                    END;
                    CREATE TRIGGER \(table)_delete AFTER DELETE ON versions WHEN OLD.lang = '\(code)' BEGIN
                        DELETE FROM \(table) WHERE rowid = OLD.article_id;
                    END;
                    """)
        }
    }

    public func search(_ request: SearchRequest, limit: Int, offset: Int) async throws -> SearchResults {
        let (filterSQL, filterArguments) = Self.searchFilter(request)
        let match = request.query.expression
        let wanted = max(0, offset) + max(0, limit)
        return try await database.read { db in
            // Each language's index is asked for its first `wanted` matches only: newest first walks the
            // index backwards by row id (= article id, which grows with time) and stops early; the
            // filter is checked per match. The three short lists are then merged.
            var hits: [(id: Int64, rank: Double)] = []
            var counted = Set<Int64>()
            for language in Language.allCases {
                let table = Self.searchTable(language)
                let condition = """
                    \(table) MATCH ? AND EXISTS (SELECT 1 FROM articles a WHERE a.id = \(table).rowid AND a.listed = 1
                    \(Self.onePerStory) \(filterSQL))
                    """
                // Relevance ranks the newest `relevanceWindow` matches only: ranking every match of a
                // common word costs a BM25 score per match (165 ms at 200,000 articles).
                let sql = request.order == .newest
                    ? "SELECT rowid, rank FROM \(table) WHERE \(condition) ORDER BY rowid DESC LIMIT ?"
                    : """
                    SELECT rowid, rank FROM (SELECT rowid, rank FROM \(table) WHERE \(condition) ORDER BY rowid DESC
                    LIMIT \(Self.relevanceWindow)) ORDER BY rank, rowid DESC LIMIT ?
                    """
                // With filters, a selective filter makes the walk go through every match anyway, so one
                // walk of up to `countLimit` matches gives both the page and the count.
                let countInWalk = !filterSQL.isEmpty && request.order == .newest
                let rows = try Row.fetchAll(
                    db.cachedStatement(sql: sql),
                    arguments: [match] + filterArguments + [countInWalk ? max(wanted, SearchResults.countLimit) : wanted])
                hits += rows.map { ($0[0], $0[1]) }
                if countInWalk {
                    counted.formUnion(rows.map { $0[0] as Int64 })
                } else if counted.count < SearchResults.countLimit {
                    // Without filters the count skips the per-match check of the article (it may then
                    // include republished copies): counting is the costliest part of a common word.
                    let countCondition = filterSQL.isEmpty ? "\(table) MATCH ?" : condition
                    counted.formUnion(try Int64.fetchAll(
                        db.cachedStatement(sql: "SELECT rowid FROM \(table) WHERE \(countCondition) LIMIT \(SearchResults.countLimit)"),
                        arguments: [match] + filterArguments))
                }
            }
            var best: [Int64: Double] = [:]
            for hit in hits { best[hit.id] = min(best[hit.id] ?? .infinity, hit.rank) }
            let ordered = best.sorted { a, b in
                request.order == .newest || a.value == b.value ? a.key > b.key : a.value < b.value
            }.map(\.key)
            let page = ordered.dropFirst(max(0, offset)).prefix(max(0, limit))
            var results: [SearchResults.Hit] = []
            for id in page {
                var snippet = ""
                if request.snippets,
                    let body = try String.fetchOne(
                        db.cachedStatement(sql: "SELECT body_html FROM versions WHERE article_id = ? AND lang = ?"),
                        arguments: [id, request.snippetLanguage.rawValue])
                {
                    snippet = Snippet.html(
                        text: PlainText.from(html: body), terms: request.query.terms, language: request.snippetLanguage)
                }
                results.append(SearchResults.Hit(articleID: id, snippetHTML: snippet))
            }
            return SearchResults(hits: results, total: min(counted.count, SearchResults.countLimit))
        }
    }

    static func searchFilter(_ request: SearchRequest) -> (String, StatementArguments) {
        articleFilter(
            section: request.section, region: request.region, source: request.source, fromDay: request.fromDay, toDay: request.toDay)
    }

    /// The filters search and the API share, as `AND …` clauses on `articles a`.
    static func articleFilter(section: Section?, region: String?, source: String?, fromDay: String?, toDay: String?)
        -> (String, StatementArguments)
    {
        var sql = "", arguments: StatementArguments = []
        if let section {
            sql += " AND a.id IN (SELECT article_id FROM article_topics WHERE section = ?)"
            arguments += [section.rawValue]
        }
        if let region {
            sql += " AND a.id IN (SELECT article_id FROM article_topics WHERE region = ?)"
            arguments += [region]
        }
        if let source {
            sql += " AND a.project = ?"
            arguments += [source]
        }
        if let fromDay {
            sql += " AND a.published_local >= ?"
            arguments += [fromDay]
        }
        if let toDay {
            // Dates are stored as local "YYYY-MM-DDTHH:MM…": everything of that day sorts below day + "U".
            sql += " AND a.published_local < ?"
            arguments += [toDay + "U"]
        }
        return (sql, arguments)
    }


    /// Rebuilds the search index from the stored versions (after a tokenizer change), reporting
    /// progress per language.
    public func reindexSearch(progress: @Sendable (Language, Int) -> Void) async throws {
        for language in Language.allCases {
            let table = Self.searchTable(language)
            let count = try await database.write { db in
                try db.execute(sql: "DELETE FROM \(table)")
                try db.execute(
                    sql: """
                        INSERT INTO \(table) (rowid, title, body)
                        SELECT article_id, title, enbekshi_plain(body_html) FROM versions WHERE lang = ?
                        """,
                    arguments: [language.rawValue])
                return db.changesCount
            }
            progress(language, count)
        }
    }
}
