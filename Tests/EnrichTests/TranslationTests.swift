import AsyncHTTPClient
import Clean
import EnbekshiCore
import Enrich
import Foundation
import Logging
import Store
import TestSupport
import Testing
import TranslationFakes

/// Machine translation against fake engines on 127.0.0.1 that speak the real protocols.
@Suite("Machine translation")
struct TranslationTests {
    static let logger = Logger(label: "test") { _ in SwiftLogNoOpLogHandler() }
    static let kazakhTitle = "Қазақстанда бірыңғай қаржылық омбудсмен қызметін енгізу ұсынылып отыр"
    static let kazakhBody = "<p>Қазақстан тұтынушылар мен қаржы институттары арасындағы дауларды сотқа дейін шешу үшін омбудсмен қызметін құруды ұсынып отыр.</p><p>Бұл туралы агенттіктің баспасөз қызметі хабарлады.</p>"

    static func kazakhVersion(title: String = kazakhTitle, body: String = kazakhBody) -> ArticleVersion {
        ArticleVersion(
            language: .kk, title: title, originalTitle: title, bodyHTML: body, originalHTML: body, slug: nil,
            sourceURL: "https://www.gov.kz/memleket/entities/ardfm/press/news/details/221276?lang=kk", heropic: nil,
            createdRaw: "2025-12-25", published: GovKzDate("2025-12-25"), fetchedAt: Date(), contentHash: ContentHash.of(title, body),
            rawJSON: nil)
    }

    /// Runs `body` with an HTTP client that is always shut down.
    static func withHTTP<T>(_ body: (HTTPClient) async throws -> T) async throws -> T {
        let client = HTTPClient(eventLoopGroupProvider: .singleton)
        do {
            let result = try await body(client)
            try await client.shutdown()
            return result
        } catch {
            try? await client.shutdown()
            throw error
        }
    }

    /// A LibreTranslate engine talking to `fake` on loopback for the length of `body`.
    static func withLibreTranslate<T: Sendable>(
        _ fake: FakeTranslationServer, timeout: Double = 60, _ body: @Sendable (LibreTranslateTranslator) async throws -> T
    ) async throws -> T {
        try await fake.withRunning { base in
            try await withHTTP { client in
                try await body(LibreTranslateTranslator(baseURL: base, apiKey: nil, client: client, timeout: timeout))
            }
        }
    }

    /// gov.kz's English version with Cyrillic words left in it, flagged as ingest flags it.
    static func englishWithCyrillic(body: String, id: String) -> ArticleVersion {
        var english = ArticleVersion(
            language: .en, title: "A jubilee was held", originalTitle: nil, bodyHTML: body, originalHTML: body, slug: nil,
            sourceURL: "https://www.gov.kz/memleket/entities/ardfm/press/news/details/\(id)?lang=en", heropic: nil,
            createdRaw: "2025-12-25", published: GovKzDate("2025-12-25"), fetchedAt: Date(), contentHash: ContentHash.of(body),
            rawJSON: nil)
        english.flags = [QualityFlag(.cyrillicInEnglish, QualityInspector.cyrillicWords(body).joined(separator: ", "))]
        return english
    }

    static func worker(_ store: any NewsStore, _ translators: [any Translator]) -> TranslationWorker {
        TranslationWorker(store: store, translators: translators, requestsPerSecond: 1000, backoffBase: 0, logger: logger)
    }

    @Test("LibreTranslate: q as an array, source, target, format and api_key; a wrong key is refused")
    func libreTranslate() async throws {
        let fake = FakeTranslationServer(apiKey: "secret")
        try await fake.withRunning { base in
            try await Self.withHTTP { client in
                let engine = LibreTranslateTranslator(baseURL: base, apiKey: "secret", client: client)
                let out = try await engine.translate(["Сәлем, әлем", "Қазақстан"], from: .kk, to: .en)
                #expect(out.count == 2)
                #expect(out.allSatisfy { $0.hasPrefix("[en] ") && QualityInspectorTestsHelper.noCyrillic($0) })
                let wrongKey = LibreTranslateTranslator(baseURL: base, apiKey: "wrong", client: client)
                await #expect(throws: TranslationError.server(status: 403)) {
                    try await wrongKey.translate(["Сәлем"], from: .kk, to: .en)
                }
            }
        }
    }

    @Test("OpenAI-compatible chat: the paragraphs go and come back as a JSON array, in order")
    func openAI() async throws {
        let fake = FakeTranslationServer()
        try await fake.withRunning { base in
            try await Self.withHTTP { client in
                let engine = OpenAIChatTranslator(baseURL: base + "/v1", model: "test-model", apiKey: "k", client: client)
                let out = try await engine.translate(["Один", "Два", "Три"], from: .ru, to: .kk)
                #expect(out == ["[kk] Один", "[kk] Два", "[kk] Три"])
            }
        }
    }

    @Test("an article published only in Kazakh gets labelled translations into Russian and English, once")
    func fillsEditions() async throws {
        let database = try await TemporaryDatabase()
        let key = ArticleKey(project: "ardfm", govkzID: "221276")
        _ = try await database.store.save(Self.kazakhVersion(), for: key)
        let fake = FakeTranslationServer()
        try await Self.withLibreTranslate(fake) { engine in
            #expect(try await TranslationPlanner.plan(store: database.store) == 2)
            let report = try await Self.worker(database.store, [engine]).runDue()
            #expect(report.translated == 2)
            let article = try #require(try await database.store.article(key: key))
            let english = try #require(article.versions[.en])
            #expect(english.title.hasPrefix("[en] "))
            #expect(english.machineTranslation?.engine == "libretranslate")
            #expect(english.machineTranslation?.sourceLanguage == .kk)
            #expect(english.bodyHTML.components(separatedBy: "<p>").count - 1 == 2)
            #expect(article.versions[.kk]?.machineTranslation == nil)
            #expect(article.bestVersion(for: .en)?.machineTranslation != nil)

            // Planning again adds nothing; nothing is due; no further requests.
            let requests = fake.requestCount
            #expect(try await TranslationPlanner.plan(store: database.store) == 0)
            #expect(try await Self.worker(database.store, [engine]).runDue().translated == 0)
            #expect(fake.requestCount == requests)

            // The same text under another id costs no request: every paragraph is cached.
            _ = try await database.store.save(Self.kazakhVersion(), for: ArticleKey(project: "ardfm-copy", govkzID: "1"))
            #expect(try await TranslationPlanner.plan(store: database.store) == 2)
            #expect(try await Self.worker(database.store, [engine]).runDue().paragraphsRequested == 0)
            #expect(fake.requestCount == requests)
        }
    }

    @Test("a version gov.kz publishes later replaces the translation, and a translation never replaces it")
    func sourceWins() async throws {
        let database = try await TemporaryDatabase()
        let key = ArticleKey(project: "ardfm", govkzID: "221276")
        _ = try await database.store.save(Self.kazakhVersion(), for: key)
        let fake = FakeTranslationServer()
        try await Self.withLibreTranslate(fake) { engine in
            try await TranslationPlanner.plan(store: database.store)
            _ = try await Self.worker(database.store, [engine]).runDue()
        }
        let article = try #require(try await database.store.article(key: key))
        var russian = Self.kazakhVersion(title: "Новый финансовый омбудсман", body: "<p>Текст агентства.</p>")
        russian.language = .ru
        #expect(try await database.store.save(russian, for: key) == .inserted)
        let updated = try #require(try await database.store.article(key: key))
        #expect(updated.versions[.ru]?.machineTranslation == nil)
        #expect(updated.versions[.ru]?.title == "Новый финансовый омбудсман")
        #expect(try await database.store.history(articleID: article.id, language: .ru).isEmpty)
        var machine = try #require(article.versions[.ru])
        machine.title = "overwrite attempt"
        #expect(try await database.store.saveTranslation(machine, articleID: article.id) == false)
        #expect(try await database.store.article(key: key)?.versions[.ru]?.title == "Новый финансовый омбудсман")
    }

    @Test("429, 5xx, timeouts and malformed answers leave the job queued for a later retry", arguments: [
        FakeTranslationServer.Fault.status(429, retryAfter: "0"), .status(500), .status(503), .malformedJSON, .delay(.seconds(5)),
    ])
    func failuresRetry(_ fault: FakeTranslationServer.Fault) async throws {
        let database = try await TemporaryDatabase()
        _ = try await database.store.save(Self.kazakhVersion(), for: ArticleKey(project: "ardfm", govkzID: "221276"))
        let fake = FakeTranslationServer()
        fake.inject(fault)
        // Far below the delay, above a normal answer on a machine busy building (0.5 s was not).
        try await Self.withLibreTranslate(fake, timeout: 2) { engine in
            let article = try #require(try await database.store.latestArticles(limit: 1, offset: 0).first)
            try await database.store.enqueueTranslation(articleID: article.id, from: .kk, to: .en)
            let first = try await Self.worker(database.store, [engine]).runDue()
            #expect(first.retried == 1)
            #expect(try await database.store.translationQueueCounts().pending == 1)
            let second = try await Self.worker(database.store, [engine]).runDue()
            #expect(second.translated == 1)
            #expect(try await database.store.translationQueueCounts() == TranslationQueueCounts(pending: 0, done: 1, failed: 0))
        }
    }

    @Test("a long article goes in several small requests, and what came back is kept when a later one fails")
    func batches() async throws {
        let database = try await TemporaryDatabase()
        let body = (0..<100).map { "<p>Абзац номер \($0) с текстом новости агентства.</p>" }.joined()
        var russian = Self.kazakhVersion(title: "Длинная новость агентства", body: body)
        russian.language = .ru
        _ = try await database.store.save(russian, for: ArticleKey(project: "ardfm", govkzID: "9"))
        let fake = FakeTranslationServer()
        fake.inject(.leaveSourceWords, .leaveSourceWords, .status(500))
        try await Self.withLibreTranslate(fake) { engine in
            let article = try #require(try await database.store.latestArticles(limit: 1, offset: 0).first)
            try await database.store.enqueueTranslation(articleID: article.id, from: .ru, to: .kk)
            #expect(try await Self.worker(database.store, [engine]).runDue().retried == 1)
            #expect(fake.requestCount == 3)
            let sent = fake.paragraphCount
            #expect(sent == 80)
            #expect(try await Self.worker(database.store, [engine]).runDue().translated == 1)
            // Only the last 21 paragraphs (with the title) were left to send.
            #expect(fake.paragraphCount - sent == 21)
        }
    }

    @Test("the queue survives a restart")
    func persistence() async throws {
        let database = try await TemporaryDatabase()
        _ = try await database.store.save(Self.kazakhVersion(), for: ArticleKey(project: "ardfm", govkzID: "221276"))
        #expect(try await TranslationPlanner.plan(store: database.store) == 2)
        let reopened = try await database.reopen()
        let due = try await reopened.dueTranslationJobs(now: Date(), limit: 10)
        #expect(Set(due.map(\.target)) == [.ru, .en])
        #expect(due.allSatisfy { $0.source == .kk })
    }

    @Test("words left in the source script send the text once to the next engine; left anyway, it is flagged and never shown")
    func leftovers() async throws {
        let database = try await TemporaryDatabase()
        let key = ArticleKey(project: "ardfm", govkzID: "221276")
        _ = try await database.store.save(Self.kazakhVersion(), for: key)
        let weak = FakeTranslationServer()
        let strong = FakeTranslationServer()
        weak.inject(.leaveSourceWords, .leaveSourceWords)
        try await weak.withRunning { weakBase in
            try await strong.withRunning { strongBase in
                try await Self.withHTTP { client in
                    let first = LibreTranslateTranslator(baseURL: weakBase, apiKey: nil, client: client)
                    let second = OpenAIChatTranslator(baseURL: strongBase + "/v1", model: "m", apiKey: nil, client: client)
                    let article = try #require(try await database.store.article(key: key))
                    try await database.store.enqueueTranslation(articleID: article.id, from: .kk, to: .en)
                    _ = try await Self.worker(database.store, [first, second]).runDue()
                    let english = try #require(try await database.store.article(key: key)?.versions[.en])
                    #expect(english.machineTranslation?.engine == "openai")
                    #expect(english.flags.isEmpty)
                    #expect(strong.requestCount == 1)

                    // With only the weak engine, the leftover text is stored flagged and not shown.
                    let other = ArticleKey(project: "ardfm", govkzID: "2")
                    _ = try await database.store.save(Self.kazakhVersion(title: "Тағы бір жаңалық туралы хабарлама"), for: other)
                    let otherArticle = try #require(try await database.store.article(key: other))
                    weak.inject(.leaveSourceWords)
                    try await database.store.enqueueTranslation(articleID: otherArticle.id, from: .kk, to: .en)
                    _ = try await Self.worker(database.store, [first]).runDue()
                    let flagged = try #require(try await database.store.article(key: other))
                    #expect(flagged.versions[.en]?.flags.first?.kind == .cyrillicInEnglish)
                    #expect(flagged.bestVersion(for: .en)?.language == .kk)
                }
            }
        }
    }

    @Test("Cyrillic runs left in gov.kz's English text are glossed once each; a failed request is asked again later")
    func glosses() async throws {
        let database = try await TemporaryDatabase()
        let body = "<p>A юбилей of the service «Ақ жол» was held.</p><p>The юбилей drew guests; <a href=\"https://x.kz/?q=тест\">a link</a>.</p>"
        _ = try await database.store.save(Self.englishWithCyrillic(body: body, id: "9"), for: ArticleKey(project: "ardfm", govkzID: "9"))
        // A clean English text and a machine translation are not glossed.
        _ = try await database.store.save(
            Self.kazakhVersion(title: "Басқа жаңалық", body: "<p>Мәтін.</p>"), for: ArticleKey(project: "ardfm", govkzID: "10"))
        let fake = FakeTranslationServer()
        try await Self.withLibreTranslate(fake) { engine in
            fake.inject(.status(503))
            let failed = try await Self.worker(database.store, [engine]).glossPass().runs
            #expect(failed.failed > 0)
            #expect(failed.glossed == 0)
            #expect(try await database.store.glosses(of: ["юбилей", "Ақ жол"], to: .en).isEmpty)

            let report = try await Self.worker(database.store, [engine]).glossPass().runs
            #expect(report.glossed == 2)
            let glosses = try await database.store.glosses(of: ["юбилей", "Ақ жол", "тест"], to: .en)
            #expect(glosses.keys.sorted() == ["Ақ жол", "юбилей"], "a link's address is not text")
            #expect(glosses["Ақ жол"]?.source == .kk)
            #expect(glosses["юбилей"]?.source == .ru)
            #expect(glosses.values.allSatisfy { $0.text.hasPrefix("[en] ") && QualityInspectorTestsHelper.noCyrillic($0.text) })

            let requests = fake.requestCount
            #expect(try await Self.worker(database.store, [engine]).glossPass().runs.runsRequested == 0)
            #expect(fake.requestCount == requests, "each run is glossed once")
        }
    }

    @Test("a Russian title over an English text is translated once into English; an echo in Cyrillic is not kept")
    func foreignTitles() async throws {
        let database = try await TemporaryDatabase()
        let body = "<p>On October 9 at a briefing, the vice minister of education spoke about teachers' pay.</p>"
        var english = Self.englishWithCyrillic(body: body, id: "12")
        english.title = "On October 9 at a briefing, the vice minister of education spoke"
        english.originalTitle = "Учителям повысят зарплату на 30%"
        english.flags = [QualityFlag(.titleLanguage, "gov.kz's title is not in the body's language")]
        _ = try await database.store.save(english, for: ArticleKey(project: "edu", govkzID: "12"))
        let title = "Учителям повысят зарплату на 30%"
        let fake = FakeTranslationServer()
        try await Self.withLibreTranslate(fake) { engine in
            fake.inject(.leaveSourceWords)
            let echoed = try await Self.worker(database.store, [engine]).glossPass().titles
            #expect(echoed.runsRequested == 1 && echoed.glossed == 0)
            #expect(try await database.store.glosses(of: [title], to: .en).isEmpty)

            fake.inject(.status(503))
            #expect(try await Self.worker(database.store, [engine]).glossPass().titles.failed == 1)

            let report = try await Self.worker(database.store, [engine]).glossPass().titles
            #expect(report.glossed == 1)
            let gloss = try #require(try await database.store.glosses(of: [title], to: .en)[title])
            #expect(gloss.source == .ru && gloss.target == .en)
            #expect(gloss.text.hasPrefix("[en] ") && QualityInspectorTestsHelper.noCyrillic(gloss.text))
            let requests = fake.requestCount
            #expect(try await Self.worker(database.store, [engine]).glossPass().titles.runsRequested == 0)
            #expect(fake.requestCount == requests, "each title is translated once")
        }
    }

    @Test("a gloss that comes back in Cyrillic is not kept")
    func glossLeftInCyrillic() async throws {
        let database = try await TemporaryDatabase()
        let body = "<p>The дворец культуры opened.</p>"
        _ = try await database.store.save(Self.englishWithCyrillic(body: body, id: "11"), for: ArticleKey(project: "ardfm", govkzID: "11"))
        let fake = FakeTranslationServer()
        fake.inject(.leaveSourceWords)
        try await Self.withLibreTranslate(fake) { engine in
            let report = try await Self.worker(database.store, [engine]).glossPass().runs
            #expect(report.runsRequested == 1)
            #expect(report.glossed == 0)
            #expect(try await database.store.glosses(of: ["дворец культуры"], to: .en).isEmpty)
        }
    }
}

enum QualityInspectorTestsHelper {
    static func noCyrillic(_ text: String) -> Bool {
        !text.unicodeScalars.contains { (0x0400...0x04FF).contains($0.value) }
    }
}
