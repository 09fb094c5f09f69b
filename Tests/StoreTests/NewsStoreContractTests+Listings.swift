import EnbekshiCore
import Foundation
import Store
import TestSupport
import Testing

extension NewsStoreContractTests {
    /// Saves one Russian article per (project, id, published) and returns their ids in order.
    static func saveArticles(_ store: any NewsStore, _ items: [(project: String, id: String, published: String, copyOf: Int?)])
        async throws -> [Int64]
    {
        let keys = items.map { ArticleKey(project: $0.project, govkzID: $0.id) }
        let saved = try await store.saveBatch(items.enumerated().map { index, item in
            BulkArticle(key: keys[index], version: version(.ru, title: "Новость \(item.id)", hash: "l\(index)", published: item.published),
                        topics: nil, copyOf: item.copyOf.map { keys[$0] })
        })
        return saved.map(\.articleID)
    }

    /// Saves each (language, title, body) as an article of kgd-pavlodar with gov.kz ids 1, 2, 3….
    static func saveTexts(_ store: any NewsStore, _ texts: [(Language, String, String)]) async throws {
        for (index, text) in texts.enumerated() {
            _ = try await store.save(
                version(text.0, title: text.1, body: text.2, hash: "t\(index)"),
                for: ArticleKey(project: "kgd-pavlodar", govkzID: "\(index + 1)"))
        }
    }

    @Test("top stories: most publishers first, then newest, from a day on, each given by its first article",
          arguments: StoreImplementation.allCases)
    func topStories(_ implementation: StoreImplementation) async throws {
        let (store, lifetime) = try await implementation.make()
        defer { withExtendedLifetime(lifetime) {} }
        let ids = try await Self.saveArticles(store, [
            ("mod", "1", "2025-12-10T09:00:00", nil),
            ("kgd-almaty", "2", "2025-12-10T09:05:00", 0),
            ("kgd-astana", "3", "2025-12-10T09:10:00", 0),
            ("mfa", "4", "2025-12-11T10:00:00", nil),
            ("kgd-almaty", "5", "2025-12-11T10:05:00", 3),
            ("mfa", "6", "2025-12-12T10:00:00", nil),
            ("minfin", "7", "2025-11-01T10:00:00", nil),
            ("kgd-almaty", "8", "2025-11-01T10:05:00", 6),
        ])
        let top = try await store.topStories(fromDay: "2025-12-01", minimumPublishers: 2, limit: 10)
        #expect(top.map(\.id) == [ids[0], ids[3]])
        #expect(try await store.topStories(fromDay: "2025-12-01", minimumPublishers: 3, limit: 10).map(\.id) == [ids[0]])
        #expect(try await store.topStories(fromDay: "2025-12-01", minimumPublishers: 2, limit: 1).map(\.id) == [ids[0]])
        #expect(try await store.topStories(fromDay: "2025-10-01", minimumPublishers: 2, limit: 10).map(\.id) == [ids[0], ids[3], ids[6]])
        #expect(try await store.topStories(fromDay: "2026-01-01", minimumPublishers: 2, limit: 10).isEmpty)
    }

    @Test("an edition's own news: articles with a headlined version in its language (gov.kz's or a translation), and the others",
          arguments: StoreImplementation.allCases)
    func inLanguage(_ implementation: StoreImplementation) async throws {
        let (store, lifetime) = try await implementation.make()
        defer { withExtendedLifetime(lifetime) {} }
        func save(_ id: String, _ versions: [(Language, String)], at published: String) async throws -> Int64 {
            let key = ArticleKey(project: "kgd-pavlodar", govkzID: id)
            for (language, title) in versions {
                _ = try await store.save(Self.version(language, title: title, hash: "\(id)\(language)", published: published), for: key)
            }
            return try #require(try await store.articleID(for: key))
        }
        let russian = try await save("1", [(.ru, "Новость")], at: "2025-12-10T09:00:00.000Z")
        let english = try await save("2", [(.en, "News")], at: "2025-12-11T09:00:00.000Z")
        let both = try await save("3", [(.ru, "Новость"), (.kk, "Жаңалық")], at: "2025-12-12T09:00:00.000Z")
        let translated = try await save("4", [(.ru, "Новость")], at: "2025-12-13T09:00:00.000Z")
        let brief = try await save("5", [(.ru, "Новость"), (.en, "")], at: "2025-12-14T09:00:00.000Z")
        var translation = Self.version(.en, title: "News, translated", hash: "4mt")
        translation.machineTranslation = MachineTranslation(engine: "fake", model: nil, translatedAt: Date(), sourceLanguage: .ru)
        #expect(try await store.saveTranslation(translation, articleID: translated))

        #expect(try await store.latestArticles(limit: 10, offset: 0, filter: .inLanguage(.en)).map(\.id) == [translated, english])
        #expect(try await store.latestArticles(limit: 10, offset: 0, filter: .notInLanguage(.en)).map(\.id) == [brief, both, russian],
                "a version without a headline does not count")
        #expect(try await store.latestArticles(limit: 1, offset: 1, filter: .notInLanguage(.en)).map(\.id) == [both])
        #expect(try await store.latestArticles(limit: 10, offset: 0, filter: .inLanguage(.kk)).map(\.id) == [both])
        #expect(try await store.publishedArticleCount(filter: .inLanguage(.ru)) == 4)
        #expect(try await store.publishedArticleCount(filter: .notInLanguage(.ru), limit: 10) == 1)
    }

    @Test("sitemaps: months newest first with counts, and each month's listed articles, one per story",
          arguments: StoreImplementation.allCases)
    func sitemaps(_ implementation: StoreImplementation) async throws {
        let (store, lifetime) = try await implementation.make()
        defer { withExtendedLifetime(lifetime) {} }
        #expect(try await store.sitemapMonths().isEmpty)
        let ids = try await Self.saveArticles(store, [
            ("mod", "1", "2025-11-30T23:59:00", nil),
            ("mod", "2", "2025-12-01T00:00:00", nil),
            ("kgd-almaty", "3", "2025-12-01T00:10:00", 1),
            ("mod", "4", "2025-12-31T23:00:00", nil),
        ])
        _ = try await store.save(Self.version(.kk, title: "", hash: "untitled", published: "2025-12-15T10:00:00"),
                                 for: ArticleKey(project: "mod", govkzID: "untitled"))
        #expect(try await store.sitemapMonths() == [
            SitemapMonth(month: "2025-12", articles: 2, newest: "2025-12-31T23:00:00"),
            SitemapMonth(month: "2025-11", articles: 1, newest: "2025-11-30T23:59:00"),
        ])
        let december = try await store.sitemapEntries(month: "2025-12")
        #expect(december.map(\.articleID) == [ids[3], ids[1]])
        #expect(december.map(\.slugTitle) == ["Новость 4", "Новость 2"])
        #expect(december.first?.published == "2025-12-31T23:00:00")
        #expect(try await store.sitemapEntries(month: "2025-11").map(\.articleID) == [ids[0]])
        #expect(try await store.sitemapEntries(month: "2024-01").isEmpty)
    }

    @Test("a story's members come leader first, then in the order they were stored", arguments: StoreImplementation.allCases)
    func storyMembers(_ implementation: StoreImplementation) async throws {
        let (store, lifetime) = try await implementation.make()
        defer { withExtendedLifetime(lifetime) {} }
        let ids = try await Self.saveArticles(store, [
            ("mod", "1", "2025-12-10T09:00:00", nil),
            ("kgd-astana", "2", "2025-12-10T09:05:00", 0),
            ("kgd-almaty", "3", "2025-12-10T09:10:00", 0),
            ("mfa", "4", "2025-12-10T09:15:00", nil),
        ])
        let members = try await store.storyMembers(storyID: ids[0])
        #expect(members.map(\.id) == [ids[0], ids[1], ids[2]])
        #expect(members.map(\.key.project) == ["mod", "kgd-astana", "kgd-almaty"])
        try await store.joinStory(articleID: ids[3], with: ids[1])
        #expect(try await store.storyMembers(storyID: ids[0]).map(\.id) == [ids[0], ids[1], ids[2], ids[3]])
        #expect(try await store.storyMembers(storyID: 9_999_999).isEmpty)
    }

    @Test("every feed's harvest state is listed; feed activity counts gov.kz's versions published since a moment",
          arguments: StoreImplementation.allCases)
    func harvestLedger(_ implementation: StoreImplementation) async throws {
        let (store, lifetime) = try await implementation.make()
        defer { withExtendedLifetime(lifetime) {} }
        #expect(try await store.harvestStates().isEmpty)
        let now = Date(timeIntervalSince1970: 1_765_000_000)
        try await store.record(HarvestState(source: "mod", language: .kk, lastAttemptAt: now, itemsStored: 3))
        try await store.record(HarvestState(source: "mod", language: .ru, lastAttemptAt: now, lastError: "HTTP 503", consecutiveFailures: 2))
        try await store.record(HarvestState(source: "mod", language: .kk, lastAttemptAt: now, itemsStored: 5))
        let states = try await store.harvestStates().sorted { $0.language.rawValue < $1.language.rawValue }
        #expect(states.map(\.language) == [.kk, .ru])
        #expect(states.map(\.itemsStored) == [5, 0])
        #expect(states.last?.consecutiveFailures == 2 && states.last?.lastError == "HTTP 503")

        let recent = GovKzDate.localNow(Date().addingTimeInterval(-3600))
        let old = "2020-01-01T10:00:00"
        let key = ArticleKey(project: "kgd-almaty", govkzID: "1")
        _ = try await store.save(Self.version(.ru, title: "Налоги", hash: "r", published: recent), for: key)
        _ = try await store.save(Self.version(.kk, title: "Салық", hash: "k", published: recent), for: key)
        _ = try await store.save(Self.version(.ru, title: "Архив", hash: "o", published: old), for: ArticleKey(project: "mod", govkzID: "2"))
        let id = try #require(try await store.articleID(for: key))
        _ = try await store.saveTranslation(Self.machineTranslation(.en, from: .ru, title: "Taxes"), articleID: id)
        let activity = try await store.feedActivity(since: Date().addingTimeInterval(-86_400))
        #expect(Set(activity) == [FeedActivity(source: "kgd-almaty", language: .ru, items: 1), FeedActivity(source: "kgd-almaty", language: .kk, items: 1)])
        #expect(try await store.feedActivity(since: Date().addingTimeInterval(60)).isEmpty)
    }

    @Test("storage grows with what is stored; a migrated store has no step left to run", arguments: StoreImplementation.allCases)
    func storageAndMigrations(_ implementation: StoreImplementation) async throws {
        let (store, lifetime) = try await implementation.make()
        defer { withExtendedLifetime(lifetime) {} }
        #expect(try await store.pendingMigrations().isEmpty)
        #expect(!store.migrationSteps.isEmpty)
        try await store.migrate()
        #expect(try await store.pendingMigrations().isEmpty)
        let before = try await store.storageBytes()
        #expect(before > 0)
        let body = "<p>" + String(repeating: "Жаңа салық кодексі туралы түсіндіру жұмыстары жүргізілді. ", count: 40) + "</p>"
        try await store.saveBatch((0..<300).map { index in
            BulkArticle(key: ArticleKey(project: "kgd-almaty", govkzID: "\(index)"),
                        version: Self.version(.kk, title: "Салық \(index)", body: body + "<p>\(index)</p>", hash: "s\(index)"), topics: nil)
        })
        #expect(try await store.storageBytes() > before)
    }
}
