import EnbekshiCore
import Foundation
import Store
import TestSupport
import Testing

/// The newsroom's corrections, on every engine: shown everywhere, kept through every automatic write.
@Suite("ArticleCorrections contract")
struct ArticleCorrectionsContractTests {
    static func topics(_ section: Section, _ region: String) -> ArticleTopics {
        ArticleTopics(section: section, secondary: [], sectionScore: 3, sectionReason: "classifier", region: region, place: nil, regionReason: "classifier")
    }

    @Test("a corrected headline, section and region are read, listed and searched, survive a re-harvest, reclean and reclassification, and come undone on removal", arguments: StoreImplementation.allCases)
    func corrections(_ implementation: StoreImplementation) async throws {
        let (store, lifetime) = try await implementation.make()
        defer { withExtendedLifetime(lifetime) {} }
        let key = ArticleKey(project: "kgd-zhetysu", govkzID: "7")
        _ = try await store.save(
            NewsStoreContractTests.version(.ru, title: "Налоговая отчётность", body: "<p>Изменения в отчётности.</p>", hash: "one"), for: key,
            requested: .ru, topics: Self.topics(.economics, "zhetysu"))
        let id = try #require(try await store.articleID(for: key))
        let at = Date(timeIntervalSince1970: 1_800_000_000)
        func correct(_ field: Correction.Field, _ value: String, _ language: Language? = nil) async throws -> Bool {
            try await store.correct(Correction(articleID: id, language: language, field: field, value: value, actor: "ainur", reason: "wrong", at: at))
        }
        #expect(try await correct(.title, "Отмена услуги отзыва деклараций", .ru))
        #expect(try await correct(.section, Section.law.rawValue))
        #expect(try await correct(.region, "almaty"))
        #expect(try await correct(.title, "No English edition", .en) == false)
        #expect(try await store.correct(Correction(articleID: 999_999, language: nil, field: .section, value: "law", actor: "a", reason: "r", at: at)) == false)

        func check(_ title: String, _ section: Section, _ region: String, _ label: String) async throws {
            guard let article = try await store.article(id: id) else {
                Issue.record("article \(id) missing: \(label)")
                return
            }
            #expect(article.versions[.ru]?.title == title, "\(label)")
            #expect(article.topics?.section == section, "\(label)")
            #expect(article.topics?.region == region, "\(label)")
            #expect(try await store.latestArticles(limit: 5, offset: 0, filter: .section(section)).map(\.id) == [id], "\(label)")
            #expect(try await store.latestArticles(limit: 5, offset: 0, filter: .region(region)).map(\.id) == [id], "\(label)")
            let firstWord = String(title.split(separator: " ")[0])
            let hits = try await store.search(SearchRequest(query: try SearchQuery(firstWord)), limit: 5, offset: 0).hits.map(\.articleID)
            #expect(hits == [id], "\(label): \(firstWord)")
        }
        try await check("Отмена услуги отзыва деклараций", .law, "almaty", "corrected")
        let recorded = try await store.corrections(articleID: id)
        #expect(recorded.map(\.field) == [.region, .section, .title])
        #expect(recorded.first { $0.field == .title }?.replaced == "Налоговая отчётность")
        #expect(recorded.first { $0.field == .section }?.replaced == "economics")
        #expect(recorded.allSatisfy { $0.actor == "ainur" && abs($0.at.timeIntervalSince(at)) < 0.01 })

        // gov.kz changes the item; the classifier decides again; the text is cleaned again.
        _ = try await store.save(
            NewsStoreContractTests.version(.ru, title: "Налоговая отчётность: дополнение", body: "<p>Новые сроки.</p>", hash: "two"), for: key,
            requested: .ru, topics: Self.topics(.economics, "zhetysu"))
        try await check("Отмена услуги отзыва деклараций", .law, "almaty", "re-harvested")
        // The same text again with a new classification: only the topics are written, and corrected.
        #expect(
            try await store.save(
                NewsStoreContractTests.version(.ru, title: "Налоговая отчётность: дополнение", body: "<p>Новые сроки.</p>", hash: "two"),
                for: key, requested: .ru, topics: Self.topics(.health, "abai")) == .unchanged)
        try await check("Отмена услуги отзыва деклараций", .law, "almaty", "re-classified, text unchanged")
        try await store.saveTopics(Self.topics(.society, "abai"), articleID: id)
        try await store.updateCleaned(articleID: id, language: .ru, title: "Отчётность уточнена", bodyHTML: "<p>Новые сроки.</p>", flags: [])
        try await check("Отмена услуги отзыва деклараций", .law, "almaty", "reclassified and recleaned")
        let latest = try await store.corrections(articleID: id)
        #expect(latest.first { $0.field == .title }?.replaced == "Отчётность уточнена")
        #expect(latest.first { $0.field == .section }?.replaced == "society")

        let removed = try await store.removeCorrection(articleID: id, language: .ru, field: .title)
        #expect(removed?.value == "Отмена услуги отзыва деклараций")
        #expect(try await store.removeCorrection(articleID: id, language: .ru, field: .title) == nil)
        try await store.removeCorrection(articleID: id, language: nil, field: .section)
        try await store.removeCorrection(articleID: id, language: nil, field: .region)
        try await check("Отчётность уточнена", .society, "abai", "restored")
        #expect(try await store.corrections(articleID: id).isEmpty)
    }
}
