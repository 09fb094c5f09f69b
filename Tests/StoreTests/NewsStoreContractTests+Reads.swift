import EnbekshiCore
import Foundation
import Store
import TestSupport
import Testing

extension NewsStoreContractTests {
    @Test("a batch read returns each known article in full, keyed by id, whatever the order or repeats",
          arguments: StoreImplementation.allCases)
    func batchRead(_ implementation: StoreImplementation) async throws {
        let (store, lifetime) = try await implementation.make()
        defer { withExtendedLifetime(lifetime) {} }
        var ids: [Int64] = []
        for index in 0..<3 {
            let key = ArticleKey(project: "mod", govkzID: "\(index)")
            _ = try await store.save(Self.version(.ru, title: "Заголовок \(index)", hash: "r\(index)"), for: key)
            _ = try await store.save(Self.version(.kk, title: "Тақырып \(index)", hash: "k\(index)"), for: key)
            ids.append(try #require(try await store.articleID(for: key)))
        }
        let read = try await store.articles(ids: [ids[2], 9_999_999, ids[0], ids[2]])
        #expect(Set(read.keys) == [ids[0], ids[2]])
        for id in [ids[0], ids[2]] {
            let one = try #require(try await store.article(id: id))
            let batch = try #require(read[id])
            #expect(batch.key == one.key)
            #expect(batch.versions.count == 2)
            for language in [Language.ru, .kk] {
                #expect(batch.versions[language]?.title == one.versions[language]?.title)
                #expect(batch.versions[language]?.originalHTML == one.versions[language]?.originalHTML)
                #expect(batch.versions[language]?.rawJSON == one.versions[language]?.rawJSON)
            }
        }
        #expect(try await store.articles(ids: []).isEmpty)
    }

    @Test("a batch read larger than any engine's parameter limit still returns every article",
          arguments: StoreImplementation.allCases)
    func largeBatchRead(_ implementation: StoreImplementation) async throws {
        let (store, lifetime) = try await implementation.make()
        defer { withExtendedLifetime(lifetime) {} }
        let saved = try await store.saveBatch((0..<1_200).map { index in
            BulkArticle(key: ArticleKey(project: "mod", govkzID: "\(index)"),
                        version: Self.version(.ru, title: "Новость \(index)", hash: "b\(index)"), topics: nil)
        })
        let read = try await store.articles(ids: saved.map(\.articleID))
        #expect(read.count == 1_200)
        #expect(read[saved[1_100].articleID]?.versions[.ru]?.title == "Новость 1100")
    }

    @Test("fingerprints are read over any span of days, oldest first", arguments: StoreImplementation.allCases)
    func fingerprintsOverLongSpans(_ implementation: StoreImplementation) async throws {
        let (store, lifetime) = try await implementation.make()
        defer { withExtendedLifetime(lifetime) {} }
        let days = ["2024-01-05", "2024-03-30", "2025-02-11", "2025-12-31"]
        var links: [StoryLinks] = []
        for (index, day) in days.enumerated() {
            let key = ArticleKey(project: "p", govkzID: "\(index)")
            _ = try await store.save(Self.version(.en, title: "T\(index)", hash: "f\(index)"), for: key)
            let id = try #require(try await store.articleID(for: key))
            let fingerprint = StoredFingerprint(articleID: id, day: day, signature: [UInt64(index)], shingleCount: 1, tokens: "", topic: [])
            links.append(StoryLinks(fingerprint: fingerprint, language: .en, joins: nil, related: []))
        }
        try await store.saveStoryLinks(links.reversed())
        #expect(try await store.fingerprints(language: .en, fromDay: "2024-01-01", toDay: "2025-12-31").map(\.day) == days)
        #expect(try await store.fingerprints(language: .en, fromDay: "2024-02-01", toDay: "2025-02-11").map(\.day) == [days[1], days[2]])
        #expect(try await store.fingerprints(language: .en, fromDay: "2026-01-01", toDay: "2026-12-31").isEmpty)
        #expect(try await store.fingerprints(language: .en, fromDay: "2025-12-31", toDay: "2024-01-01").isEmpty)
    }
}
