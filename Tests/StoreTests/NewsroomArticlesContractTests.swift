import EnbekshiCore
import Foundation
import Store
import TestSupport
import Testing

/// The newsroom's own articles, on every engine: stored as typed, listed by state, and moved
/// between states only from where they are.
@Suite("NewsroomArticles contract")
struct NewsroomArticlesContractTests {
    static let at = Date(timeIntervalSince1970: 1_800_000_000)

    static func draft(_ title: String, at: Date = at) -> NewsroomArticle {
        NewsroomArticle(
            editions: [.kk: .init(title: title, lead: "Қысқаша.", body: "Бірінші абзац.\n\nЕкінші абзац.")], section: .sport, region: "KZ-ALA",
            byline: "Айгүл Серікқызы", sourceLink: "https://example.kz/a?b=1&c=2", author: "aigul", createdAt: at, updatedAt: at)
    }

    @Test("an article is stored as typed and updated in place, state and author untouched", arguments: StoreImplementation.allCases)
    func storedAsTyped(_ implementation: StoreImplementation) async throws {
        let (store, lifetime) = try await implementation.make()
        defer { withExtendedLifetime(lifetime) {} }
        let id = try await store.addNewsroomArticle(Self.draft("Алматыда марафон"))
        var stored = try #require(try await store.newsroomArticle(id: id))
        #expect(stored.id == id && stored.status == .draft && stored.author == "aigul" && stored.articleID == nil)
        #expect(stored.editions == Self.draft("Алматыда марафон").editions)
        #expect(stored.section == .sport && stored.region == "KZ-ALA" && stored.byline == "Айгүл Серікқызы")
        #expect(stored.sourceLink == "https://example.kz/a?b=1&c=2" && stored.publishAt == nil)
        #expect(abs(stored.createdAt.timeIntervalSince(Self.at)) < 0.01)

        stored.editions[.ru] = .init(title: "Марафон в Алматы", lead: "", body: "<p>Текст</p>")
        stored.section = nil
        stored.region = nil
        stored.sourceLink = nil
        stored.status = .published
        stored.author = "someone else"
        stored.updatedAt = Self.at.addingTimeInterval(60)
        #expect(try await store.updateNewsroomArticle(stored))
        let updated = try #require(try await store.newsroomArticle(id: id))
        #expect(updated.writtenLanguages == [.kk, .ru] && updated.editions[.ru]?.body == "<p>Текст</p>")
        #expect(updated.section == nil && updated.region == nil && updated.sourceLink == nil)
        #expect(updated.status == .draft && updated.author == "aigul")
        #expect(abs(updated.updatedAt.timeIntervalSince(Self.at.addingTimeInterval(60))) < 0.01)
        var missing = updated
        missing.id = 999_999
        #expect(try await store.updateNewsroomArticle(missing) == false)
        #expect(try await store.newsroomArticle(id: 999_999) == nil)
    }

    @Test("moves happen only from the states named; due articles are the scheduled ones whose time has come", arguments: StoreImplementation.allCases)
    func moves(_ implementation: StoreImplementation) async throws {
        let (store, lifetime) = try await implementation.make()
        defer { withExtendedLifetime(lifetime) {} }
        let first = try await store.addNewsroomArticle(Self.draft("Бірінші"))
        let second = try await store.addNewsroomArticle(Self.draft("Екінші", at: Self.at.addingTimeInterval(10)))
        #expect(try await store.newsroomArticles(status: nil, limit: 10).map(\.id) == [second, first])

        #expect(try await store.moveNewsroomArticle(id: first, from: [.submitted], to: .published, publishAt: nil, articleID: nil, at: Self.at) == false)
        #expect(try await store.moveNewsroomArticle(id: first, from: [.draft], to: .submitted, publishAt: nil, articleID: nil, at: Self.at))
        #expect(try await store.newsroomArticles(status: .submitted, limit: 10).map(\.id) == [first])
        #expect(try await store.newsroomArticles(status: .draft, limit: 10).map(\.id) == [second])

        let soon = Self.at.addingTimeInterval(3600)
        #expect(try await store.moveNewsroomArticle(id: first, from: [.draft, .submitted], to: .scheduled, publishAt: soon, articleID: nil, at: Self.at))
        #expect(try await store.dueNewsroomArticles(now: Self.at, limit: 10).isEmpty)
        #expect(try await store.dueNewsroomArticles(now: soon, limit: 10).map(\.id) == [first])

        // Only one of two nodes publishing at once moves it.
        async let one = store.moveNewsroomArticle(id: first, from: [.scheduled], to: .published, publishAt: nil, articleID: nil, at: soon)
        async let two = store.moveNewsroomArticle(id: first, from: [.scheduled], to: .published, publishAt: nil, articleID: nil, at: soon)
        let moved = try await [one, two]
        #expect(moved.filter { $0 }.count == 1)
        let published = try #require(try await store.newsroomArticle(id: first))
        #expect(published.status == .published && abs((published.publishAt ?? .distantPast).timeIntervalSince(soon)) < 0.01)
        #expect(try await store.dueNewsroomArticles(now: soon, limit: 10).isEmpty)
    }

    @Test("a published article is found by its public article", arguments: StoreImplementation.allCases)
    func byPublicArticle(_ implementation: StoreImplementation) async throws {
        let (store, lifetime) = try await implementation.make()
        defer { withExtendedLifetime(lifetime) {} }
        try await store.seed(sources: [.newsroom])
        let id = try await store.addNewsroomArticle(Self.draft("Жарияланған"))
        let key = ArticleKey(project: Source.newsroomSlug, govkzID: String(id))
        _ = try await store.save(NewsStoreContractTests.version(.kk, title: "Жарияланған", body: "<p>Мәтін.</p>", hash: "n\(id)"), for: key)
        let articleID = try #require(try await store.articleID(for: key))
        #expect(try await store.newsroomArticle(articleID: articleID) == nil)
        #expect(try await store.moveNewsroomArticle(id: id, from: [.draft], to: .published, publishAt: Self.at, articleID: articleID, at: Self.at))
        #expect(try await store.newsroomArticle(articleID: articleID)?.id == id)
        #expect(try await store.source(slug: Source.newsroomSlug)?.kind == .newsroom)
        #expect(try await store.source(slug: Source.newsroomSlug)?.isHarvested == false)
    }
}
