import EnbekshiCore
import Foundation
import PostgresNIO
@testable import Store
import TestSupport
import Testing

/// What only the PostgreSQL engine has: a migrator shared by several nodes, and search documents
/// written as literals. The roles themselves are held to the contract suite.
@Suite("PostgreSQL engine", .enabled(if: !TemporaryPostgres.isOff, "ENBEKSHI_TEST_POSTGRES=off"))
struct PostgresStoreTests {
    static func freshURL() throws -> String {
        try TemporaryPostgres.serverURL() + "?search_path=mig_" + UUID().uuidString.replacingOccurrences(of: "-", with: "").prefix(12).lowercased()
            + "&connect_timeout=\(TemporaryPostgres.patientConnect)"
    }

    @Test("nodes starting together migrate once: the advisory lock makes the others wait and find nothing to do")
    func concurrentMigrations() async throws {
        let url = try Self.freshURL()
        let stores = try (0..<4).map { _ in try PostgresStore(url: url) }
        #expect(try await stores[0].pendingMigrations() == stores[0].migrationSteps)
        try await withThrowingTaskGroup(of: Void.self) { group in
            for store in stores { group.addTask { try await store.migrate() } }
            try await group.waitForAll()
        }
        for store in stores { #expect(try await store.pendingMigrations().isEmpty) }
        let recorded = try await stores[0].rows("SELECT count(*) AS n FROM schema_migrations").first?["n"].decode(Int64.self)
        #expect(recorded == Int64(stores[0].migrationSteps.count))
        for store in stores { await store.shutdown() }
    }

    @Test("a database migrated by a newer binary is refused, naming the steps it does not know")
    func newerSchema() async throws {
        let store = try PostgresStore(url: try Self.freshURL())
        try await store.migrate()
        try await store.execute("INSERT INTO schema_migrations (step, applied_at) VALUES ('v99: from the future', now())")
        do {
            try await store.migrate()
            Issue.record("a newer schema was accepted")
        } catch let error as PostgresMigrator.Failure {
            #expect("\(error)".contains("v99: from the future"))
        }
        await store.shutdown()
    }

    @Test("search documents: stemmed forms with positions, the headline weighted, quotes escaped")
    func documents() {
        let vector = PostgresSearchDocument.vector(title: "Налоги", bodyHTML: "<p>Налоги и O'Brien</p>", language: .ru)
        let form = SearchStemming.indexForm("налоги", language: .ru)
        #expect(vector.contains("'\(form)':1A,2"))
        #expect(vector.contains("'o':4"))
        #expect(vector.contains("'brien':5"))
        // The language's mark, with no position: ranking reads positions, and it is no word.
        #expect(vector.hasSuffix(" '#ru'"))
        #expect(PostgresSearchDocument.vector(title: "", bodyHTML: "", language: .kk) == "'#kk'")
        #expect(PostgresSearchDocument.quoted("it's \\") == "'it''s \\\\'")
        #expect(PostgresSearchDocument.quoted("a'\u{301}b") == "'a''\u{301}b'")
        #expect(PostgresSearchDocument.quoted("сөз") == "'сөз'")
    }

    @Test("the fast word split gives the words of the split by characters, or leaves the text to it")
    func wordSplit() {
        var texts = [
            "Налог ҚАЗАҚСТАН Әкімі 2026 жылы", "O'Brien, McDonald's и «КазМунайГаз» №5", "сло\u{AD}во ÀÉÎ Ǆemal ß",
            "İstanbul", "ΣΟΦΙΑ", "e\u{301}te", "Ҳҳ Ӏ ӏ Ѐ ѐ ҂ Ҋ", "a\u{200D}b", "🇰🇿 флаг", "мир\r\nдом", "tab\tend", "",
        ]
        // Every scalar the fast split decides itself, between letters and alone.
        for value in Array(0x20...0x2FF) + Array(0x400...0x4FF) + Array(0x2010...0x205E) + Array(0x20A0...0x20BF) + [0x2116] {
            guard let scalar = Unicode.Scalar(value) else { continue }
            texts.append("a\(scalar)b Ж\(scalar)ж \(scalar)")
        }
        var fast = 0
        for text in texts {
            #expect(PostgresSearchDocument.words(text) == PostgresSearchDocument.wordsByCharacter(text), "\(text.unicodeScalars.map(\.value))")
            if PostgresSearchDocument.wordsByScalar(text) != nil { fast += 1 }
        }
        // The common texts take the fast path; the unusual ones are left to the slow one.
        #expect(PostgresSearchDocument.wordsByScalar(texts[0]) != nil && PostgresSearchDocument.wordsByScalar(texts[1]) != nil)
        #expect(PostgresSearchDocument.wordsByScalar("İstanbul") == nil && PostgresSearchDocument.wordsByScalar("e\u{301}te") == nil)
        #expect(fast > texts.count * 9 / 10)
    }

    @Test("queries read as FTS5 reads them: adjacent words together, then NOT, AND, OR; phrases and prefixes", arguments: [
        ("tax credit", "('tax' & 'credit')"),
        ("tax OR credit", "'tax' | 'credit'"),
        ("tax NOT credit", "'tax' & !'credit'"),
        ("tax AND credit OR loan", "('tax' & 'credit') | 'loan'"),
        ("tax credit NOT loan OR aid", "('tax' & 'credit') & !'loan' | 'aid'"),
        ("\"tax credit\" loan*", "(('tax' <-> 'credit') & 'loan':*)"),
    ])
    func queries(_ example: (String, String)) throws {
        let query = try SearchQuery(example.0)
        // English forms of these words are the words themselves for this check: stem them alike.
        var expected = example.1
        for word in ["tax", "credit", "loan"] {
            expected = expected.replacingOccurrences(of: "'\(word)'", with: "'\(SearchStemming.indexForm(word, language: .en))'")
        }
        #expect(PostgresSearchDocument.query(query.clauses, language: .en, pairs: false) == expected)
    }

    @Test("adjacent words are a lexeme of their own, and phrases are asked as those pairs")
    func wordPairs() throws {
        let vector = PostgresSearchDocument.vector(title: "Бюджет", bodyHTML: "<p>Бюджет региона. Новый</p>", language: .ru)
        let budget = SearchStemming.indexForm("бюджет", language: .ru), region = SearchStemming.indexForm("региона", language: .ru)
        let new = SearchStemming.indexForm("новый", language: .ru)
        // At the first word's position, weighted as it is; words either side of a full stop are adjacent too.
        #expect(vector.contains("'_\(budget)_\(budget)':1A"))
        #expect(vector.contains("'_\(budget)_\(region)':2"))
        #expect(vector.contains("'_\(region)_\(new)':3"))
        #expect(!vector.contains("'_\(new)"))
        let phrase = try SearchQuery("\"бюджет региона новый\"")
        #expect(PostgresSearchDocument.query(phrase.clauses, language: .ru) == "('_\(budget)_\(region)' <-> '_\(region)_\(new)')")
        // A hyphenated word whose last part is a prefix ("бюджет-рег*") is a phrase with a prefix.
        let prefix: [SearchQuery.Clause] = [.phrase(words: ["бюджет", "рег"], prefix: true)]
        let typed = SearchStemming.indexForm("рег", language: .ru)
        #expect(PostgresSearchDocument.query(prefix, language: .ru) == "'_\(budget)_\(typed)':*")
        #expect(PostgresSearchDocument.query(prefix, language: .ru, pairs: false) == "('\(budget)' <-> '\(typed)':*)")
    }

    @Test("one query asks every language in its own forms, each joined to its language's mark")
    func anyLanguage() throws {
        let query = try SearchQuery("налог")
        let parts = Language.allCases.map { language in
            "(('\(SearchStemming.indexForm("налог", language: language))') & '#\(language.rawValue)')"
        }
        #expect(PostgresSearchDocument.anyLanguage(query.clauses) == parts.joined(separator: " | "))
        #expect(PostgresSearchDocument.anyLanguage([]) == nil)
    }

    @Test("a database of step v2 keeps its search documents when they move to a table of their own")
    func documentsMove() async throws {
        let store = try PostgresStore(url: try Self.freshURL())
        try await PostgresMigrator(steps: Array(PostgresSchema.steps.prefix(2)), schema: store.schema).migrate(store.client, logger: store.logger)
        // A version as step v2 stored it: its document in its own row, with no language mark.
        let old = PostgresSearchDocument.vector(title: "Бюджет", bodyHTML: "<p>Бюджет региона принят.</p>", language: .ru)
            .replacingOccurrences(of: " '#ru'", with: "")
        try await store.execute(
            """
            INSERT INTO articles (id, project, govkz_id, published_local, listed, first_seen_at, updated_at)
            VALUES (7, 'akimat-test', '1', '2026-12-01 10:00', TRUE, now(), now())
            """)
        try await store.execute(
            """
            INSERT INTO versions (article_id, lang, title, body_html, source_url, fetched_at, content_hash, search)
            VALUES (7, 'ru', 'Бюджет', '<p>Бюджет региона принят.</p>', 'https://www.gov.kz/x', now(), 'h', \(old)::tsvector)
            """)
        try await store.migrate()
        let found = try await store.search(SearchRequest(query: SearchQuery("региона")), limit: 20, offset: 0)
        #expect(found.hits.map(\.articleID) == [7])
        let marked = try await store.rows("SELECT document @@ '#ru'::tsquery AS marked FROM search_documents WHERE article_id = 7")
        #expect(try marked.map { try $0["marked"].decode(Bool.self) } == [true])
        let column = try await store.rows("SELECT count(*) AS n FROM information_schema.columns WHERE table_schema = current_schema() AND table_name = 'versions' AND column_name = 'search'")
        #expect(try column.first?["n"].decode(Int64.self) == 0)
        // A document goes with its version.
        try await store.execute("DELETE FROM versions WHERE article_id = 7")
        #expect(try await store.rows("SELECT 1 FROM search_documents").isEmpty)
        await store.shutdown()
    }

    @Test("a database whose documents predate word pairs is searched the old way until reindex, with the same results")
    func pairsAfterReindex() async throws {
        let database = try await TemporaryPostgres()
        let store = database.store
        try await NewsStoreContractTests.saveTexts(store, [
            (.ru, "Бюджет региона", "<p>Депутаты утвердили бюджет региона на три года.</p>"),
            (.ru, "Бюджет города", "<p>Региона это не касается: бюджет города принят.</p>"),
            (.en, "Tax credit", "<p>A tax credit for farmers.</p>"),
            (.en, "Credit unions", "<p>They pay tax on credit.</p>"),
        ])
        let queries = ["\"бюджет региона\"", "\"tax credit\"", "бюджет", "бюджет-рег*"]
        var before: [[Int64]] = []
        _ = try await store.rows("UPDATE search_format SET pairs = FALSE")
        for text in queries { before.append(try await store.search(SearchRequest(query: SearchQuery(text)), limit: 20, offset: 0).hits.map(\.articleID)) }
        try await store.reindexSearch { _, _ in }
        let pairs = try await store.rows("SELECT pairs FROM search_format").first?["pairs"].decode(Bool.self)
        #expect(pairs == true)
        var after: [[Int64]] = []
        for text in queries { after.append(try await store.search(SearchRequest(query: SearchQuery(text)), limit: 20, offset: 0).hits.map(\.articleID)) }
        #expect(after == before)
        #expect(before.map(\.count) == [1, 1, 2, 1], "\(before)")
        await store.shutdown()
    }
}

extension PostgresStoreTests {
    @Test("slices are sized from the planner's estimate and then from what they found; rare queries ask the whole table")
    func sizedSlices() async throws {
        #expect(PostgresStore.plannedRows("Bitmap Heap Scan on versions v  (cost=12.00..345.67 rows=1234 width=4)") == 1234)
        #expect(PostgresStore.plannedRows("Result  (cost=0.00..0.01 width=4)") == nil)
        #expect(PostgresStore.firstSpan(expected: 0, needed: 200, newest: 1_000_000) == Int64.max)
        #expect(PostgresStore.firstSpan(expected: 500, needed: 200, newest: 1_000_000) == Int64.max, "rare: one whole query")
        #expect(PostgresStore.firstSpan(expected: 100_000, needed: 200, newest: 1_000_000) == 4_000, "twice the matches needed")
        #expect(PostgresStore.firstSpan(expected: 900_000, needed: 200, newest: 1_000_000) == 1024, "never below 1,024 ids")
        #expect(PostgresStore.nextSpan(after: 1000, found: 0, stillNeeded: 200) == 16_000, "nothing found: sixteen times wider")
        #expect(PostgresStore.nextSpan(after: 1000, found: 100, stillNeeded: 100) == 4_000, "at least four times wider")
        #expect(PostgresStore.nextSpan(after: 1000, found: 10, stillNeeded: 190) == 38_000, "twice what the density seen needs")
        #expect(PostgresStore.nextSpan(after: Int64.max / 8, found: 1, stillNeeded: 10) == Int64.max)
        // 16,384 ids of 1.4 versions each: 5% is 1,147 rows.
        #expect(PostgresStore.sparseSlice(found: 3, span: 16_384, documents: 1_400_000, newest: 1_000_000))
        #expect(!PostgresStore.sparseSlice(found: 200, span: 2_000, documents: 1_400_000, newest: 1_000_000))
        #expect(PostgresStore.sparseSlice(found: 0, span: 10, documents: -1, newest: 1_000_000), "never analysed: sparse")
        // Without `search_slice` in the URL, the store sizes its slices itself, with the same results.
        let store = try PostgresStore(url: try Self.freshURL())
        try await store.migrate()
        let count = 60
        try await NewsStoreContractTests.saveTexts(store, (0..<count).map { index in
            (.ru, "Новость \(index)", index % 30 == 0 ? "<p>Налог и редкое слово аргали.</p>" : "<p>Налог и бюджет.</p>")
        })
        _ = try await store.rows("ANALYZE search_documents")
        let common = try await store.search(SearchRequest(query: SearchQuery("налог")), limit: 5, offset: 0)
        let rare = try await store.search(SearchRequest(query: SearchQuery("аргали")), limit: 5, offset: 0)
        let newest = try await store.rows("SELECT max(id) AS id FROM articles").first?["id"].decode(Int64.self) ?? 0
        #expect(common.total == count)
        #expect(common.hits.map(\.articleID) == Array((newest - 4...newest).reversed()))
        #expect(rare.total == count / 30)
        #expect(rare.hits.count == count / 30)
        // A rare query is read by the index alone, the setting ending with its transaction.
        let inside = try await store.bitmapScansOnly("SHOW enable_indexscan").first?[0].decode(String.self)
        let after = try await store.rows("SHOW enable_indexscan").first?[0].decode(String.self)
        #expect(inside == "off")
        #expect(after == "on")
        await store.shutdown()
    }
}

extension PostgresStoreTests {
    /// A fresh store holding one article in Kazakh, and its id.
    static func kazakhArticle(_ key: ArticleKey) async throws -> (PostgresStore, Int64) {
        let store = try PostgresStore(url: try freshURL())
        try await store.migrate()
        _ = try await store.save(NewsStoreContractTests.version(.kk, title: "Жаттығу"), for: key)
        return (store, try #require(try await store.articleID(for: key)))
    }

    /// `work`'s result, when it starts while `insert` is made and not yet committed (for half a
    /// second, so that `work` meets the uncommitted row).
    static func whileUncommitted<T: Sendable>(
        _ store: PostgresStore, _ insert: PostgresQuery, _ work: @escaping @Sendable () async throws -> T
    ) async throws -> T {
        let task = try await store.transaction { connection in
            try await PostgresStore.run(insert, on: connection, logger: store.logger)
            let task = Task { try await work() }
            try await Task.sleep(for: .milliseconds(500))
            return task
        }
        return try await task.value
    }

    @Test("a translation saved while a harvest stores gov.kz's own text of that language gives way to it, and deletes nothing")
    func translationMeetsSource() async throws {
        let (store, id) = try await Self.kazakhArticle(ArticleKey(project: "mod", govkzID: "7"))
        let saved = try await Self.whileUncommitted(store, """
            INSERT INTO versions (article_id, lang, title, body_html, source_url, fetched_at, content_hash)
            VALUES (\(id), 'ru', 'Учения', '<p>Текст</p>', 'https://www.gov.kz/x?lang=ru', now(), 'ru-source')
            """) {
            try await store.saveTranslation(NewsStoreContractTests.machineTranslation(.ru, from: .kk, title: "Перевод"), articleID: id)
        }
        #expect(saved == false)
        let russian = try #require(try await store.article(id: id)?.versions[.ru])
        #expect(russian.title == "Учения" && russian.machineTranslation == nil)
        await store.shutdown()
    }

    @Test("gov.kz's own text stored while a translation into its language is being saved replaces the translation")
    func sourceMeetsTranslation() async throws {
        let key = ArticleKey(project: "mod", govkzID: "8")
        let (store, id) = try await Self.kazakhArticle(key)
        let outcome = try await Self.whileUncommitted(store, """
            INSERT INTO versions (article_id, lang, title, body_html, source_url, fetched_at, content_hash, mt_engine, mt_source_lang)
            VALUES (\(id), 'ru', 'Перевод', '<p>Перевод</p>', 'https://www.gov.kz/x?lang=ru', now(), 'mt-ru', 'libretranslate', 'kk')
            """) {
            try await store.save(NewsStoreContractTests.version(.ru, title: "Учения", hash: "ru"), for: key)
        }
        #expect(outcome == .inserted)
        let russian = try #require(try await store.article(id: id)?.versions[.ru])
        #expect(russian.title == "Учения" && russian.machineTranslation == nil)
        await store.shutdown()
    }

    @Test("a sparse search reads the newest matching ids first and goes on below them while too few are shown")
    func newestMatchesFirst() async throws {
        let store = try PostgresStore(url: try Self.freshURL())
        try await store.migrate()
        // Never analysed, so the search is sparse: autovacuum would otherwise analyse it meanwhile.
        try await store.execute("ALTER TABLE search_documents SET (autovacuum_enabled = false)")
        try await NewsStoreContractTests.saveTexts(store, (0..<400).map { (.ru, "Новость \($0)", "<p>Налог на имущество.</p>") })
        // A third of them hidden: the newest 266 matches hold too few shown ones for the count.
        try await store.execute("UPDATE articles SET listed = FALSE WHERE id % 3 = 0")
        let shown = try await store.rows("SELECT id FROM articles WHERE listed ORDER BY id DESC").map { try $0["id"].decode(Int64.self) }
        #expect(try await store.rows("SELECT reltuples FROM pg_class WHERE oid = 'search_documents'::regclass").first?[0].decode(Float.self) ?? 0 <= 0)
        let found = try await store.search(SearchRequest(query: SearchQuery("налог")), limit: 20, offset: 0)
        #expect(found.total == 200)
        #expect(found.hits.map(\.articleID) == Array(shown.prefix(20)))
        let last = try await store.search(SearchRequest(query: SearchQuery("налог")), limit: 20, offset: 180)
        #expect(last.hits.map(\.articleID) == Array(shown.dropFirst(180).prefix(20)))
        await store.shutdown()
    }
}

extension PostgresStoreTests {
    @Test("pool_size caps the connections one process opens; more operations than that wait their turn and all answer")
    func poolSize() async throws {
        let url = try Self.freshURL()
        let store = try PostgresStore(url: url + "&pool_size=2")
        try await store.migrate()
        let pids = try await withThrowingTaskGroup(of: Int32.self) { group in
            for _ in 0..<6 {
                group.addTask {
                    let row = try await store.rows("SELECT pg_backend_pid() AS pid, pg_sleep(0.3)").first
                    return try row?["pid"].decode(Int32.self) ?? -1
                }
            }
            return try await group.reduce(into: [Int32]()) { $0.append($1) }
        }
        #expect(pids.count == 6)
        #expect(!pids.contains(-1))
        #expect(Set(pids).count <= 2)
        await store.shutdown()
        for bad in ["0", "-3", "many", "5000"] {
            #expect(throws: StoreFactory.Failure.self) { _ = try PostgresStore(url: url + "&pool_size=" + bad) }
        }
    }
}

@Suite("PostgreSQL engine under faults", .enabled(if: !TemporaryPostgres.isOff, "ENBEKSHI_TEST_POSTGRES=off"))
struct PostgresFaultTests {
    @Test("a statement over the URL's statement_timeout is StoreError.unavailable, and the next one runs")
    func statementTimeout() async throws {
        // Migrated without the limit: on a machine busy building, creating the schema can take longer.
        let url = try PostgresStoreTests.freshURL()
        let migrating = try PostgresStore(url: url)
        try await migrating.migrate()
        await migrating.shutdown()
        let store = try PostgresStore(url: url + "&statement_timeout=500")
        await #expect(throws: StoreError.self) { _ = try await store.rows("SELECT pg_sleep(3)") }
        do {
            _ = try await store.rows("SELECT pg_sleep(3)")
        } catch let error as StoreError {
            guard case .unavailable(let reason) = error else { throw error }
            #expect(reason.contains("statement timeout"))
        }
        #expect(try await store.statistics().articles == 0)
        await store.shutdown()
    }

    @Test("a connection the server terminates mid-use is StoreError.unavailable at worst, and the pool reconnects")
    func terminatedConnection() async throws {
        let store = try PostgresStore(url: try PostgresStoreTests.freshURL())
        try await store.migrate()
        let admin = try PostgresStore(url: try TemporaryPostgres.serverURL())
        for _ in 0..<3 {
            let pids = try await store.rows("SELECT pg_backend_pid() AS pid").map { try $0["pid"].decode(Int32.self) }
            for pid in pids { try await admin.execute("SELECT pg_terminate_backend(\(pid))") }
            // Within a few seconds (the pool backs off between reconnections).
            var answered = false, failures: [String] = []
            for _ in 0..<40 where !answered {
                do {
                    _ = try await store.statistics()
                    answered = true
                } catch let error as StoreError {
                    guard case .unavailable(let reason) = error else { throw error }
                    failures.append(reason)
                    try await Task.sleep(for: .milliseconds(100))
                }
            }
            #expect(answered, "\(failures)")
        }
        await store.shutdown()
        await admin.shutdown()
    }
}
