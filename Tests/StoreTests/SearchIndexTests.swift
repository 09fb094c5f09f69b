import EnbekshiCore
import Foundation
import GRDB
@testable import Store
import TestSupport
import Testing

/// The SQLite search tables keep only an index over views of the stored versions; these tests hold
/// the triggers to their rule (every row leaves the index while the view still shows what was indexed)
/// with FTS5's own integrity check, which compares the index with the view token by token.
@Suite("SQLite search index over views")
struct SearchIndexTests {
    func topics(_ section: Section, _ region: String) -> ArticleTopics {
        ArticleTopics(section: section, secondary: [], sectionScore: 3, sectionReason: "test", region: region, place: nil,
                      regionReason: "test")
    }

    func ids(_ store: SQLiteStore, _ text: String, configure: (inout SearchRequest) -> Void = { _ in }) async throws -> [Int64] {
        var request = SearchRequest(query: try SearchQuery(text))
        configure(&request)
        return try await store.search(request, limit: 10, offset: 0).hits.map(\.articleID)
    }

    @Test("the index matches its views after saves, changes, reclassification, translations, re-cleaning and deletion")
    func indexFollowsEveryChange() async throws {
        let database = try await TemporaryDatabase()
        let store = database.store
        let key = ArticleKey(project: "kgd-pavlodar", govkzID: "1")
        let body = "<p>Сроки уплаты налогов на имущество.</p>" + String(repeating: "<p>Подробности на сайте.</p>", count: 5)
        _ = try await store.save(NewsStoreContractTests.version(.ru, title: "Налоговая отчётность", body: body, hash: "a"), for: key)
        try await store.checkSearchIndex()
        #expect(try await ids(store, "налог") == [1])

        // Topics arrive (upsert: BEFORE INSERT fires though the row may exist), then change.
        try await store.saveTopics(topics(.economics, "pavlodar"), articleID: 1)
        try await store.saveTopics(topics(.economics, "pavlodar"), articleID: 1)
        try await store.checkSearchIndex()
        #expect(try await ids(store, "налог") { $0.region = "pavlodar" } == [1])
        try await store.saveTopics(topics(.health, "astana"), articleID: 1)
        try await store.checkSearchIndex()
        #expect(try await ids(store, "налог") { $0.region = "pavlodar" } == [])
        #expect(try await ids(store, "налог") { $0.region = "astana" } == [1])

        // gov.kz changes the text.
        _ = try await store.save(
            NewsStoreContractTests.version(.ru, title: "Учения", body: "<p>Стрельбы прошли успешно.</p>", hash: "b"), for: key)
        try await store.checkSearchIndex()
        #expect(try await ids(store, "налог") == [])
        #expect(try await ids(store, "стрельбы") { $0.region = "astana" } == [1])

        // A machine translation, then gov.kz's own English replacing it (a delete and an insert).
        let translation = ArticleVersion(
            language: .en, title: "Exercises", originalTitle: nil, bodyHTML: "<p>Machine shooting drills.</p>", originalHTML: nil,
            slug: nil, sourceURL: "https://www.gov.kz/x?lang=en", heropic: nil, createdRaw: nil, published: nil, fetchedAt: Date(),
            contentHash: "mt", rawJSON: nil,
            machineTranslation: MachineTranslation(engine: "test", model: nil, translatedAt: Date(), sourceLanguage: .ru))
        #expect(try await store.saveTranslation(translation, articleID: 1))
        try await store.checkSearchIndex()
        #expect(try await ids(store, "drills") == [1])
        _ = try await store.save(
            NewsStoreContractTests.version(.en, title: "Exercises", body: "<p>Live firing exercises.</p>", hash: "c"), for: key)
        try await store.checkSearchIndex()
        #expect(try await ids(store, "drills") == [])
        #expect(try await ids(store, "firing") == [1])

        // Re-cleaning rewrites the body without touching the original.
        try await store.updateCleaned(articleID: 1, language: .ru, title: "Учения", bodyHTML: "<p>Манёвры у полигона.</p>", flags: [])
        try await store.checkSearchIndex()
        #expect(try await ids(store, "манёвры") == [1])
        #expect(try await ids(store, "стрельбы") == [])

        // Deleting the article (nothing in the product does yet) takes every row out exactly once.
        try await store.database.write { db in try db.execute(sql: "DELETE FROM articles WHERE id = 1") }
        try await store.checkSearchIndex()
        #expect(try await ids(store, "firing") == [])
        #expect(try await ids(store, "манёвры") == [])

        try await store.reindexSearch { _, _ in }
        try await store.checkSearchIndex()
    }

    @Test("bodies are stored deflated and the search tables keep no copy of the text")
    func noCopies() async throws {
        let database = try await TemporaryDatabase()
        let store = database.store
        let body = String(repeating: "<p>Департамент государственных доходов напоминает о сроках уплаты налогов.</p>", count: 20)
        _ = try await store.save(
            NewsStoreContractTests.version(.ru, title: "Сроки уплаты", body: body, hash: "a"), for: ArticleKey(project: "p", govkzID: "1"))
        let (stored, shadowTables) = try await store.database.read { db in
            (try DatabaseValue.fetchOne(db, sql: "SELECT body_html FROM versions") ?? .null,
             try String.fetchAll(db, sql: "SELECT name FROM sqlite_master WHERE name LIKE 'search_%_content' AND type = 'table'"))
        }
        guard case .blob(let bytes) = stored.storage else {
            Issue.record("the body should be a deflated BLOB")
            return
        }
        #expect(bytes.count < body.utf8.count / 3)
        #expect(shadowTables.isEmpty)
        #expect(try await store.article(key: ArticleKey(project: "p", govkzID: "1"))?.versions[.ru]?.bodyHTML == body)
        var request = SearchRequest(query: try SearchQuery("налогов"))
        request.snippetLanguage = .ru
        #expect(try await store.search(request, limit: 10, offset: 0).hits.first?.snippetHTML.contains("<mark>налогов</mark>") == true)
    }

    @Test("a prefix spelled out as the index forms beginning so finds what FTS5's own prefix query finds")
    func prefixesSpelledOut() async throws {
        let database = try await TemporaryDatabase()
        let store = database.store
        try await NewsStoreContractTests.saveTexts(store, [
            (.ru, "Налоговая отчётность", "<p>Сроки уплаты налогов и налогообложение.</p>"),
            (.ru, "Наличные расчёты", "<p>Налогоплательщики платят наличными.</p>"),
            (.ru, "Погода", "<p>Дожди и снег.</p>"),
            (.kk, "Салық есептілігі", "<p>Салықтар мен салықтық төлемдер.</p>"),
            (.en, "Taxation news", "<p>Taxpayers pay taxes; a taxi strike.</p>"),
        ])
        try await store.checkSearchIndex()
        let spelled = try await store.database.read { db in try SearchTerms.forms(beginning: "налог", language: .ru, db) }
        #expect((spelled?.count ?? 0) >= 3)
        for prefix in ["нал", "налог", "налогоплат", "сал", "салық", "tax", "taxi", "до", "zzz"] {
            let native = try await store.database.read { db in
                try Set(Language.allCases.flatMap { language in
                    let table = SQLiteStore.searchTable(language)
                    return try Int64.fetchAll(
                        db, sql: "SELECT rowid FROM \(table) WHERE \(table) MATCH ?", arguments: ["{title body} : (\"\(prefix)\"*)"])
                })
            }
            #expect(Set(try await ids(store, prefix + "*")) == native, "\(prefix)*")
        }

        // A table that lost its forms is caught, and `reindex` refills it from the index; words the
        // rebuild met are still recorded when later articles bring them with new ones.
        try await store.database.write { db in try db.execute(sql: "DELETE FROM search_terms WHERE term LIKE 'нал%'") }
        await #expect(throws: SearchTerms.Missing.self) { try await store.checkSearchIndex() }
        try await store.reindexSearch { _, _ in }
        try await store.checkSearchIndex()
        _ = try await store.save(
            NewsStoreContractTests.version(.ru, title: "Налоговые каникулы", body: "<p>Налогоплательщики и каникулярные льготы.</p>", hash: "n"),
            for: ArticleKey(project: "kgd-pavlodar", govkzID: "99"))
        try await store.checkSearchIndex()
        #expect(try await ids(store, "каникул*").count == 1)
    }

    @Test("a connection takes each new index form once; the forms of a rolled-back transaction are taken again")
    func newTermsLedger() throws {
        let database = try DatabaseQueue()
        try database.inDatabase { db in
            SQLiteStore.prepareSearch(db)
            try db.execute(sql: "CREATE VIRTUAL TABLE t_ru USING fts5(x, tokenize = 'enbekshi ru'); CREATE VIRTUAL TABLE t_kk USING fts5(x, tokenize = 'enbekshi kk')")
        }
        func index(_ text: String, _ language: Language = .ru) throws -> [String] {
            let json = try database.inDatabase { db in
                try db.execute(sql: "INSERT INTO t_\(language.rawValue) (x) VALUES (?)", arguments: [text])
                return try String.fetchOne(db, sql: "SELECT enbekshi_new_terms(?)", arguments: [language.rawValue])
            }
            return try json.map { try JSONDecoder().decode([String].self, from: Data($0.utf8)) } ?? []
        }
        let forms = ["налог", "банк"].map { SearchStemming.indexForm($0, language: .ru) }
        struct Abandoned: Error {}
        try? database.inTransaction { db in
            try db.execute(sql: "INSERT INTO t_ru (x) VALUES ('налог банк')")
            #expect(try String.fetchOne(db, sql: "SELECT enbekshi_new_terms('ru')") != nil)
            throw Abandoned()
        }
        #expect(try index("налог банк налог") == forms)
        #expect(try index("налог банк") == [])
        #expect(try index("банк отчёт") == [SearchStemming.indexForm("отчёт", language: .ru)])
        // A query's words are not taken (they are not in the index), and do not hide them later.
        _ = try database.inDatabase { db in try Row.fetchAll(db, sql: "SELECT * FROM t_ru WHERE t_ru MATCH 'кредит'") }
        #expect(try index("кредит") == [SearchStemming.indexForm("кредит", language: .ru)])
        // The same form in another language is new there.
        #expect(try index("2025") == ["2025"])
        #expect(try index("2025", .kk) == ["2025"])
    }

    @Test("a v9 database (search tables with their own copy, TEXT bodies) upgrades and is searchable")
    func upgradeFromV9() async throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("enbekshi-v9-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        let store = try SQLiteStore(path: directory.appendingPathComponent("v9.sqlite").path)
        try SQLiteStore.migrator.migrate(store.database, upTo: "v9: search tables with filter tokens; day to article-id ranges")
        try await store.database.write { db in
            // What v9 made: tables holding their own text, filled by AFTER triggers.
            for code in ["kk", "ru", "en"] {
                try db.execute(
                    sql: """
                        CREATE VIRTUAL TABLE search_\(code) USING fts5(title, body, facets, tokenize = 'enbekshi \(code)');
                        CREATE TRIGGER search_\(code)_insert AFTER INSERT ON versions WHEN NEW.lang = '\(code)' BEGIN
                            INSERT INTO search_\(code) (rowid, title, body, facets)
                            VALUES (NEW.article_id, NEW.title, enbekshi_plain(NEW.body_html), '');
                        END;
                        CREATE TRIGGER search_\(code)_delete AFTER DELETE ON versions WHEN OLD.lang = '\(code)' BEGIN
                            DELETE FROM search_\(code) WHERE rowid = OLD.article_id;
                        END;
                        """)
            }
            try db.execute(
                sql: """
                    CREATE TRIGGER search_facets_topics_insert AFTER INSERT ON article_topics BEGIN SELECT 1; END;
                    INSERT INTO articles (project, govkz_id, published_local, listed, first_seen_at, updated_at)
                    VALUES ('kgd-pavlodar', '7', '2025-09-20T10:00:00', 1, '2025-09-20', '2025-09-20');
                    INSERT INTO versions (article_id, lang, title, body_html, source_url, fetched_at, content_hash)
                    VALUES (1, 'ru', 'Налоговая отчётность', '<p>Сроки уплаты налогов.</p>', 'https://www.gov.kz/x', '2025-09-20', 'h');
                    """)
        }
        try await store.migrate()
        try await store.checkSearchIndex()
        #expect(try await ids(store, "налогов") { $0.source = "kgd-pavlodar" } == [1])
        #expect(try await store.article(id: 1)?.versions[.ru]?.bodyHTML == "<p>Сроки уплаты налогов.</p>")
        let triggers = try await store.database.read { db in
            try String.fetchAll(db, sql: "SELECT name FROM sqlite_master WHERE type = 'trigger' AND name IN ('search_ru_insert', 'search_facets_topics_insert')")
        }
        #expect(triggers.isEmpty)
    }
}
