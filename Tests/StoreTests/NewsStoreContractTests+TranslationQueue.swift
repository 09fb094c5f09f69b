import EnbekshiCore
import Foundation
import Store
import TestSupport
import Testing

extension NewsStoreContractTests {
    static func machineTranslation(_ language: Language, from source: Language, title: String) -> ArticleVersion {
        var version = version(language, title: title, hash: "mt-\(language.rawValue)")
        version.originalTitle = nil
        version.originalHTML = nil
        version.rawJSON = nil
        version.machineTranslation = MachineTranslation(engine: "libretranslate", model: nil, translatedAt: Date(), sourceLanguage: source)
        return version
    }

    @Test("a machine translation fills a missing edition and may be replaced; gov.kz's own version always wins",
          arguments: StoreImplementation.allCases)
    func machineTranslations(_ implementation: StoreImplementation) async throws {
        let (store, lifetime) = try await implementation.make()
        defer { withExtendedLifetime(lifetime) {} }
        let key = ArticleKey(project: "mod", govkzID: "7")
        _ = try await store.save(Self.version(.ru, title: "Учения"), for: key)
        let id = try #require(try await store.articleID(for: key))
        #expect(try await store.saveTranslation(Self.machineTranslation(.en, from: .ru, title: "Exercises"), articleID: id))
        #expect(try await store.article(id: id)?.versions[.en]?.machineTranslation?.sourceLanguage == .ru)
        #expect(try await store.saveTranslation(Self.machineTranslation(.en, from: .ru, title: "Drills"), articleID: id))
        #expect(try await store.article(id: id)?.versions[.en]?.title == "Drills")
        // gov.kz's Russian text is never replaced by a translation into Russian.
        #expect(try await store.saveTranslation(Self.machineTranslation(.ru, from: .kk, title: "Перевод"), articleID: id) == false)
        #expect(try await store.article(id: id)?.versions[.ru]?.title == "Учения")
        // gov.kz's own English arriving later replaces the machine's.
        _ = try await store.save(Self.version(.en, title: "Military exercises", hash: "en"), for: key)
        let english = try #require(try await store.article(id: id)?.versions[.en])
        #expect(english.title == "Military exercises" && english.machineTranslation == nil)
        #expect(try await store.saveTranslation(Self.machineTranslation(.en, from: .ru, title: "Drills"), articleID: id) == false)
    }

    @Test("translation jobs: one per article and target, due oldest first, retried when asked, counted by state",
          arguments: StoreImplementation.allCases)
    func translationJobs(_ implementation: StoreImplementation) async throws {
        let (store, lifetime) = try await implementation.make()
        defer { withExtendedLifetime(lifetime) {} }
        var ids: [Int64] = []
        for index in 0..<3 {
            let key = ArticleKey(project: "mod", govkzID: "\(index)")
            _ = try await store.save(Self.version(.ru, title: "Новость \(index)", hash: "\(index)"), for: key)
            ids.append(try #require(try await store.articleID(for: key)))
        }
        #expect(try await store.translationQueueCounts() == TranslationQueueCounts(pending: 0, done: 0, failed: 0))
        for id in ids { #expect(try await store.enqueueTranslation(articleID: id, from: .ru, to: .en)) }
        #expect(try await store.enqueueTranslation(articleID: ids[0], from: .ru, to: .en) == false)
        #expect(try await store.enqueueTranslation(articleID: ids[0], from: .ru, to: .kk))
        let later = Date().addingTimeInterval(60)
        let due = try await store.dueTranslationJobs(now: later, limit: 10)
        #expect(due.count == 4)
        #expect(Set(due.map(\.articleID)) == Set(ids))
        #expect(due.allSatisfy { $0.state == .pending && $0.attempts == 0 && $0.source == .ru })
        #expect(try await store.dueTranslationJobs(now: later, limit: 2).count == 2)
        #expect(try await store.dueTranslationJobs(now: Date().addingTimeInterval(-3600), limit: 10).isEmpty)

        let first = due[0], second = due[1], third = due[2]
        try await store.finishTranslationJob(id: first.id)
        try await store.failTranslationJob(id: second.id, error: "HTTP 503", retryAt: Date().addingTimeInterval(3600))
        try await store.failTranslationJob(id: third.id, error: "unsupported pair", retryAt: nil)
        #expect(try await store.translationQueueCounts() == TranslationQueueCounts(pending: 2, done: 1, failed: 1))
        // The retried job is not due until its time; then it comes with its attempt and error.
        #expect(try await store.dueTranslationJobs(now: later, limit: 10).map(\.id) == [due[3].id])
        let retried = try #require(try await store.dueTranslationJobs(now: Date().addingTimeInterval(7200), limit: 10).first { $0.id == second.id })
        #expect(retried.attempts == 1 && retried.lastError == "HTTP 503")
        // A finished or failed job is not queued again.
        #expect(try await store.enqueueTranslation(articleID: first.articleID, from: .ru, to: first.target) == false)
    }

    @Test("the paragraph cache answers per engine and language pair, by hash, and keeps the latest text",
          arguments: StoreImplementation.allCases)
    func paragraphCache(_ implementation: StoreImplementation) async throws {
        let (store, lifetime) = try await implementation.make()
        defer { withExtendedLifetime(lifetime) {} }
        #expect(try await store.cachedTranslations(hashes: ["a"], from: .ru, to: .en, engine: "libre").isEmpty)
        try await store.cacheTranslations(["a": "Exercises", "b": "Taxes"], from: .ru, to: .en, engine: "libre")
        try await store.cacheTranslations(["a": "Жаттығулар"], from: .ru, to: .kk, engine: "libre")
        try await store.cacheTranslations(["a": "Drills"], from: .ru, to: .en, engine: "openai")
        #expect(try await store.cachedTranslations(hashes: ["a", "b", "c"], from: .ru, to: .en, engine: "libre") == ["a": "Exercises", "b": "Taxes"])
        #expect(try await store.cachedTranslations(hashes: ["a"], from: .ru, to: .kk, engine: "libre") == ["a": "Жаттығулар"])
        #expect(try await store.cachedTranslations(hashes: ["a"], from: .ru, to: .en, engine: "openai") == ["a": "Drills"])
        #expect(try await store.cachedTranslations(hashes: ["a"], from: .kk, to: .en, engine: "libre").isEmpty)
        try await store.cacheTranslations(["a": "Military exercises"], from: .ru, to: .en, engine: "libre")
        #expect(try await store.cachedTranslations(hashes: ["a"], from: .ru, to: .en, engine: "libre") == ["a": "Military exercises"])
        #expect(try await store.cachedTranslations(hashes: [], from: .ru, to: .en, engine: "libre").isEmpty)
        // A long article's paragraphs are asked for in one call, whatever the engine's parameter limits.
        let many = Dictionary(uniqueKeysWithValues: (0..<1_500).map { ("h\($0)", "text \($0)") })
        try await store.cacheTranslations(many, from: .kk, to: .ru, engine: "libre")
        #expect(try await store.cachedTranslations(hashes: Array(many.keys), from: .kk, to: .ru, engine: "libre") == many)
    }
}
