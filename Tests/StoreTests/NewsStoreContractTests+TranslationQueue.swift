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

        let claimed = try await store.claimTranslationJobs(owner: "w1", dueBy: later, now: later, limit: 3, duration: 600)
        #expect(claimed.map(\.id) == due.prefix(3).map(\.id))
        #expect(claimed.allSatisfy { $0.leaseOwner == "w1" && $0.leaseEpoch == 1 })
        let first = claimed[0], second = claimed[1], third = claimed[2]
        #expect(try await store.finishTranslationJob(first, saving: nil))
        #expect(try await store.failTranslationJob(second, error: "HTTP 503", retryAt: Date().addingTimeInterval(3600)))
        #expect(try await store.failTranslationJob(third, error: "unsupported pair", retryAt: nil))
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

    @Test("translation jobs are leased: racing workers never share one, a job finishes once, an abandoned job returns after its lease",
          arguments: StoreImplementation.allCases)
    func translationLeases(_ implementation: StoreImplementation) async throws {
        let (store, lifetime) = try await implementation.make()
        defer { withExtendedLifetime(lifetime) {} }
        var ids: [Int64] = []
        for index in 0..<40 {
            let key = ArticleKey(project: "mod", govkzID: "l\(index)")
            _ = try await store.save(Self.version(.ru, title: "Новость \(index)", hash: "l\(index)"), for: key)
            let id = try #require(try await store.articleID(for: key))
            ids.append(id)
            try await store.enqueueTranslation(articleID: id, from: .ru, to: .en)
        }
        let now = Date().addingTimeInterval(1)
        // Four workers claim at once, five jobs at a time, until nothing is left.
        let claims = try await withThrowingTaskGroup(of: [TranslationJob].self) { group in
            for worker in 0..<4 {
                group.addTask {
                    var mine: [TranslationJob] = []
                    while true {
                        let jobs = try await store.claimTranslationJobs(owner: "w\(worker)", dueBy: now, now: now, limit: 5, duration: 60)
                        if jobs.isEmpty { return mine }
                        mine += jobs
                    }
                }
            }
            var all: [[TranslationJob]] = []
            for try await jobs in group { all.append(jobs) }
            return all
        }
        let claimed = claims.flatMap { $0 }
        #expect(claimed.count == 40)
        #expect(Set(claimed.map(\.id)).count == 40, "a job was claimed twice")

        // Worker A stalls past its lease; B takes the job over under a new epoch.
        let stalled = try #require(claimed.first)
        #expect(try await store.claimTranslationJobs(owner: "B", dueBy: now.addingTimeInterval(30), now: now.addingTimeInterval(30), limit: 100, duration: 60).isEmpty)
        let takenOver = try #require(
            try await store.claimTranslationJobs(owner: "B", dueBy: now.addingTimeInterval(61), now: now.addingTimeInterval(61), limit: 100, duration: 60)
                .first { $0.id == stalled.id })
        #expect(takenOver.leaseEpoch == stalled.leaseEpoch + 1)
        // A wakes up: its result is refused and nothing of it is stored.
        let lateResult = Self.machineTranslation(.en, from: .ru, title: "Late result")
        #expect(try await store.finishTranslationJob(stalled, saving: lateResult) == false)
        #expect(try await store.failTranslationJob(stalled, error: "late", retryAt: nil) == false)
        #expect(try await store.article(id: stalled.articleID)?.versions[.en] == nil)
        // B's result is stored with the job done, once: a second finish changes nothing.
        #expect(try await store.finishTranslationJob(takenOver, saving: Self.machineTranslation(.en, from: .ru, title: "On time")))
        #expect(try await store.article(id: stalled.articleID)?.versions[.en]?.title == "On time")
        #expect(try await store.finishTranslationJob(takenOver, saving: lateResult) == false)
        #expect(try await store.article(id: stalled.articleID)?.versions[.en]?.title == "On time")
        #expect(try await store.translationQueueCounts().done == 1)
    }
}
