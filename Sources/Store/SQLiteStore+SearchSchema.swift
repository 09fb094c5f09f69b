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
        db.add(function: DatabaseFunction("enbekshi_facets", argumentCount: 3, pure: true) { values in
            SearchFacets.text(
                project: String.fromDatabaseValue(values[0]), section: String.fromDatabaseValue(values[1]),
                region: String.fromDatabaseValue(values[2]))
        })
    }

    /// Statements that take the rows of article `id` (an SQL expression) out of every language's
    /// index, or put them back from the views.
    private static func unindex(_ id: String) -> String {
        Language.allCases.map { "DELETE FROM \(searchTable($0)) WHERE rowid = \(id);" }.joined(separator: "\n")
    }

    private static func articleExists(_ id: String) -> String {
        "EXISTS (SELECT 1 FROM articles WHERE id = \(id))"
    }

    private static func index(_ id: String, _ language: Language) -> String {
        """
        INSERT INTO \(searchTable(language)) (rowid, title, body, facets)
        SELECT article_id, title, body, facets FROM \(searchContent(language)) WHERE article_id = \(id);
        """
    }

    private static func index(_ id: String) -> String {
        Language.allCases.map { index(id, $0) }.joined(separator: "\n")
    }

    /// v10: index-only FTS5 tables over views. Drops whatever v9 made (tables with their own copy of
    /// the text, and their triggers) and indexes every stored version.
    static func createSearchTables(_ db: Database) throws {
        for language in Language.allCases {
            let table = searchTable(language), content = searchContent(language), code = language.rawValue
            try db.execute(
                sql: """
                    DROP TRIGGER IF EXISTS \(table)_insert;
                    DROP TRIGGER IF EXISTS \(table)_update;
                    DROP TRIGGER IF EXISTS \(table)_delete;
                    DROP TABLE IF EXISTS \(table);
                    DROP VIEW IF EXISTS \(content);
                    CREATE VIEW \(content) AS
                        SELECT v.article_id, v.title, enbekshi_plain(v.body_html) AS body,
                               enbekshi_facets(a.project, t.section, t.region) AS facets
                        FROM versions v
                        LEFT JOIN articles a ON a.id = v.article_id
                        LEFT JOIN article_topics t ON t.article_id = v.article_id
                        WHERE v.lang = '\(code)';
                    CREATE VIRTUAL TABLE \(table) USING fts5(
                        title, body, facets, content = '\(content)', content_rowid = 'article_id',
                        tokenize = 'enbekshi \(code)');
                    INSERT INTO \(table) (\(table)) VALUES ('rebuild');
                    CREATE TRIGGER \(table)_version_before_update BEFORE UPDATE OF title, body_html ON versions
                    WHEN OLD.lang = '\(code)' BEGIN
                        DELETE FROM \(table) WHERE rowid = OLD.article_id;
                    END;
                    CREATE TRIGGER \(table)_version_delete BEFORE DELETE ON versions
                    WHEN OLD.lang = '\(code)' AND \(articleExists("OLD.article_id")) BEGIN
                        DELETE FROM \(table) WHERE rowid = OLD.article_id;
                    END;
                    """)
        }
        // Deleting an article removes its rows while the view still shows them; the cascade that
        // follows (the article row already gone) leaves the index alone.
        // Classification comes after the versions are stored (and editors may change it): the rows are
        // indexed again with the new facets. An upsert fires BEFORE INSERT even when it ends as an
        // update, so that trigger acts only when no row exists — else the UPDATE triggers do the work,
        // and each row leaves the index exactly once.
        let changed = "OLD.section IS NOT NEW.section OR OLD.region IS NOT NEW.region"
        try db.execute(
            sql: """
                DROP TRIGGER IF EXISTS search_facets_topics_insert;
                DROP TRIGGER IF EXISTS search_facets_topics_update;
                CREATE TRIGGER search_topics_before_insert BEFORE INSERT ON article_topics
                WHEN NOT EXISTS (SELECT 1 FROM article_topics WHERE article_id = NEW.article_id) BEGIN
                    \(unindex("NEW.article_id"))
                END;
                CREATE TRIGGER search_topics_after_insert AFTER INSERT ON article_topics BEGIN
                    \(index("NEW.article_id"))
                END;
                CREATE TRIGGER search_topics_before_update BEFORE UPDATE OF section, region ON article_topics
                WHEN \(changed) BEGIN
                    \(unindex("OLD.article_id"))
                END;
                CREATE TRIGGER search_topics_after_update AFTER UPDATE OF section, region ON article_topics
                WHEN \(changed) BEGIN
                    \(index("NEW.article_id"))
                END;
                CREATE TRIGGER search_topics_before_delete BEFORE DELETE ON article_topics
                WHEN \(articleExists("OLD.article_id")) BEGIN
                    \(unindex("OLD.article_id"))
                END;
                CREATE TRIGGER search_topics_after_delete AFTER DELETE ON article_topics
                WHEN \(articleExists("OLD.article_id")) BEGIN
                    \(index("OLD.article_id"))
                END;
                CREATE TRIGGER search_article_delete BEFORE DELETE ON articles BEGIN
                    \(unindex("OLD.id"))
                END;
                """)
    }

    /// The triggers that index a stored or changed version and record its new index forms
    /// (`SearchTerms`), with the terms table; filled from the index when `fill`.
    static func createVersionIndexing(_ db: Database, fill: Bool) throws {
        try SearchTerms.createTable(db)
        for language in Language.allCases {
            let table = searchTable(language), code = language.rawValue
            try db.execute(
                sql: """
                    DROP TRIGGER IF EXISTS \(table)_version_insert;
                    DROP TRIGGER IF EXISTS \(table)_version_after_update;
                    CREATE TRIGGER \(table)_version_insert AFTER INSERT ON versions WHEN NEW.lang = '\(code)' BEGIN
                        \(index("NEW.article_id", language))
                        \(SearchTerms.record(language))
                    END;
                    CREATE TRIGGER \(table)_version_after_update AFTER UPDATE OF title, body_html ON versions
                    WHEN NEW.lang = '\(code)' BEGIN
                        \(index("NEW.article_id", language))
                        \(SearchTerms.record(language))
                    END;
                    """)
            if fill { try SearchTerms.fill(db, language: language) }
        }
    }

    /// v9's day-to-id ranges, kept by triggers on `articles`.
    static func createArticleDays(_ db: Database) throws {
        try db.execute(
            sql: """
                CREATE TABLE IF NOT EXISTS article_days (
                    day TEXT PRIMARY KEY,
                    first_id INTEGER NOT NULL,
                    last_id INTEGER NOT NULL
                ) WITHOUT ROWID;
                INSERT INTO article_days (day, first_id, last_id)
                    SELECT substr(published_local, 1, 10), min(id), max(id) FROM articles GROUP BY 1
                    ON CONFLICT (day) DO UPDATE SET first_id = min(first_id, excluded.first_id),
                    last_id = max(last_id, excluded.last_id);
                CREATE TRIGGER IF NOT EXISTS article_days_insert AFTER INSERT ON articles BEGIN
                    INSERT INTO article_days (day, first_id, last_id) VALUES (substr(NEW.published_local, 1, 10), NEW.id, NEW.id)
                    ON CONFLICT (day) DO UPDATE SET first_id = min(first_id, excluded.first_id), last_id = max(last_id, excluded.last_id);
                END;
                CREATE TRIGGER IF NOT EXISTS article_days_update AFTER UPDATE OF published_local ON articles BEGIN
                    INSERT INTO article_days (day, first_id, last_id) VALUES (substr(NEW.published_local, 1, 10), NEW.id, NEW.id)
                    ON CONFLICT (day) DO UPDATE SET first_id = min(first_id, excluded.first_id), last_id = max(last_id, excluded.last_id);
                END;
                """)
    }

    /// Rebuilds the search index from the stored versions (after a change to the stemmers or to how
    /// plain text is derived), reporting progress per language.
    public func reindexSearch(progress: @Sendable (Language, Int) -> Void) async throws {
        for language in Language.allCases {
            let table = Self.searchTable(language)
            let count = try await database.write { db in
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
        try await database.write { db in
            for language in Language.allCases {
                let table = Self.searchTable(language)
                try db.execute(sql: "INSERT INTO \(table) (\(table)) VALUES ('integrity-check')")
                let missing = try SearchTerms.missing(db, language: language)
                if !missing.isEmpty { throw SearchTerms.Missing(language: language, forms: missing) }
            }
        }
    }
}
