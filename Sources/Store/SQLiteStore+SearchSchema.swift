import EnbekshiCore
import GRDB

/// The search tables: one FTS5 table per language (`search_kk`, `search_ru`, `search_en`) with the
/// title, the plain text of the body and the article's filter tokens (`SearchFacets`), kept in step
/// with `versions` and `article_topics` by triggers. The row id is the article id, so walking an
/// index backwards walks the news newest first. `article_days` maps each day to the article ids
/// published on it, so a date filter becomes a row-id range FTS5 can seek to.
extension SQLiteStore {
    static func searchTable(_ language: Language) -> String { "search_\(language.rawValue)" }

    /// Registered on every connection: the stemming tokenizer and the functions the triggers use.
    static func prepareSearch(_ db: Database) {
        db.add(tokenizer: SearchTokenizer.self)
        SearchRanking.register(db)
        db.add(function: DatabaseFunction("enbekshi_plain", argumentCount: 1, pure: true) { values in
            String.fromDatabaseValue(values[0]).map(PlainText.from(html:)) ?? ""
        })
        db.add(function: DatabaseFunction("enbekshi_facets", argumentCount: 3, pure: true) { values in
            SearchFacets.text(
                project: String.fromDatabaseValue(values[0]), section: String.fromDatabaseValue(values[1]),
                region: String.fromDatabaseValue(values[2]))
        })
    }

    /// The facets of the article `id` (an SQL expression) as the triggers compute them.
    private static func facets(of id: String) -> String {
        """
        (SELECT enbekshi_facets(a.project, t.section, t.region) FROM articles a
         LEFT JOIN article_topics t ON t.article_id = a.id WHERE a.id = \(id))
        """
    }

    /// Fills one language's table from the stored versions.
    static func populateSearch(_ language: Language) -> String {
        """
        INSERT INTO \(searchTable(language)) (rowid, title, body, facets)
        SELECT v.article_id, v.title, enbekshi_plain(v.body_html), \(facets(of: "v.article_id"))
        FROM versions v WHERE v.lang = '\(language.rawValue)'
        """
    }

    static func createSearchTables(_ db: Database) throws {
        for language in Language.allCases {
            let table = searchTable(language), code = language.rawValue
            try db.execute(
                sql: """
                    DROP TRIGGER IF EXISTS \(table)_insert;
                    DROP TRIGGER IF EXISTS \(table)_update;
                    DROP TRIGGER IF EXISTS \(table)_delete;
                    DROP TABLE IF EXISTS \(table);
                    CREATE VIRTUAL TABLE \(table) USING fts5(title, body, facets, tokenize = 'enbekshi \(code)');
                    \(populateSearch(language));
                    CREATE TRIGGER \(table)_insert AFTER INSERT ON versions WHEN NEW.lang = '\(code)' BEGIN
                        INSERT INTO \(table) (rowid, title, body, facets)
                        VALUES (NEW.article_id, NEW.title, enbekshi_plain(NEW.body_html), \(facets(of: "NEW.article_id")));
                    END;
                    CREATE TRIGGER \(table)_update AFTER UPDATE OF title, body_html ON versions WHEN NEW.lang = '\(code)' BEGIN
                        DELETE FROM \(table) WHERE rowid = OLD.article_id;
                        INSERT INTO \(table) (rowid, title, body, facets)
                        VALUES (NEW.article_id, NEW.title, enbekshi_plain(NEW.body_html), \(facets(of: "NEW.article_id")));
                    END;
                    CREATE TRIGGER \(table)_delete AFTER DELETE ON versions WHEN OLD.lang = '\(code)' BEGIN
                        DELETE FROM \(table) WHERE rowid = OLD.article_id;
                    END;
                    """)
        }
        // Classification comes after the versions are stored (and editors may change it): the rows
        // take the new facets then.
        let refresh = Language.allCases.map { language in
            "UPDATE \(searchTable(language)) SET facets = \(facets(of: "NEW.article_id")) WHERE rowid = NEW.article_id;"
        }.joined(separator: "\n")
        try db.execute(
            sql: """
                CREATE TRIGGER search_facets_topics_insert AFTER INSERT ON article_topics BEGIN
                    \(refresh)
                END;
                CREATE TRIGGER search_facets_topics_update AFTER UPDATE OF section, region ON article_topics
                WHEN OLD.section IS NOT NEW.section OR OLD.region IS NOT NEW.region BEGIN
                    \(refresh)
                END;
                CREATE TABLE article_days (
                    day TEXT PRIMARY KEY,
                    first_id INTEGER NOT NULL,
                    last_id INTEGER NOT NULL
                ) WITHOUT ROWID;
                INSERT INTO article_days (day, first_id, last_id)
                    SELECT substr(published_local, 1, 10), min(id), max(id) FROM articles GROUP BY 1;
                CREATE TRIGGER article_days_insert AFTER INSERT ON articles BEGIN
                    INSERT INTO article_days (day, first_id, last_id) VALUES (substr(NEW.published_local, 1, 10), NEW.id, NEW.id)
                    ON CONFLICT (day) DO UPDATE SET first_id = min(first_id, excluded.first_id), last_id = max(last_id, excluded.last_id);
                END;
                CREATE TRIGGER article_days_update AFTER UPDATE OF published_local ON articles BEGIN
                    INSERT INTO article_days (day, first_id, last_id) VALUES (substr(NEW.published_local, 1, 10), NEW.id, NEW.id)
                    ON CONFLICT (day) DO UPDATE SET first_id = min(first_id, excluded.first_id), last_id = max(last_id, excluded.last_id);
                END;
                """)
    }

    /// Rebuilds the search index from the stored versions (after a tokenizer change), reporting
    /// progress per language.
    public func reindexSearch(progress: @Sendable (Language, Int) -> Void) async throws {
        for language in Language.allCases {
            let count = try await database.write { db in
                try db.execute(sql: "DELETE FROM \(Self.searchTable(language))")
                try db.execute(sql: Self.populateSearch(language))
                return db.changesCount
            }
            progress(language, count)
        }
    }
}
