import EnbekshiCore
import Foundation
import Store
import TestSupport
import Testing

/// The behaviour every `NewsStore` must have. Runs once per implementation.
@Suite("NewsStore contract")
struct NewsStoreContractTests {
    static func version(
        _ language: Language, title: String = "Title", body: String = "<p>Body</p>", hash: String = "h1",
        published: String? = "2025-12-18T12:41:00.000Z"
    ) -> ArticleVersion {
        ArticleVersion(
            language: language, title: title, originalTitle: title, bodyHTML: body, originalHTML: "<p>orig \(hash)</p>",
            slug: nil, sourceURL: "https://www.gov.kz/x?lang=\(language.rawValue)", heropic: nil,
            createdRaw: published, published: published.flatMap(GovKzDate.init), fetchedAt: Date(), contentHash: hash,
            rawJSON: "{\"id\":1}")
    }

    let key = ArticleKey(project: "kgd-zhetysu", govkzID: "1127933")

    @Test("saving the same version twice changes nothing", arguments: StoreImplementation.allCases)
    func idempotentSave(_ implementation: StoreImplementation) async throws {
        let (store, lifetime) = try await implementation.make()
        defer { withExtendedLifetime(lifetime) {} }
        #expect(try await store.save(Self.version(.ru), for: key) == .inserted)
        #expect(try await store.save(Self.version(.ru), for: key) == .unchanged)
        let stats = try await store.statistics()
        #expect(stats.articles == 1)
        #expect(stats.versions == 1)
    }

    @Test("language versions of one gov.kz id are one article", arguments: StoreImplementation.allCases)
    func languagesShareAnArticle(_ implementation: StoreImplementation) async throws {
        let (store, lifetime) = try await implementation.make()
        defer { withExtendedLifetime(lifetime) {} }
        _ = try await store.save(Self.version(.kk, title: "Қазақша"), for: key)
        _ = try await store.save(Self.version(.ru, title: "По-русски"), for: key)
        let article = try #require(try await store.article(key: key))
        #expect(article.versions.keys.sorted() == [.kk, .ru])
        #expect(try await store.articleID(for: key) == article.id)
        #expect(try await store.articleID(for: ArticleKey(project: key.project, govkzID: "missing")) == nil)
        #expect(article.versions[.kk]?.title == "Қазақша")
        #expect(article.versions[.ru]?.title == "По-русски")
        #expect(try await store.statistics().articles == 1)
    }

    @Test("a change at the source updates our copy and keeps the previous original", arguments: StoreImplementation.allCases)
    func changeKeepsHistory(_ implementation: StoreImplementation) async throws {
        let (store, lifetime) = try await implementation.make()
        defer { withExtendedLifetime(lifetime) {} }
        _ = try await store.save(Self.version(.en, title: "Old", hash: "old"), for: key)
        #expect(try await store.save(Self.version(.en, title: "New", hash: "new"), for: key) == .updated)
        let article = try #require(try await store.article(key: key))
        #expect(article.versions[.en]?.title == "New")
        let history = try await store.history(articleID: article.id, language: .en)
        #expect(history.count == 1)
        #expect(history.first?.title == "Old")
        #expect(history.first?.originalHTML == "<p>orig old</p>")
        #expect(history.first?.contentHash == "old")
    }

    @Test("listings are newest first, then by id, and leave out versions without a headline", arguments: StoreImplementation.allCases)
    func listingOrder(_ implementation: StoreImplementation) async throws {
        let (store, lifetime) = try await implementation.make()
        defer { withExtendedLifetime(lifetime) {} }
        _ = try await store.save(Self.version(.en, title: "Morning", published: "2025-12-18T09:00:00Z"), for: ArticleKey(project: "a", govkzID: "1"))
        _ = try await store.save(Self.version(.en, title: "Evening", published: "2025-12-18T20:30:00Z"), for: ArticleKey(project: "a", govkzID: "2"))
        _ = try await store.save(Self.version(.en, title: "Old", published: "2020-01-01"), for: ArticleKey(project: "b", govkzID: "3"))
        _ = try await store.save(Self.version(.en, title: "", published: "2026-01-01T00:00:00Z"), for: ArticleKey(project: "b", govkzID: "4"))
        let latest = try await store.latestArticles(limit: 10, offset: 0)
        #expect(latest.map(\.key.govkzID) == ["2", "1", "3"])
        #expect(try await store.publishedArticleCount() == 3)
        #expect(try await store.publishedArticleCount(filter: nil, limit: 2) == 2)
        // The evening item keeps its gov.kz wall-clock day: never shifted into the next day.
        #expect(latest.first?.published?.day == "2025-12-18")
        #expect(latest.first?.versions[.en]?.originalHTML == nil)
        #expect(latest.first?.versions[.en]?.bodyHTML == "<p>Body</p>")
        let second = try await store.latestArticles(limit: 2, offset: 2)
        #expect(second.map(\.key.govkzID) == ["3"])
        // The days around a day skip days without news and titleless articles.
        #expect(try await store.newestDay() == "2025-12-18")
        let around = try await store.daysWithNews(around: "2024-06-01")
        #expect(around.before == "2020-01-01")
        #expect(around.after == "2025-12-18")
        let last = try await store.daysWithNews(around: "2025-12-18")
        #expect(last.before == "2020-01-01")
        #expect(last.after == nil)
        #expect(try await store.daysWithNews(around: "2020-01-01").before == nil)
    }

    @Test("a titleless article becomes listed once a version with a headline arrives", arguments: StoreImplementation.allCases)
    func listedLater(_ implementation: StoreImplementation) async throws {
        let (store, lifetime) = try await implementation.make()
        defer { withExtendedLifetime(lifetime) {} }
        _ = try await store.save(Self.version(.en, title: "", hash: "a"), for: key)
        #expect(try await store.publishedArticleCount() == 0)
        _ = try await store.save(Self.version(.kk, title: "Тақырып", hash: "b"), for: key)
        #expect(try await store.publishedArticleCount() == 1)
    }

    @Test("stored hashes tell the ingestor what it already has", arguments: StoreImplementation.allCases)
    func storedHashes(_ implementation: StoreImplementation) async throws {
        let (store, lifetime) = try await implementation.make()
        defer { withExtendedLifetime(lifetime) {} }
        _ = try await store.save(Self.version(.ru, hash: "x"), for: key)
        let hashes = try await store.storedHashes(project: key.project, language: .ru, govkzIDs: [key.govkzID, "999"])
        #expect(hashes == [key.govkzID: "x"])
        #expect(try await store.storedHashes(project: key.project, language: .kk, govkzIDs: [key.govkzID]).isEmpty)
        #expect(try await store.storedHashes(project: "other", language: .ru, govkzIDs: [key.govkzID]).isEmpty)
        // Many projects and languages in one read, as a batch of pages asks.
        let other = ArticleKey(project: "kgd-zhambyl", govkzID: key.govkzID)
        _ = try await store.save(Self.version(.kk, hash: "y"), for: other)
        let ids = (0..<1_200).map { "\($0 + 10_000)" }
        let asked = [
            FetchKey(project: key.project, language: .ru, govkzID: key.govkzID),
            FetchKey(project: key.project, language: .kk, govkzID: key.govkzID),
            FetchKey(project: other.project, language: .kk, govkzID: other.govkzID),
            FetchKey(project: other.project, language: .ru, govkzID: other.govkzID),
        ] + ids.map { FetchKey(project: key.project, language: .ru, govkzID: $0) }
        #expect(try await store.storedHashes(of: asked) == [asked[0]: "x", asked[2]: "y"])
        #expect(try await store.storedHashes(of: []).isEmpty)
    }

    @Test("seeding sources adds only new ones and never overrides an operator's choice", arguments: StoreImplementation.allCases)
    func sources(_ implementation: StoreImplementation) async throws {
        let (store, lifetime) = try await implementation.make()
        defer { withExtendedLifetime(lifetime) {} }
        let catalog = SourceCatalog.parse("kgd-zhetysu\nmfa-london\nmod\n")
        #expect(try await store.seed(sources: catalog) == 3)
        #expect(try await store.setEnabled(false, slug: "mod"))
        #expect(try await !store.setEnabled(false, slug: "no-such-body"))
        #expect(try await store.seed(sources: catalog) == 0)
        #expect(try await store.sources(enabledOnly: true).map(\.slug) == ["kgd-zhetysu", "mfa-london"])
        let embassy = try #require(try await store.source(slug: "mfa-london"))
        #expect(embassy.kind == .embassy)
        let tax = try #require(try await store.source(slug: "kgd-zhetysu"))
        #expect(tax.kind == .taxDepartment)
        #expect(tax.region == "zhetysu")
        #expect(tax.names[.kk] == "Мемлекеттік кірістер департаменті (Жетісу облысы)")
        // A catalog update refreshes names but keeps the operator's choice.
        var renamed = Source(catalogSlug: "mod")
        renamed.names[.en] = "Ministry of Defence of the Republic of Kazakhstan"
        #expect(try await store.seed(sources: [renamed]) == 0)
        let mod = try #require(try await store.source(slug: "mod"))
        #expect(mod.names[.en] == "Ministry of Defence of the Republic of Kazakhstan")
        #expect(!mod.enabled)
        let found = try await store.sources(slugs: ["mod", "mfa-london", "no-such-body", "mod"])
        #expect(found.keys.sorted() == ["mfa-london", "mod"])
        #expect(found["mfa-london"]?.kind == .embassy && found["mod"]?.enabled == false)
        #expect(try await store.sources(slugs: []).isEmpty)
    }

    @Test("an answer in another language is stored under its own language but remembered for the request", arguments: StoreImplementation.allCases)
    func requestedLanguage(_ implementation: StoreImplementation) async throws {
        let (store, lifetime) = try await implementation.make()
        defer { withExtendedLifetime(lifetime) {} }
        #expect(try await store.save(Self.version(.ru, hash: "r"), for: key, requested: .kk) == .inserted)
        #expect(try await store.save(Self.version(.ru, hash: "r"), for: key, requested: .ru) == .unchanged)
        #expect(try await store.storedHashes(project: key.project, language: .kk, govkzIDs: [key.govkzID]) == [key.govkzID: "r"])
        #expect(try await store.storedHashes(project: key.project, language: .ru, govkzIDs: [key.govkzID]) == [key.govkzID: "r"])
        #expect(try await store.storedHashes(project: key.project, language: .en, govkzIDs: [key.govkzID]).isEmpty)
        let article = try #require(try await store.article(key: key))
        #expect(article.versions.keys.sorted() == [.ru])
    }

    @Test("maintenance: every version in batches, cleaned fields replaced, flagged versions listed", arguments: StoreImplementation.allCases)
    func maintenance(_ implementation: StoreImplementation) async throws {
        let (store, lifetime) = try await implementation.make()
        defer { withExtendedLifetime(lifetime) {} }
        for id in 1...5 {
            for language in [Language.kk, .ru] {
                _ = try await store.save(Self.version(language, title: "T\(id)", hash: "\(id)\(language)"), for: ArticleKey(project: "p", govkzID: "\(id)"))
            }
        }
        var seen: [StoredVersion] = []
        var cursor: VersionCursor?
        while true {
            let batch = try await store.versions(after: cursor, limit: 3)
            guard let last = batch.last else { break }
            seen += batch
            cursor = last.cursor
        }
        #expect(seen.count == 10)
        #expect(Set(seen.map(\.cursor)).count == 10)
        #expect(seen.first?.version.originalHTML != nil)

        let target = seen[3]
        let flag = QualityFlag(.titleMismatch, "no word of the title appears in the body")
        try await store.updateCleaned(
            articleID: target.articleID, language: target.version.language, title: "Cleaner", bodyHTML: "<p>New</p>", flags: [flag])
        let article = try #require(try await store.article(id: target.articleID))
        let updated = try #require(article.versions[target.version.language])
        #expect(updated.title == "Cleaner")
        #expect(updated.bodyHTML == "<p>New</p>")
        #expect(updated.originalHTML == target.version.originalHTML)
        #expect(updated.contentHash == target.version.contentHash)
        #expect(try await store.history(articleID: target.articleID, language: target.version.language).isEmpty)
        let flagged = try await store.flaggedVersions(limit: 10)
        #expect(flagged.map(\.cursor) == [target.cursor])
        #expect(flagged.first?.version.flags == [flag])
    }

    @Test("topics are stored with articles and narrow listings by section, region and source", arguments: StoreImplementation.allCases)
    func topics(_ implementation: StoreImplementation) async throws {
        let (store, lifetime) = try await implementation.make()
        defer { withExtendedLifetime(lifetime) {} }
        let tax = ArticleTopics(
            section: .economics, secondary: [.law], sectionScore: 7, sectionReason: "publisher is a tax body (+4)",
            region: "zhetysu", place: nil, regionReason: "slug")
        let embassy = ArticleTopics(
            section: .world, secondary: [], sectionScore: 5, sectionReason: "embassy", region: "abroad", place: "London",
            regionReason: "embassy")
        _ = try await store.save(Self.version(.en, title: "Tax", hash: "1"), for: ArticleKey(project: "kgd-zhetysu", govkzID: "1"))
        _ = try await store.save(Self.version(.en, title: "Visit", hash: "2"), for: ArticleKey(project: "mfa-london", govkzID: "2"))
        let articles = try await store.latestArticles(limit: 10, offset: 0)
        let taxArticle = try #require(articles.first { $0.key.project == "kgd-zhetysu" })
        let embassyArticle = try #require(articles.first { $0.key.project == "mfa-london" })
        try await store.saveTopics(tax, articleID: taxArticle.id)
        try await store.saveTopics(embassy, articleID: embassyArticle.id)
        #expect(try await store.article(id: taxArticle.id)?.topics == tax)
        #expect(try await store.latestArticles(limit: 10, offset: 0, filter: .section(.economics)).map(\.key.project) == ["kgd-zhetysu"])
        #expect(try await store.latestArticles(limit: 10, offset: 0, filter: .region("abroad")).first?.topics?.place == "London")
        #expect(try await store.publishedArticleCount(filter: .source("mfa-london")) == 1)
        #expect(try await store.publishedArticleCount(filter: .section(.health)) == 0)
    }

    @Test("harvest state round-trips", arguments: StoreImplementation.allCases)
    func harvestState(_ implementation: StoreImplementation) async throws {
        let (store, lifetime) = try await implementation.make()
        defer { withExtendedLifetime(lifetime) {} }
        #expect(try await store.harvestState(source: "mod", language: .kk) == nil)
        let now = Date(timeIntervalSince1970: 1_766_000_000.125)
        let state = HarvestState(
            source: "mod", language: .kk, lastAttemptAt: now, lastSuccessAt: now, lastErrorAt: nil, lastError: nil,
            newestSeen: "2025-12-18T11:10:00", itemsStored: 7, consecutiveFailures: 0)
        try await store.record(state)
        var failed = state
        failed.lastError = "HTTP 503"
        failed.lastErrorAt = now
        failed.consecutiveFailures = 2
        try await store.record(failed)
        let read = try #require(try await store.harvestState(source: "mod", language: .kk))
        #expect(read == failed)
    }

    @Test("stories name their publishers; related links go both ways and lapse when the two join one story",
          arguments: StoreImplementation.allCases)
    func storiesAndRelated(_ implementation: StoreImplementation) async throws {
        let (store, lifetime) = try await implementation.make()
        defer { withExtendedLifetime(lifetime) {} }
        for (index, project) in ["kgd-zhetysu", "kgd-zhambyl", "mfa-london", "mod"].enumerated() {
            _ = try await store.save(Self.version(.en, hash: "h\(index)"), for: ArticleKey(project: project, govkzID: "\(index)"))
        }
        try await store.joinStory(articleID: 2, with: 1)
        try await store.joinStory(articleID: 3, with: 2)
        #expect(try await store.storyPublishers(storyIDs: [1]) == [1: ["kgd-zhetysu", "kgd-zhambyl", "mfa-london"]])
        #expect(try await store.storyPublishers(storyIDs: []) == [:])
        try await store.relate(4, to: [(id: 1, score: 0.4), (id: 4, score: 1)])
        #expect(try await store.relatedArticles(to: 4, limit: 5) == [1])
        #expect(try await store.relatedArticles(to: 1, limit: 5) == [4])
        try await store.joinStory(articleID: 4, with: 1)
        #expect(try await store.relatedArticles(to: 1, limit: 5) == [])
    }

    @Test("search finds other forms of Kazakh, Russian and English words, with filters and snippets",
          arguments: StoreImplementation.allCases)
    func search(_ implementation: StoreImplementation) async throws {
        let (store, lifetime) = try await implementation.make()
        defer { withExtendedLifetime(lifetime) {} }
        let texts: [(String, Language, String, String, String)] = [
            ("kgd-zhetysu", .kk, "Салықтарды уақытында төлеңіз", "<p>Жетісу облысының тұрғындары салықты 1 қазанға дейін төлеуі керек.</p>", "2025-09-20T10:00:00"),
            ("kgd-pavlodar", .ru, "О сроках уплаты налогов", "<p>Департамент напоминает: налоги на имущество платят до 1 октября.</p>", "2025-09-21T10:00:00"),
            ("mod", .ru, "Учения в горах", "<p>Военнослужащие провели учения; штраф за опоздание не назначался.</p>", "2025-09-22T10:00:00"),
            ("kgd-zhambyl", .en, "Key changes in tax reporting", "<p>Taxpayers &amp; their reports: the revocation service is cancelled.</p>", "2025-09-23T10:00:00"),
        ]
        for (index, text) in texts.enumerated() {
            _ = try await store.save(
                Self.version(text.1, title: text.2, body: text.3, hash: "s\(index)", published: text.4),
                for: ArticleKey(project: text.0, govkzID: "\(index)"))
        }
        try await store.saveTopics(
            ArticleTopics(section: .economics, secondary: [], sectionScore: 4, sectionReason: "test", region: "pavlodar",
                          place: nil, regionReason: "test"), articleID: 2)
        func ids(_ text: String, configure: (inout SearchRequest) -> Void = { _ in }) async throws -> [Int64] {
            var request = SearchRequest(query: try SearchQuery(text))
            configure(&request)
            return try await store.search(request, limit: 10, offset: 0).hits.map(\.articleID)
        }
        #expect(try await ids("салық") == [1])
        #expect(try await ids("салықтар") == [1])
        #expect(try await ids("налог") == [2])
        #expect(try await ids("налогов") == [2])
        #expect(try await ids("taxes") == [4])
        #expect(try await ids("report*") == [4])
        #expect(try await ids("\"revocation service\"") == [4])
        #expect(try await ids("\"service revocation\"") == [])
        #expect(try await ids("налог OR учения") == [3, 2])
        #expect(try await ids("учения NOT штраф") == [])
        #expect(try await ids("налог") { $0.region = "zhetysu" } == [])
        #expect(try await ids("налог") { $0.region = "pavlodar" } == [2])
        #expect(try await ids("налог") { $0.section = .economics } == [2])
        #expect(try await ids("налог OR учения") { $0.source = "mod" } == [3])
        #expect(try await ids("налог OR учения") { $0.fromDay = "2025-09-22" } == [3])
        #expect(try await ids("налог OR учения") { $0.toDay = "2025-09-21" } == [2])
        var request = SearchRequest(query: try SearchQuery("налогов"))
        request.snippetLanguage = .ru
        let found = try await store.search(request, limit: 10, offset: 0)
        #expect(found.total == 1)
        #expect(found.hits.first?.snippetHTML.contains("<mark>налоги</mark>") == true)
        request = SearchRequest(query: try SearchQuery("taxpayers"))
        request.snippetLanguage = .en
        #expect(try await store.search(request, limit: 10, offset: 0).hits.first?.snippetHTML.contains("&amp;") == true)

        // A changed text is found by its new words only; the index follows the versions table.
        _ = try await store.save(
            Self.version(.ru, title: "Учения на полигоне", body: "<p>Стрельбы прошли успешно.</p>", hash: "s9", published: texts[2].4),
            for: ArticleKey(project: "mod", govkzID: "2"))
        #expect(try await ids("стрельбы") == [3])
        #expect(try await ids("горах") == [])
        try await store.reindexSearch { _, _ in }
        #expect(try await ids("стрельба") == [3])
    }

    @Test("search filters follow reclassification and dates; copies count once; readers cannot match filter tokens",
          arguments: StoreImplementation.allCases)
    func searchFilters(_ implementation: StoreImplementation) async throws {
        let (store, lifetime) = try await implementation.make()
        defer { withExtendedLifetime(lifetime) {} }
        for (index, day) in ["2025-09-20", "2025-09-21", "2025-09-25"].enumerated() {
            _ = try await store.save(
                Self.version(.ru, title: "Налоговая отчётность \(index)", body: "<p>Сроки уплаты налогов.</p>", hash: "f\(index)",
                             published: day + "T10:00:00"),
                for: ArticleKey(project: "kgd-pavlodar", govkzID: "\(index)"))
        }
        func topics(_ section: Section, _ region: String) -> ArticleTopics {
            ArticleTopics(section: section, secondary: [], sectionScore: 3, sectionReason: "test", region: region, place: nil,
                          regionReason: "test")
        }
        try await store.saveTopics(topics(.economics, "pavlodar"), articleID: 1)
        func search(_ text: String, configure: (inout SearchRequest) -> Void = { _ in }) async throws -> ([Int64], Int) {
            var request = SearchRequest(query: try SearchQuery(text))
            configure(&request)
            let results = try await store.search(request, limit: 10, offset: 0)
            return (results.hits.map(\.articleID), results.total)
        }
        #expect(try await search("налог") { $0.section = .economics }.0 == [1])
        try await store.saveTopics(topics(.health, "astana"), articleID: 1)
        #expect(try await search("налог") { $0.section = .economics }.0 == [])
        #expect(try await search("налог") { $0.region = "pavlodar" }.0 == [])
        #expect(try await search("налог") { $0.section = .health; $0.region = "astana" }.0 == [1])
        #expect(try await search("налог") { $0.source = "kgd-pavlodar" }.0 == [3, 2, 1])
        #expect(try await search("налог") { $0.fromDay = "2025-09-21"; $0.toDay = "2025-09-21" }.0 == [2])
        #expect(try await search("налог") { $0.fromDay = "2024-01-01"; $0.toDay = "2024-12-31" } == ([], 0))
        #expect(try await search("налог") { $0.fromDay = "2025-09-22" }.0 == [3])
        // The filter tokens live in a column readers' words never reach.
        #expect(try await search(SearchFacets.source("kgd-pavlodar")) == ([], 0))
        // By relevance, a headline about the word outranks a passing mention in a newer, longer text.
        _ = try await store.save(
            Self.version(.ru, title: "Бюджет области на 2026 год", body: "<p>Бюджет принят. Бюджет вырос.</p>", hash: "b1",
                         published: "2025-08-01T10:00:00"),
            for: ArticleKey(project: "maslikhat", govkzID: "b1"))
        _ = try await store.save(
            Self.version(.ru, title: "Итоги недели", body: "<p>" + String(repeating: "Прошли встречи с жителями. ", count: 20)
                         + "Обсудили бюджет.</p>", hash: "b2", published: "2025-08-02T10:00:00"),
            for: ArticleKey(project: "maslikhat", govkzID: "b2"))
        #expect(try await search("бюджет").0 == [5, 4])
        #expect(try await search("бюджет") { $0.order = .relevance }.0 == [4, 5])
        // With less than a page of exact matches, words also match by their beginning, and the results say so.
        _ = try await store.save(
            Self.version(.ru, title: "Льготное кредитование фермеров", body: "<p>Программа кредитования продлена.</p>",
                         hash: "c1", published: "2025-08-03T10:00:00"),
            for: ArticleKey(project: "maslikhat", govkzID: "c1"))
        var request = SearchRequest(query: try SearchQuery("кредит"))
        var found = try await store.search(request, limit: 10, offset: 0)
        #expect(found.hits.map(\.articleID) == [6])
        #expect(found.widened)
        #expect(found.hits.first?.snippetHTML.contains("<mark>кредитования</mark>") == true)
        request = SearchRequest(query: try SearchQuery("\"кредит\""))
        found = try await store.search(request, limit: 10, offset: 0)
        #expect(found.hits.isEmpty && !found.widened)
        // A republished copy is shown and counted once, as its story.
        #expect(try await search("налог") == ([3, 2, 1], 3))
        try await store.joinStory(articleID: 2, with: 1)
        #expect(try await search("налог") == ([3, 1], 2))
    }
}
