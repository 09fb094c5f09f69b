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

    @Test("a corrected text is read and searched, survives a re-harvest, reclean and a new machine translation, and comes undone on removal", arguments: StoreImplementation.allCases)
    func texts(_ implementation: StoreImplementation) async throws {
        let (store, lifetime) = try await implementation.make()
        defer { withExtendedLifetime(lifetime) {} }
        let key = ArticleKey(project: "kgd-zhetysu", govkzID: "8")
        // Long enough for SQLite to keep it deflated: the correction must compare it as text.
        let machines = "<p>" + String(repeating: "Изменения в налоговой отчётности вступают в силу. ", count: 6) + "</p>"
        _ = try await store.save(NewsStoreContractTests.version(.ru, title: "Налоговая отчётность", body: machines, hash: "one"), for: key)
        let id = try #require(try await store.articleID(for: key))
        var english = NewsStoreContractTests.version(.en, title: "[en] Tax reporting", body: "<p>[en] Machine words tax.</p>", hash: "mt")
        english.machineTranslation = MachineTranslation(engine: "libretranslate", model: nil, translatedAt: Date(), sourceLanguage: .ru)
        #expect(try await store.saveTranslation(english, articleID: id))
        let at = Date(timeIntervalSince1970: 1_800_000_000)
        let corrected = "<p>Отменена услуга отзыва деклараций, сообщает ведомство.</p>"
        let edited = "<p>Tax reporting changes, edited by a person.</p>"
        #expect(try await store.correct(Correction(articleID: id, language: .ru, field: .body, value: corrected, actor: "ainur", reason: "typo", at: at)))
        #expect(try await store.correct(Correction(articleID: id, language: .en, field: .body, value: edited, actor: "ainur", reason: "awkward", at: at)))
        #expect(try await store.correct(Correction(articleID: id, language: .kk, field: .body, value: "<p>x</p>", actor: "a", reason: "r", at: at)) == false)

        func check(_ label: String) async throws {
            guard let article = try await store.article(id: id) else {
                Issue.record("article \(id) missing: \(label)")
                return
            }
            #expect(article.versions[.ru]?.bodyHTML == corrected, "\(label)")
            #expect(article.versions[.en]?.bodyHTML == edited, "\(label)")
            #expect(article.versions[.en]?.machineTranslation != nil, "\(label)")
            let found = try await store.search(SearchRequest(query: try SearchQuery("деклараций")), limit: 5, offset: 0).hits.map(\.articleID)
            #expect(found == [id], "\(label)")
            let person = try await store.search(SearchRequest(query: try SearchQuery("person")), limit: 5, offset: 0).hits.map(\.articleID)
            #expect(person == [id], "\(label)")
        }
        try await check("corrected")
        #expect(try await store.corrections(articleID: id).first { $0.language == .ru }?.replaced == machines)

        _ = try await store.save(
            NewsStoreContractTests.version(.ru, title: "Налоговая отчётность", body: "<p>Новые сроки отчётности.</p>", hash: "two"), for: key)
        try await store.updateCleaned(articleID: id, language: .ru, title: "Налоговая отчётность", bodyHTML: "<p>Новые сроки отчётности!</p>", flags: [])
        english.bodyHTML = "<p>[en] Machine words again.</p>"
        _ = try await store.saveTranslation(english, articleID: id)
        try await check("re-harvested, recleaned, translated again")
        let latest = try await store.corrections(articleID: id)
        #expect(latest.first { $0.language == .ru }?.replaced == "<p>Новые сроки отчётности!</p>")
        #expect(latest.first { $0.language == .en }?.replaced == "<p>[en] Machine words again.</p>")

        #expect(try await store.removeCorrection(articleID: id, language: .ru, field: .body)?.value == corrected)
        #expect(try await store.article(id: id)?.versions[.ru]?.bodyHTML == "<p>Новые сроки отчётности!</p>")
        #expect(try await store.search(SearchRequest(query: try SearchQuery("деклараций")), limit: 5, offset: 0).hits.isEmpty)
    }
}
