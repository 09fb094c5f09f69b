import EnbekshiCore
import Foundation
import Store
import TestSupport
import Testing

extension NewsStoreContractTests {
    @Test("a batch is saved in order, with each outcome and article id; a copy joins its original's story",
          arguments: StoreImplementation.allCases)
    func batches(_ implementation: StoreImplementation) async throws {
        let (store, lifetime) = try await implementation.make()
        defer { withExtendedLifetime(lifetime) {} }
        let a = ArticleKey(project: "mod", govkzID: "1"), b = ArticleKey(project: "kgd-zhambyl", govkzID: "2")
        let saved = try await store.saveBatch([
            BulkArticle(key: a, version: Self.version(.ru, title: "Учения", hash: "1"), topics: nil),
            BulkArticle(key: a, version: Self.version(.kk, title: "Жаттығу", hash: "2"), requested: .ru, topics: nil),
            BulkArticle(key: b, version: Self.version(.ru, title: "Учения", hash: "3"), topics: nil, copyOf: a),
            BulkArticle(key: a, version: Self.version(.ru, title: "Учения", hash: "1"), topics: nil),
        ])
        #expect(saved.map(\.outcome) == [.inserted, .inserted, .inserted, .unchanged])
        let first = try #require(try await store.articleID(for: a)), second = try #require(try await store.articleID(for: b))
        #expect(saved.map(\.articleID) == [first, first, second, first])
        #expect(try await store.article(key: b)?.storyID == first)
        // The Kazakh text was sent for a Russian request: remembered under the request.
        #expect(try await store.storedHashes(project: "mod", language: .ru, govkzIDs: ["1"]) == ["1": "1"])
        #expect(try await store.saveBatch([]).isEmpty)
    }

    @Test("a batch prepared before the one written ahead of it is saved as of its write: outcomes, texts and search",
          arguments: StoreImplementation.allCases)
    func preparedAhead(_ implementation: StoreImplementation) async throws {
        let (store, lifetime) = try await implementation.make()
        defer { withExtendedLifetime(lifetime) {} }
        let a = ArticleKey(project: "mod", govkzID: "1")
        // As the ingest pipeline does: the second batch is prepared while the first is written.
        let first = await store.prepareSave([
            BulkArticle(key: a, version: Self.version(.ru, title: "Учения", body: "<p>Учения начались на полигоне.</p>", hash: "1"), topics: nil),
        ])
        let second = await store.prepareSave([
            BulkArticle(key: a, version: Self.version(.ru, title: "Учения", body: "<p>Учения закончились парадом.</p>", hash: "2"), topics: nil),
            BulkArticle(key: a, version: Self.version(.kk, title: "Жаттығу", body: "<p>Жаттығу аяқталды.</p>", hash: "3"), topics: nil),
        ])
        #expect(second.items.count == 2)
        #expect(try await store.saveBatch(first, fence: nil).map(\.outcome) == [.inserted])
        #expect(try await store.saveBatch(second, fence: nil).map(\.outcome) == [.updated, .inserted])
        let id = try #require(try await store.articleID(for: a))
        #expect(try await store.article(id: id)?.versions[.ru]?.bodyHTML.contains("парадом") == true)
        // The search documents prepared with the batch are the ones stored with its texts.
        #expect(try await store.search(SearchRequest(query: try SearchQuery("парадом")), limit: 5, offset: 0).hits.map(\.articleID) == [id])
        #expect(try await store.search(SearchRequest(query: try SearchQuery("полигоне")), limit: 5, offset: 0).hits.isEmpty)
        #expect(try await store.saveBatch(second, fence: nil).map(\.outcome) == [.unchanged, .unchanged])
    }

    @Test("a batch ends as saving its items in turn would: a text changed twice, a repeat, topics, a translation replaced",
          arguments: StoreImplementation.allCases)
    func batchInTurn(_ implementation: StoreImplementation) async throws {
        let (store, lifetime) = try await implementation.make()
        defer { withExtendedLifetime(lifetime) {} }
        let a = ArticleKey(project: "mod", govkzID: "1"), b = ArticleKey(project: "akimat-astana", govkzID: "2")
        _ = try await store.save(Self.version(.ru, title: "Учения", hash: "1", published: "2025-12-01T09:00:00.000Z"), for: a)
        let first = try #require(try await store.articleID(for: a))
        let translation = ArticleVersion(
            language: .en, title: "Drills", originalTitle: nil, bodyHTML: "<p>Machine text.</p>", originalHTML: nil, slug: nil,
            sourceURL: "https://www.gov.kz/x?lang=en", heropic: nil, createdRaw: nil, published: nil, fetchedAt: Date(),
            contentHash: "mt", rawJSON: nil,
            machineTranslation: MachineTranslation(engine: "test", model: nil, translatedAt: Date(), sourceLanguage: .ru))
        #expect(try await store.saveTranslation(translation, articleID: first))
        func topics(_ region: String) -> ArticleTopics {
            ArticleTopics(section: .economics, secondary: [], sectionScore: 1, sectionReason: "test", region: region, place: nil, regionReason: "test")
        }
        let saved = try await store.saveBatch([
            BulkArticle(key: a, version: Self.version(.ru, title: "Учения начались", hash: "2", published: "2025-12-02T09:00:00.000Z"), topics: nil),
            BulkArticle(key: b, version: Self.version(.kk, title: "Жиын", hash: "k1"), topics: topics("astana")),
            BulkArticle(key: a, version: Self.version(.ru, title: "Учения закончились", hash: "3", published: "2025-12-03T09:00:00.000Z"), topics: nil),
            BulkArticle(key: b, version: Self.version(.kk, title: "Жиын", hash: "k1"), topics: topics("almaty")),
            BulkArticle(key: a, version: Self.version(.en, title: "Drills ended", hash: "e1", published: nil), topics: nil),
        ])
        #expect(saved.map(\.outcome) == [.updated, .inserted, .updated, .unchanged, .inserted])
        let second = try #require(try await store.articleID(for: b))
        #expect(saved.map(\.articleID) == [first, second, first, second, first])
        let article = try #require(try await store.article(id: first))
        #expect(article.versions[.ru]?.title == "Учения закончились")
        #expect(article.published?.local == "2025-12-03T09:00:00")
        // gov.kz's own English replaced the machine's, which leaves no history behind.
        #expect(article.versions[.en]?.title == "Drills ended")
        #expect(article.versions[.en]?.machineTranslation == nil)
        #expect(try await store.history(articleID: first, language: .en).isEmpty)
        #expect(try await store.history(articleID: first, language: .ru).map(\.contentHash) == ["2", "1"])
        // The last topics the batch gave an article stand, even from an unchanged text.
        #expect(try await store.article(id: second)?.topics?.region == "almaty")
    }

    @Test("texts saved by a batch are owed their story links until those are stored; unchanged ones owe nothing",
          arguments: StoreImplementation.allCases)
    func pendingStoryTexts(_ implementation: StoreImplementation) async throws {
        let (store, lifetime) = try await implementation.make()
        defer { withExtendedLifetime(lifetime) {} }
        let a = ArticleKey(project: "mod", govkzID: "1"), b = ArticleKey(project: "kgd-zhambyl", govkzID: "2")
        var bulk = BulkArticle(key: b, version: Self.version(.kk, title: "Жаттығу", hash: "3"), topics: nil)
        bulk.owesStoryLinks = false
        let saved = try await store.saveBatch([
            BulkArticle(key: a, version: Self.version(.ru, title: "Учения", body: "<p>Учения прошли.</p>", hash: "1"), topics: nil), bulk,
        ])
        let pending = try await store.pendingStoryTexts(limit: 10)
        #expect(pending.map(\.articleID) == [saved[0].articleID])
        #expect(pending.first?.language == .ru)
        #expect(pending.first?.title == "Учения")
        #expect(pending.first?.bodyHTML == "<p>Учения прошли.</p>")
        #expect(pending.first?.day == "2025-12-18")
        // Saved again unchanged: still owed once, not twice.
        _ = try await store.saveBatch([BulkArticle(key: a, version: Self.version(.ru, title: "Учения", body: "<p>Учения прошли.</p>", hash: "1"), topics: nil)])
        #expect(try await store.pendingStoryTexts(limit: 10).count == 1)
        let fingerprint = StoredFingerprint(articleID: saved[0].articleID, day: "2025-12-18", signature: [], shingleCount: 0, tokens: "", topic: [])
        try await store.saveStoryLinks([StoryLinks(fingerprint: fingerprint, language: .ru, joins: nil, related: [])])
        #expect(try await store.pendingStoryTexts(limit: 10).isEmpty)
    }

    @Test("story links: fingerprints by language and day, joins and related links stored together",
          arguments: StoreImplementation.allCases)
    func storyLinks(_ implementation: StoreImplementation) async throws {
        let (store, lifetime) = try await implementation.make()
        defer { withExtendedLifetime(lifetime) {} }
        var ids: [Int64] = []
        for index in 0..<4 {
            let key = ArticleKey(project: "p\(index)", govkzID: "\(index)")
            _ = try await store.save(Self.version(.ru, title: "T\(index)", hash: "h\(index)"), for: key)
            ids.append(try #require(try await store.articleID(for: key)))
        }
        func fingerprint(_ index: Int, day: String) -> StoredFingerprint {
            StoredFingerprint(
                articleID: ids[index], day: day, signature: (0..<64).map { UInt64($0 * 7 + index) }, shingleCount: 40 + index,
                tokens: "2025\nастана", topic: index == 0 ? [] : (0..<64).map { UInt64($0) })
        }
        try await store.saveStoryLinks([
            StoryLinks(fingerprint: fingerprint(0, day: "2025-12-01"), language: .ru, joins: nil, related: []),
            StoryLinks(fingerprint: fingerprint(1, day: "2025-12-02"), language: .ru, joins: ids[0], related: []),
            StoryLinks(fingerprint: fingerprint(2, day: "2025-12-03"), language: .kk, joins: nil, related: [(ids[0], 0.3)]),
        ])
        let window = try await store.fingerprints(language: .ru, fromDay: "2025-11-28", toDay: "2025-12-04")
        #expect(window == [fingerprint(0, day: "2025-12-01"), fingerprint(1, day: "2025-12-02")])
        #expect(try await store.fingerprints(language: .ru, fromDay: "2025-12-02", toDay: "2025-12-05").map(\.articleID) == [ids[1]])
        #expect(try await store.fingerprints(language: .kk, fromDay: "2025-12-01", toDay: "2025-12-05").map(\.articleID) == [ids[2]])
        #expect(try await store.storyLeaders(of: [ids[0], ids[1], ids[2]]) == [ids[0]: ids[0], ids[1]: ids[0], ids[2]: ids[2]])
        #expect(try await store.relatedArticles(to: ids[0], limit: 5) == [ids[2]])
        #expect(try await store.relatedArticles(to: ids[2], limit: 5) == [ids[0]])

        // A text changed at the source: its fingerprint moves to its new day, replacing the old one.
        try await store.saveStoryLinks([StoryLinks(fingerprint: fingerprint(0, day: "2025-12-20"), language: .ru, joins: nil, related: [])])
        #expect(try await store.fingerprints(language: .ru, fromDay: "2025-11-28", toDay: "2025-12-04").map(\.articleID) == [ids[1]])
        #expect(try await store.fingerprints(language: .ru, fromDay: "2025-12-18", toDay: "2025-12-22").map(\.articleID) == [ids[0]])
    }
}

extension NewsStoreContractTests {
    @Test("search counts ten pages past the page asked for: page one says 200+, deeper pages count on",
          arguments: StoreImplementation.allCases)
    func countHorizon(_ implementation: StoreImplementation) async throws {
        let (store, lifetime) = try await implementation.make()
        defer { withExtendedLifetime(lifetime) {} }
        try await store.saveBatch((1...230).map { index in
            BulkArticle(
                key: ArticleKey(project: "kgd-pavlodar", govkzID: "\(index)"),
                version: Self.version(.ru, title: "Налоговая новость \(index)", body: "<p>Сроки уплаты налогов, выпуск \(index).</p>",
                                      hash: "n\(index)", published: "2025-09-20T10:00:00"),
                topics: nil)
        })
        let request = SearchRequest(query: try SearchQuery("налог"))
        let first = try await store.search(request, limit: 20, offset: 0)
        #expect(first.hits.map(\.articleID) == Array((211...230).reversed()))
        #expect(first.total == 200 && first.horizon == 200 && first.isCapped)
        let eleventh = try await store.search(request, limit: 20, offset: 200)
        #expect(eleventh.hits.map(\.articleID) == Array((11...30).reversed()))
        #expect(eleventh.total == 230 && !eleventh.isCapped)
    }
}
