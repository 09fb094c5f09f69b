import EnbekshiCore
import Foundation
import Store
import TestSupport
import Testing

/// The newsroom's story decisions, on every engine.
@Suite("StoryEditing contract")
struct StoryEditingContractTests {
    static func save(_ store: any NewsStore, _ project: String, _ id: String) async throws -> Int64 {
        let key = ArticleKey(project: project, govkzID: id)
        _ = try await store.save(NewsStoreContractTests.version(.kk, title: "Жаңалық \(id)", body: "<p>Мәтін \(id).</p>", hash: "h\(id)"), for: key)
        return try #require(try await store.articleID(for: key))
    }

    static func leaders(_ store: any NewsStore, _ ids: [Int64]) async throws -> [Int64] {
        let found = try await store.storyLeaders(of: ids)
        return ids.map { found[$0] ?? $0 }
    }

    @Test("merge, lead, split and keep apart: stories change as told and the decisions are recorded", arguments: StoreImplementation.allCases)
    func decisions(_ implementation: StoreImplementation) async throws {
        let (store, lifetime) = try await implementation.make()
        defer { withExtendedLifetime(lifetime) {} }
        let a = try await Self.save(store, "kgd-zhetysu", "1")
        let b = try await Self.save(store, "kgd-abay", "2")
        let c = try await Self.save(store, "ardfm", "3")
        let d = try await Self.save(store, "ardfm", "4")
        try await store.joinStory(articleID: b, with: a)
        #expect(try await Self.leaders(store, [a, b, c, d]) == [a, a, c, d])
        #expect(try await store.storyDecisions(of: [a, b, c]).isEmpty)

        // c's story (just c) joins a's; a still leads; all three are placed.
        #expect(try await store.mergeStories(c, into: b))
        #expect(try await store.mergeStories(c, into: a) == false)
        #expect(try await store.mergeStories(999_999, into: a) == false)
        #expect(try await Self.leaders(store, [a, b, c]) == [a, a, a])
        #expect(try await store.storyMembers(storyID: a).map(\.id) == [a, b, c])
        #expect(try await store.storyDecisions(of: [a, b, c]).values.allSatisfy(\.placed))

        #expect(try await store.leadStory(b))
        #expect(try await store.leadStory(b) == false)
        #expect(try await store.leadStory(d) == false)
        #expect(try await Self.leaders(store, [a, b, c]) == [b, b, b])
        #expect(try await store.latestArticles(limit: 10, offset: 0).map(\.id).contains(b))
        #expect(try await store.latestArticles(limit: 10, offset: 0).map(\.id).contains(a) == false)

        // The lead leaves: the next copy leads; the one who left is kept apart from both.
        #expect(try await store.splitFromStory(b))
        #expect(try await Self.leaders(store, [a, b, c]) == [a, b, a])
        let afterSplit = try await store.storyDecisions(of: [a, b, c])
        #expect(afterSplit[b]?.apart == [a, c] && afterSplit[b]?.placed == false)
        #expect(afterSplit[a]?.apart == [b] && afterSplit[c]?.apart == [b])
        #expect(try await store.splitFromStory(d) == false)

        // Apart within a story: the other leaves it; a story of one is no story.
        #expect(try await store.markApart(a, c))
        #expect(try await store.storyLeaders(of: [a, c]).values.allSatisfy { $0 == a || $0 == c })
        #expect(try await store.article(id: a)?.storyID == nil)
        #expect(try await store.article(id: c)?.storyID == nil)
        #expect(try await store.storyDecisions(of: [c])[c]?.apart == [a, b])
        #expect(try await store.markApart(a, a) == false)
        #expect(try await store.markApart(a, 999_999) == false)

        // Merging again lifts the apart decisions between the copies now together.
        #expect(try await store.mergeStories(c, into: a))
        let merged = try await store.storyDecisions(of: [a, c])
        #expect(merged[a]?.apart.contains(c) == false && merged[c]?.apart.contains(a) == false)
        #expect(merged[a]?.apart.contains(b) == true)
    }
}
