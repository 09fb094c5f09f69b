import EnbekshiCore
import Foundation
import Store
import TestSupport
import Testing

/// The review queue's lists beyond quality flags, on every engine: each shows what needs a person
/// and lets go of it once a person has decided.
@Suite("ReviewQueue contract")
struct ReviewQueueContractTests {
    static let at = Date(timeIntervalSince1970: 1_800_000_000)

    static func save(
        _ store: any NewsStore, _ project: String, _ id: String, body: String = "<p>Мәтін.</p>", hash: String? = nil,
        topics: ArticleTopics? = nil, published: String = "2025-12-18T12:41:00.000Z"
    ) async throws -> Int64 {
        let key = ArticleKey(project: project, govkzID: id)
        _ = try await store.save(
            NewsStoreContractTests.version(.kk, title: "Жаңалық \(id)", body: body, hash: hash ?? "h\(id)", published: published), for: key,
            requested: .kk, topics: topics)
        return try #require(try await store.articleID(for: key))
    }

    static func topics(sectionMargin: Double, regionMargin: Double) -> ArticleTopics {
        ArticleTopics(
            section: .economics, secondary: [], sectionScore: 2, sectionReason: "test", region: "abay", place: nil, regionReason: "test",
            sectionMargin: sectionMargin, regionMargin: regionMargin)
    }

    @Test("briefs and texts changed at the source are listed until approved, and again when the text changes", arguments: StoreImplementation.allCases)
    func versions(_ implementation: StoreImplementation) async throws {
        let (store, lifetime) = try await implementation.make()
        defer { withExtendedLifetime(lifetime) {} }
        let brief = try await Self.save(store, "kgd", "1", body: "", published: "2025-12-18T12:00:00.000Z")
        let changed = try await Self.save(store, "kgd", "2", hash: "first", published: "2025-12-17T12:00:00.000Z")
        let plain = try await Self.save(store, "kgd", "3")
        #expect(try await store.versionsToReview(.brief, limit: 10).map(\.articleID) == [brief])
        #expect(try await store.versionsToReview(.changedAtSource, limit: 10).isEmpty)
        _ = try await Self.save(store, "kgd", "2", body: "<p>Жаңа мәтін.</p>", hash: "second", published: "2025-12-17T12:00:00.000Z")
        let listed = try await store.versionsToReview(.changedAtSource, limit: 10)
        #expect(listed.map(\.articleID) == [changed])
        #expect(listed.first?.version.bodyHTML == "<p>Жаңа мәтін.</p>")

        #expect(try await store.approve(articleID: changed, language: .kk, actor: "ainur", at: Self.at))
        #expect(try await store.versionsToReview(.changedAtSource, limit: 10).isEmpty)
        _ = try await Self.save(store, "kgd", "2", body: "<p>Үшінші мәтін.</p>", hash: "third", published: "2025-12-17T12:00:00.000Z")
        #expect(try await store.versionsToReview(.changedAtSource, limit: 10).map(\.articleID) == [changed])

        // Hidden articles and machine translations are no one's work here.
        #expect(try await store.hide(articleID: brief, reason: "empty", actor: "ainur", at: Self.at))
        #expect(try await store.versionsToReview(.brief, limit: 10).isEmpty)
        var translation = NewsStoreContractTests.version(.en, title: "News", body: "", hash: "mt")
        translation.machineTranslation = MachineTranslation(engine: "fake", model: nil, translatedAt: Self.at, sourceLanguage: .kk)
        #expect(try await store.saveTranslation(translation, articleID: plain))
        #expect(try await store.versionsToReview(.brief, limit: 10).isEmpty)
    }

    @Test("uncertain sections and regions are listed unless corrected or approved; a new classification asks again", arguments: StoreImplementation.allCases)
    func topics(_ implementation: StoreImplementation) async throws {
        let (store, lifetime) = try await implementation.make()
        defer { withExtendedLifetime(lifetime) {} }
        let unsureSection = try await Self.save(store, "kgd", "1", topics: Self.topics(sectionMargin: 0.1, regionMargin: 1), published: "2025-12-18T12:00:00.000Z")
        let unsureRegion = try await Self.save(store, "kgd", "2", topics: Self.topics(sectionMargin: 0.9, regionMargin: 0.2), published: "2025-12-17T12:00:00.000Z")
        _ = try await Self.save(store, "kgd", "3", topics: Self.topics(sectionMargin: 0.9, regionMargin: 0.9))
        _ = try await Self.save(store, "kgd", "4")
        #expect(try await store.article(id: unsureSection)?.topics?.sectionMargin == 0.1)
        #expect(try await store.uncertainTopics(sectionMargin: 0.25, regionMargin: 0.5, limit: 10) == [unsureSection, unsureRegion])
        #expect(try await store.uncertainTopics(sectionMargin: 0.05, regionMargin: 0.1, limit: 10).isEmpty)
        #expect(try await store.uncertainTopics(sectionMargin: 0.25, regionMargin: 0.5, limit: 1) == [unsureSection])

        // A corrected section settles the section's doubt; approval settles both as they stand.
        #expect(try await store.correct(Correction(articleID: unsureSection, language: nil, field: .section, value: "law", actor: "ainur", reason: "r", at: Self.at)))
        #expect(try await store.approveTopics(articleID: unsureRegion, actor: "ainur", at: Self.at))
        #expect(try await store.approveTopics(articleID: 999_999, actor: "ainur", at: Self.at) == false)
        #expect(try await store.uncertainTopics(sectionMargin: 0.25, regionMargin: 0.5, limit: 10).isEmpty)
        var moved = Self.topics(sectionMargin: 0.9, regionMargin: 0.2)
        moved.region = "almaty"
        try await store.saveTopics(moved, articleID: unsureRegion)
        #expect(try await store.uncertainTopics(sectionMargin: 0.25, regionMargin: 0.5, limit: 10) == [unsureRegion])

        // The machines' moves are kept for the article's history; a corrected field's are the newsroom's.
        #expect(try await store.topicChanges(articleID: unsureRegion).map { [$0.field, $0.before, $0.after] } == [["region", "abay", "almaty"]])
        var refiled = moved
        refiled.section = .health
        refiled.region = "astana"
        try await store.saveTopics(refiled, articleID: unsureSection)
        #expect(try await store.topicChanges(articleID: unsureSection).map { [$0.field, $0.before, $0.after] } == [["region", "abay", "astana"]])
        #expect(try await store.article(id: unsureSection)?.topics?.section == .law)
    }

    @Test("near-duplicates: alike articles in different stories, until merged or kept apart", arguments: StoreImplementation.allCases)
    func nearDuplicates(_ implementation: StoreImplementation) async throws {
        let (store, lifetime) = try await implementation.make()
        defer { withExtendedLifetime(lifetime) {} }
        let ids = [
            try await Self.save(store, "kgd", "1", published: "2025-12-15T12:00:00.000Z"),
            try await Self.save(store, "kgd", "2", published: "2025-12-16T12:00:00.000Z"),
            try await Self.save(store, "kgd", "3", published: "2025-12-17T12:00:00.000Z"),
            try await Self.save(store, "kgd", "4", published: "2025-12-18T12:00:00.000Z"),
        ]
        func fingerprint(_ index: Int) -> StoredFingerprint {
            StoredFingerprint(articleID: ids[index], day: "2025-12-1\(5 + index)", signature: (0..<64).map { UInt64($0 * 7 + index) }, shingleCount: 40,
                tokens: "", topic: (0..<64).map { UInt64($0) })
        }
        try await store.saveStoryLinks([
            StoryLinks(fingerprint: fingerprint(0), language: .kk, joins: nil, related: []),
            StoryLinks(fingerprint: fingerprint(1), language: .kk, joins: nil, related: [(ids[0], 0.8)]),
            StoryLinks(fingerprint: fingerprint(2), language: .kk, joins: nil, related: [(ids[0], 0.3)]),
            StoryLinks(fingerprint: fingerprint(3), language: .kk, joins: nil, related: [(ids[2], 0.7)]),
        ])
        #expect(try await store.nearDuplicates(minimumScore: 0.6, limit: 10) == [
            NearDuplicate(articleID: ids[3], otherID: ids[2], score: 0.7), NearDuplicate(articleID: ids[1], otherID: ids[0], score: 0.8),
        ])
        #expect(try await store.markApart(ids[3], ids[2]))
        #expect(try await store.mergeStories(ids[1], into: ids[0]))
        #expect(try await store.nearDuplicates(minimumScore: 0.6, limit: 10).isEmpty)
        #expect(try await store.nearDuplicates(minimumScore: 0.2, limit: 10).map(\.articleID) == [ids[2]])
    }

    @Test("sources: new after the first seed, or unnamed with articles, until reviewed; corrections show over the catalog and outlive a new seed", arguments: StoreImplementation.allCases)
    func sources(_ implementation: StoreImplementation) async throws {
        let (store, lifetime) = try await implementation.make()
        defer { withExtendedLifetime(lifetime) {} }
        try await store.seed(sources: [
            Source(slug: "kgd", kind: .ministry, region: nil, names: [.en: "State Revenue Committee"]),
            Source(slug: "unnamed-body", kind: .other, region: nil), Source(slug: "quiet-body", kind: .other, region: nil), .newsroom,
        ])
        _ = try await Self.save(store, "unnamed-body", "1")
        #expect(try await store.sourcesToReview(limit: 10).map(\.slug) == ["unnamed-body"])
        #expect(try await store.approveSource(slug: "unnamed-body", actor: "aliya", at: Self.at))
        #expect(try await store.approveSource(slug: "no-such-body", actor: "aliya", at: Self.at) == false)
        #expect(try await store.sourcesToReview(limit: 10).isEmpty)

        let original = try #require(try await store.source(slug: "kgd"))
        #expect(original.parentSlug == nil)
        func correct(_ field: SourceCorrection.Field, _ value: String, slug: String = "kgd") async throws -> Bool {
            try await store.correctSource(SourceCorrection(slug: slug, field: field, value: value, actor: "aliya", reason: "official name", at: Self.at))
        }
        let generation = try await store.contentGeneration()
        #expect(try await correct(.nameKK, "Мемлекеттік кірістер комитеті"))
        #expect(try await correct(.nameEN, "State Revenue Committee of the Ministry of Finance"))
        #expect(try await correct(.kind, SourceKind.agency.rawValue))
        #expect(try await correct(.region, "astana"))
        #expect(try await correct(.parent, "minfin"))
        #expect(try await correct(.nameEN, "x", slug: "no-such-body") == false)
        // Public pages name sources: a correction changes the content.
        #expect(try await store.contentGeneration() > generation)
        // The catalog is seeded again at every start: the corrections stay over it.
        try await store.seed(sources: [Source(slug: "kgd", kind: .ministry, region: nil, names: [.en: "State Revenue Committee, renamed"])])
        let corrected = try #require(try await store.source(slug: "kgd"))
        #expect(corrected.names[.kk] == "Мемлекеттік кірістер комитеті")
        #expect(corrected.names[.en] == "State Revenue Committee of the Ministry of Finance")
        #expect(corrected.kind == .agency && corrected.region == "astana" && corrected.parentSlug == "minfin")
        #expect(try await store.sources(slugs: ["kgd"])["kgd"] == corrected)
        #expect(try await store.sources(enabledOnly: false).first { $0.slug == "kgd" } == corrected)
        let records = try await store.sourceCorrections(slug: "kgd")
        #expect(records.map(\.field) == [.kind, .nameEN, .nameKK, .parent, .region])
        #expect(records.first { $0.field == .nameEN }?.replaced == "State Revenue Committee")
        #expect(records.allSatisfy { $0.actor == "aliya" && $0.reason == "official name" && $0.at == Self.at })

        // No region and no parent are corrections too; removing one gives the field back to the catalog.
        #expect(try await correct(.region, ""))
        #expect(try await correct(.parent, ""))
        let none = try #require(try await store.source(slug: "kgd"))
        #expect(none.region == nil && none.parentSlug == nil)
        #expect(try await store.removeSourceCorrection(slug: "kgd", field: .nameEN))
        #expect(try await store.removeSourceCorrection(slug: "kgd", field: .nameEN) == false)
        #expect(try await store.source(slug: "kgd")?.names[.en] == "State Revenue Committee, renamed")
    }
}
