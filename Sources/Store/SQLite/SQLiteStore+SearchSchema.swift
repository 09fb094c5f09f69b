import EnbekshiCore
import GRDB

/// The search tables: one FTS5 table per language (`search_kk`, `search_ru`, `search_en`) over the
/// title, the plain text of the body and the article's filter tokens (`SearchFacets`). The row id is
/// the article id, so walking an index backwards walks the news newest first. `article_days` maps
/// each day to the article ids published on it, so a date filter becomes a row-id range FTS5 can
/// seek to.
///
/// The tables keep only the index, not a copy of the text: their content is a view
/// (`search_ru_content` …) that derives each row from the stored version (the plain text of its
/// deflated body) and the article's topics. FTS5 reads the view when a row is deleted from the index
/// (to know which tokens to remove), for snippets and for `rebuild`. A copy of the text cost 5.7 KB
/// per article at a million articles, more than the index itself.
///
/// The rule that keeps the index right: a row leaves the index while the view still shows what was
/// indexed (BEFORE triggers) and enters it once the view shows the new values (AFTER triggers), in
/// exact pairs. A change to `PlainText`, the facets or the stemmers needs `enbekshi reindex`.
extension SQLiteStore {
    static func searchTable(_ language: Language) -> String { "search_\(language.rawValue)" }
    static func searchContent(_ language: Language) -> String { "search_\(language.rawValue)_content" }

    /// Registered on every connection: the stemming tokenizer and the functions the search views use.
    static func prepareSearch(_ db: Database) {
        db.add(tokenizer: SearchTokenizer.self)
        SearchTerms.register(db)
        SearchRanking.register(db)
        db.add(function: DatabaseFunction("enbekshi_plain", argumentCount: 1, pure: true) { values in
            PackedText.unpack(values[0]).map(PlainText.from(html:)) ?? ""
        })
        // Bodies as text, deflated or not: corrections compare and keep them so.
        db.add(function: DatabaseFunction("enbekshi_unpack", argumentCount: 1, pure: true) { values in
            PackedText.unpack(values[0])
        })
        db.add(function: DatabaseFunction("enbekshi_facets", argumentCount: 3, pure: true) { values in
            SearchFacets.text(
                project: String.fromDatabaseValue(values[0]), section: String.fromDatabaseValue(values[1]),
                region: String.fromDatabaseValue(values[2]))
        })
    }

    /// Rebuilds the search index from the stored versions (after a change to the stemmers or to how
    /// plain text is derived), reporting progress per language.
    public func reindexSearch(progress: @Sendable (Language, Int) -> Void) async throws {
        for language in Language.allCases {
            let table = Self.searchTable(language)
            let count = try await write { db in
                try db.execute(sql: "INSERT INTO \(table) (\(table)) VALUES ('rebuild')")
                try db.execute(sql: "DELETE FROM search_terms WHERE lang = ?", arguments: [language.rawValue])
                try SearchTerms.fill(db, language: language)
                // What the rebuild's tokenizing noted is in the vocabulary just read.
                _ = try DatabaseValue.fetchOne(db, sql: "SELECT enbekshi_forget_new_terms()")
                return try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM versions WHERE lang = ?", arguments: [language.rawValue]) ?? 0
            }
            progress(language, count)
        }
    }

    /// FTS5's own check that each language's index matches its view, and that every form in the
    /// index is in `search_terms` (else prefix searches would miss its articles); throws when not.
    public func checkSearchIndex() async throws {
        // FTS5 takes the check as an INSERT, so it runs on the writer.
        try await write { db in
            for language in Language.allCases {
                let table = Self.searchTable(language)
                try db.execute(sql: "INSERT INTO \(table) (\(table)) VALUES ('integrity-check')")
                let missing = try SearchTerms.missing(db, language: language)
                if !missing.isEmpty { throw SearchTerms.Missing(language: language, forms: missing) }
            }
        }
    }
}
