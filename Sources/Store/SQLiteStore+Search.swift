import EnbekshiCore
import Foundation
import GRDB

/// Full-text search: one FTS5 table per language (`search_kk`, `search_ru`, `search_en`), kept in
/// step with `versions` by triggers; the row id is the article id, so walking the index backwards
/// walks the news newest first.
extension SQLiteStore {
    static func searchTable(_ language: Language) -> String { "search_\(language.rawValue)" }

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
        let union = Language.allCases.map { language in
            "SELECT rowid AS id, rank FROM \(Self.searchTable(language)) WHERE \(Self.searchTable(language)) MATCH ?"
        }.joined(separator: " UNION ALL ")
        let matchArguments = StatementArguments(Array(repeating: match, count: Language.allCases.count))
        let order = request.order == .newest ? "h.id DESC" : "MIN(h.rank), h.id DESC"
        return try await database.read { db in
            let ids = try Int64.fetchAll(
                db,
                sql: """
                    SELECT h.id FROM (\(union)) h JOIN articles a ON a.id = h.id
                    WHERE a.listed = 1 \(Self.onePerStory) \(filterSQL)
                    GROUP BY h.id ORDER BY \(order) LIMIT ? OFFSET ?
                    """,
                arguments: matchArguments + filterArguments + [max(0, limit), max(0, offset)])
            let total = try Int.fetchOne(
                db,
                sql: """
                    SELECT COUNT(*) FROM (SELECT DISTINCT h.id FROM (\(union)) h JOIN articles a ON a.id = h.id
                    WHERE a.listed = 1 \(Self.onePerStory) \(filterSQL) LIMIT \(SearchResults.countLimit))
                    """,
                arguments: matchArguments + filterArguments) ?? 0
            var hits: [SearchResults.Hit] = []
            let table = Self.searchTable(request.snippetLanguage)
            for id in ids {
                let snippet = try String.fetchOne(
                    db,
                    sql: "SELECT snippet(\(table), 1, char(2), char(3), '…', 24) FROM \(table) WHERE \(table) MATCH ? AND rowid = ?",
                    arguments: [match, id]) ?? ""
                hits.append(SearchResults.Hit(articleID: id, snippetHTML: Self.markedHTML(snippet)))
            }
            return SearchResults(hits: hits, total: total)
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

    /// Escapes a snippet and turns FTS5's match markers (\u{2}, \u{3}) into `<mark>`.
    static func markedHTML(_ snippet: String) -> String {
        HTMLEscaping.escape(snippet).replacingOccurrences(of: "\u{2}", with: "<mark>")
            .replacingOccurrences(of: "\u{3}", with: "</mark>")
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
