import EnbekshiCore
import Foundation
import Store
import TestSupport
import Testing

/// Hiding articles, on every engine: what leaves the public reads, and what survives later saves.
@Suite("ArticleModeration contract")
struct ArticleModerationContractTests {
    static func save(_ store: any NewsStore, _ id: String, title: String, body: String = "<p>Салық туралы жаңалық.</p>", hash: String? = nil)
        async throws -> Int64
    {
        let key = ArticleKey(project: "kgd-zhetysu", govkzID: id)
        _ = try await store.save(NewsStoreContractTests.version(.kk, title: title, body: body, hash: hash ?? "h\(id)"), for: key)
        return try #require(try await store.articleID(for: key))
    }

    @Test("a hidden article leaves listings, counts, search, the sitemap, related and story reads, and stays hidden through new saves and re-cleaning", arguments: StoreImplementation.allCases)
    func hidden(_ implementation: StoreImplementation) async throws {
        let (store, lifetime) = try await implementation.make()
        defer { withExtendedLifetime(lifetime) {} }
        let kept = try await Self.save(store, "1", title: "Салық есебі")
        let gone = try await Self.save(store, "2", title: "Салық жеңілдігі")
        try await store.relate(kept, to: [(id: gone, score: 0.5)])
        #expect(try await store.relatedArticles(to: kept, limit: 5) == [gone])
        let search = SearchRequest(query: try SearchQuery("салық"))
        #expect(Set(try await store.search(search, limit: 10, offset: 0).hits.map(\.articleID)) == [kept, gone])

        let at = Date(timeIntervalSince1970: 1_800_000_000)
        #expect(try await store.hide(articleID: gone, reason: "Published in error", actor: "ainur", at: at))
        #expect(try await store.hide(articleID: gone, reason: "again", actor: "ainur", at: at) == false)
        #expect(try await store.hide(articleID: 999_999, reason: "none", actor: "ainur", at: at) == false)
        let note = try #require(try await store.hiddenArticle(id: gone))
        #expect(note.reason == "Published in error" && note.actor == "ainur" && abs(note.at.timeIntervalSince(at)) < 0.01)
        #expect(try await store.hiddenArticle(id: kept) == nil)
        #expect(try await store.hiddenArticles(limit: 10).map(\.articleID) == [gone])

        func visible() async throws -> [Int64] { try await store.latestArticles(limit: 10, offset: 0).map(\.id) }
        #expect(try await visible() == [kept])
        #expect(try await store.publishedArticleCount() == 1)
        #expect(try await store.search(search, limit: 10, offset: 0).hits.map(\.articleID) == [kept])
        #expect(try await store.sitemapEntries(month: "2025-12").count == 1)
        #expect(try await store.relatedArticles(to: kept, limit: 5).isEmpty)
        // Still stored, for the newsroom.
        #expect(try await store.article(id: gone) != nil)

        // gov.kz sends it again, changed, and it is cleaned again: still hidden.
        _ = try await Self.save(store, "2", title: "Салық жеңілдігі (жаңартылды)", hash: "changed")
        try await store.updateCleaned(articleID: gone, language: .kk, title: "Салық жеңілдігі", bodyHTML: "<p>Жаңа.</p>", flags: [])
        #expect(try await visible() == [kept])
        #expect(try await store.hiddenArticle(id: gone) != nil)

        #expect(try await store.unhide(articleID: gone))
        #expect(try await store.unhide(articleID: gone) == false)
        #expect(Set(try await visible()) == [kept, gone])
        #expect(try await store.relatedArticles(to: kept, limit: 5) == [gone])
    }

    @Test("hiding the copy that leads a story hands the lead to the next copy; the hidden one leaves the story's members", arguments: StoreImplementation.allCases)
    func storyLead(_ implementation: StoreImplementation) async throws {
        let (store, lifetime) = try await implementation.make()
        defer { withExtendedLifetime(lifetime) {} }
        let first = try await Self.save(store, "10", title: "Бір оқиға")
        let second = try await Self.save(store, "11", title: "Бір оқиға, екінші көшірме")
        try await store.joinStory(articleID: second, with: first)
        #expect(try await store.latestArticles(limit: 10, offset: 0).map(\.id) == [first])
        #expect(try await store.storyMembers(storyID: first).map(\.id) == [first, second])

        try await store.hide(articleID: first, reason: "duplicate of an error", actor: "ainur", at: Date())
        #expect(try await store.latestArticles(limit: 10, offset: 0).map(\.id) == [second])
        #expect(try await store.storyMembers(storyID: second).map(\.id) == [second])
        #expect(try await store.article(id: first)?.storyID == second)
    }

    @Test("an approved version leaves the review queue until its text changes at the source", arguments: StoreImplementation.allCases)
    func approval(_ implementation: StoreImplementation) async throws {
        let (store, lifetime) = try await implementation.make()
        defer { withExtendedLifetime(lifetime) {} }
        func flagged(_ title: String, hash: String) -> ArticleVersion {
            var version = NewsStoreContractTests.version(.en, title: title, hash: hash)
            version.flags = [QualityFlag(.cyrillicInEnglish, "юбилей")]
            return version
        }
        let key = ArticleKey(project: "kgd-zhetysu", govkzID: "30")
        _ = try await store.save(flagged("A jubilee", hash: "one"), for: key)
        _ = try await store.save(flagged("Another", hash: "other"), for: ArticleKey(project: "kgd-zhetysu", govkzID: "31"))
        let id = try #require(try await store.articleID(for: key))
        #expect(try await store.flaggedVersions(limit: 10).count == 2)
        #expect(try await store.approve(articleID: id, language: .en, actor: "ainur", at: Date()))
        #expect(try await store.approve(articleID: id, language: .kk, actor: "ainur", at: Date()) == false)
        #expect(try await store.flaggedVersions(limit: 10).map(\.articleID).contains(id) == false)
        #expect(try await store.flaggedVersions(limit: 10).count == 1)
        _ = try await store.save(flagged("A jubilee, changed", hash: "two"), for: key)
        #expect(try await store.flaggedVersions(limit: 10).map(\.articleID).contains(id))
    }

    @Test("only a hidden article is deleted for good: gone from every read, its copies and records with it", arguments: StoreImplementation.allCases)
    func deleteForGood(_ implementation: StoreImplementation) async throws {
        let (store, lifetime) = try await implementation.make()
        defer { withExtendedLifetime(lifetime) {} }
        let kept = try await Self.save(store, "1", title: "Салық есебі")
        let gone = try await Self.save(store, "2", title: "Салық жеңілдігі")
        try await store.joinStory(articleID: kept, with: gone)
        try await store.relate(kept, to: [(id: gone, score: 0.5)])
        let at = Date(timeIntervalSince1970: 1_800_000_000)
        #expect(try await store.correct(Correction(articleID: gone, language: nil, field: .section, value: "law", actor: "a", reason: "r", at: at)))
        #expect(try await store.deleteForGood(articleID: gone) == false, "not hidden")
        #expect(try await store.hide(articleID: gone, reason: "Published in error", actor: "ainur", at: at))
        #expect(try await store.deleteForGood(articleID: gone))
        #expect(try await store.deleteForGood(articleID: gone) == false)
        #expect(try await store.article(id: gone) == nil)
        #expect(try await store.hiddenArticles(limit: 10).isEmpty)
        #expect(try await store.corrections(articleID: gone).isEmpty)
        #expect(try await store.relatedArticles(to: kept, limit: 5).isEmpty)
        #expect(try await store.article(id: kept)?.storyID == kept)
        #expect(try await store.storyMembers(storyID: kept).map(\.id) == [kept])
        let hits = try await store.search(SearchRequest(query: try SearchQuery("салық")), limit: 10, offset: 0).hits.map(\.articleID)
        #expect(hits == [kept])
        // gov.kz's unchanged item does not bring it back.
        #expect(try await store.storedHashes(of: [FetchKey(project: "kgd-zhetysu", language: .kk, govkzID: "2")]).isEmpty == false)
    }
}
