import EnbekshiCore
import Foundation
import Store
import TestSupport
import Testing

/// Views of article pages on every engine: batches from several web nodes add up per article and
/// day; "most read" sums a span of days, in a section or all, listed articles only.
@Suite("Readership contract")
struct ReadershipContractTests {
    @Test("views add up per article and day; most read sums from a day on, by section; totals per article",
          arguments: StoreImplementation.allCases)
    func views(_ implementation: StoreImplementation) async throws {
        let (store, lifetime) = try await implementation.make()
        defer { withExtendedLifetime(lifetime) {} }
        let ids = try await NewsStoreContractTests.saveArticles(store, [
            ("mod", "1", "2025-12-10T09:00:00", nil),
            ("mfa", "2", "2025-12-11T09:00:00", nil),
            ("kgd-almaty", "3", "2025-12-12T09:00:00", nil),
        ])
        try await store.saveTopics(
            ArticleTopics(section: .world, secondary: [], sectionScore: 5, sectionReason: "embassy", region: "abroad", place: nil, regionReason: "slug"),
            articleID: ids[1])
        let monday: Day = "2025-12-15", tuesday: Day = "2025-12-16"
        #expect(try await store.mostRead(since: monday, section: nil, limit: 10).isEmpty)
        // Two nodes' batches for the same days add up; an unknown article is dropped, not an error.
        try await store.addViews([
            ArticleViews(articleID: ids[0], day: monday, views: 5), ArticleViews(articleID: ids[1], day: monday, views: 2),
            ArticleViews(articleID: 999_999, day: monday, views: 7),
        ])
        try await store.addViews([
            ArticleViews(articleID: ids[1], day: tuesday, views: 4), ArticleViews(articleID: ids[0], day: tuesday, views: 1),
            ArticleViews(articleID: ids[2], day: tuesday, views: 1),
        ])
        let week = try await store.mostRead(since: monday, section: nil, limit: 10)
        #expect(week.map(\.articleID) == [ids[1], ids[0], ids[2]])
        #expect(week.map(\.views) == [6, 6, 1], "ties go to the newer article")
        #expect(try await store.mostRead(since: tuesday, section: nil, limit: 2).map(\.articleID) == [ids[1], ids[2]])
        #expect(try await store.mostRead(since: monday, section: .world, limit: 10).map(\.articleID) == [ids[1]])
        #expect(try await store.mostRead(since: tuesday.adding(days: 1), section: nil, limit: 10).isEmpty)
        let totals = try await store.totalViews(articleIDs: ids + [ids[0], 123_456])
        #expect(totals == [ids[0]: 6, ids[1]: 6, ids[2]: 1])
        // A hidden article is no longer listed, so no longer among the most read.
        try await store.hide(articleID: ids[1], reason: "published in error", actor: "editor", at: Date())
        #expect(try await store.mostRead(since: monday, section: nil, limit: 10).map(\.articleID) == [ids[0], ids[2]])
    }
}
