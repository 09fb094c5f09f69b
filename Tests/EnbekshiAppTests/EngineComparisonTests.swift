import EnbekshiCore
import Foundation
@testable import Store
import TestSupport
import Testing

/// The same recorded answers ingested by the same command into SQLite and into PostgreSQL must
/// give the same site: the same articles with the same versions, sections, regions and stories,
/// the same listings, archive days, sitemaps, top stories and search results.
@Suite("SQLite and PostgreSQL, fed the same, show the same", .enabled(if: !TemporaryPostgres.isOff, "ENBEKSHI_TEST_POSTGRES=off"))
struct EngineComparisonTests {
    /// What a reader can see of an article, with ids replaced by gov.kz keys (engines number alike
    /// today, but nothing promises it).
    struct Shown: Hashable {
        var key: ArticleKey
        var published: String?
        var versions: [String]
        var section: String?
        var region: String?
        var story: ArticleKey?
    }

    static func shown(_ articles: [Article], store: any NewsStore) async throws -> [Shown] {
        let leaders = try await store.articles(ids: articles.compactMap(\.storyID))
        return articles.map { article in
            Shown(
                key: article.key, published: article.published?.local,
                versions: article.versions.values.sorted { $0.language.rawValue < $1.language.rawValue }.map {
                    [$0.language.rawValue, $0.title, $0.bodyHTML, $0.contentHash, QualityFlag.encode($0.flags), $0.originalTitle ?? ""]
                        .joined(separator: "|")
                },
                section: article.topics?.section.rawValue, region: article.topics?.region,
                story: article.storyID.flatMap { leaders[$0]?.key })
        }
    }

    @Test("the bundled demo corpus, ingested into both engines, reads back the same through every role")
    func sameSite() async throws {
        let names = try FileManager.default.contentsOfDirectory(atPath: DemoItems.directory.path).filter { $0.hasSuffix(".json") }.sorted()
        func path(_ name: String) -> String { DemoItems.directory.appendingPathComponent(name).path }
        let items = names.filter { !$0.contains("-list-") }.map(path)
        #expect(items.count > 20)
        let sqlite = try await TemporaryDatabase()
        let postgres = try await TemporaryPostgres()
        for database in [sqlite.path, postgres.url] {
            #expect(try await CommandRunner.run(["ingest", "--database", database] + items) == 0)
            // A feed's list page names no project: it is told.
            for list in names.filter({ $0.contains("-list-") }) {
                let parts = list.replacingOccurrences(of: ".json", with: "").components(separatedBy: "-list-")
                #expect(try await CommandRunner.run(["ingest", "--database", database, "--project", parts[0], "--lang", parts[1], path(list)]) == 0)
            }
        }
        let stores: [any NewsStore] = [sqlite.store, postgres.store]
        let statistics = try await stores.asyncMap { try await $0.statistics() }
        #expect(statistics[0].articles > 20)
        #expect(statistics[0] == statistics[1])

        var listings: [[Shown]] = []
        for store in stores { listings.append(try await Self.shown(store.latestArticles(limit: 500, offset: 0), store: store)) }
        #expect(!listings[0].isEmpty)
        #expect(listings[0] == listings[1])
        // Full articles (originals, JSON) too.
        for (a, b) in zip(listings[0], listings[1]) {
            let left = try await sqlite.store.article(key: a.key), right = try await postgres.store.article(key: b.key)
            #expect(left?.versions.mapValues(\.rawJSON) == right?.versions.mapValues(\.rawJSON))
            #expect(left?.versions.mapValues(\.originalHTML) == right?.versions.mapValues(\.originalHTML))
        }

        var filters: [ListingFilter?] = [nil]
        for shown in listings[0] {
            if let section = shown.section.flatMap(Section.init) { filters.append(.section(section)) }
            if let region = shown.region { filters.append(.region(region)) }
            filters.append(.source(shown.key.project))
            if let day = shown.published.flatMap({ Day(String($0.prefix(10))) }) { filters.append(.day(day)) }
        }
        for filter in Set(filters.compactMap { $0 }).map(Optional.some) + [nil] {
            let counts = try await stores.asyncMap { try await $0.publishedArticleCount(filter: filter) }
            #expect(counts[0] == counts[1], "\(String(describing: filter))")
            let pages = try await stores.asyncMap { store in
                try await Self.shown(store.latestArticles(limit: 5, offset: 1, filter: filter), store: store).map(\.key)
            }
            #expect(pages[0] == pages[1], "\(String(describing: filter))")
        }

        let newest = try await stores.asyncMap { try await $0.newestDay() }
        #expect(newest[0] != nil && newest[0] == newest[1])
        if let day = newest[0] {
            let around = try await stores.asyncMap { try await $0.daysWithNews(around: day) }
            #expect(around[0].before == around[1].before && around[0].after == around[1].after)
            let top = try await stores.asyncMap { try await $0.topStories(fromDay: day.adding(days: -400), minimumPublishers: 2, limit: 10).map(\.key) }
            #expect(top[0] == top[1])
        }
        let months = try await stores.asyncMap { try await $0.sitemapMonths() }
        #expect(!months[0].isEmpty && months[0] == months[1])
        for month in months[0] {
            let entries = try await stores.asyncMap { try await $0.sitemapEntries(month: month.month).map { [$0.slugTitle, $0.published] } }
            #expect(entries[0] == entries[1])
        }

        // Search: words of the stored headlines, in each language, both orders.
        var words = Set<String>()
        for shown in listings[0].prefix(40) {
            for version in shown.versions {
                let title = version.split(separator: "|").dropFirst().first.map(String.init) ?? ""
                if let word = title.split(whereSeparator: { !$0.isLetter }).first(where: { $0.count >= 6 }) { words.insert(String(word)) }
            }
        }
        #expect(words.count >= 10)
        for word in words.sorted() {
            // Newest first, a page is the same page; by relevance the engines score differently
            // (FTS5's BM25, PostgreSQL's cover density), so all matches are compared as a set.
            for (order, limit) in [(SearchRequest.Order.newest, 5), (.relevance, 500)] {
                var request = SearchRequest(query: try SearchQuery(word))
                request.order = order
                let found = try await stores.asyncMap { store in
                    let hits = try await store.search(request, limit: limit, offset: 0)
                    let articles = try await store.articles(ids: hits.hits.map(\.articleID))
                    return (hits.hits.compactMap { articles[$0.articleID]?.key }, hits.total)
                }
                #expect(!found[0].0.isEmpty, "\(word)")
                if order == .newest {
                    #expect(found[0].0 == found[1].0, "\(word)")
                } else {
                    #expect(Set(found[0].0) == Set(found[1].0), "\(word)")
                }
                #expect(found[0].1 == found[1].1, "\(word) \(order)")
            }
        }
        await postgres.store.shutdown()
    }
}

extension Array {
    func asyncMap<T>(_ transform: (Element) async throws -> T) async rethrows -> [T] {
        var result: [T] = []
        for element in self { result.append(try await transform(element)) }
        return result
    }
}

@Suite("enbekshi copy: a whole database to the other engine and back", .enabled(if: !TemporaryPostgres.isOff, "ENBEKSHI_TEST_POSTGRES=off"))
struct CopyCommandTests {
    @Test("SQLite to PostgreSQL and back keeps every id and row; a second run and an interrupted one end the same; new ids follow the copied ones")
    func roundTrip() async throws {
        let names = try FileManager.default.contentsOfDirectory(atPath: DemoItems.directory.path)
            .filter { $0.hasSuffix(".json") && !$0.contains("-list-") }.sorted()
        let original = try await TemporaryDatabase()
        #expect(try await CommandRunner.run(["ingest", "--database", original.path] + names.map { DemoItems.directory.appendingPathComponent($0).path }) == 0)
        #expect(try await original.store.setEnabled(false, slug: "kgd-zhetysu"))
        _ = try await original.store.enqueueTranslation(articleID: 2, from: .ru, to: .en)
        let postgres = try await TemporaryPostgres()
        #expect(try await CommandRunner.run(["copy", "--from", original.path, "--to", postgres.url, "--batch", "7"]) == 0)
        // Interrupted: part of a table gone from the destination; a second run brings it back.
        try await postgres.store.execute("DELETE FROM story_fingerprints WHERE article_id > 10")
        #expect(try await CommandRunner.run(["copy", "--from", original.path, "--to", postgres.url]) == 0)
        let back = try await TemporaryDatabase()
        #expect(try await CommandRunner.run(["copy", "--from", postgres.url, "--to", back.path]) == 0)

        let stores: [any NewsStore] = [original.store, postgres.store, back.store]
        var listings: [[EngineComparisonTests.Shown]] = []
        for store in stores { listings.append(try await EngineComparisonTests.shown(store.latestArticles(limit: 500, offset: 0), store: store)) }
        #expect(listings[0].count > 20)
        #expect(listings[0] == listings[1] && listings[0] == listings[2])
        let ids = try await stores.asyncMap { try await $0.latestArticles(limit: 500, offset: 0).map(\.id) }
        #expect(ids[0] == ids[1] && ids[0] == ids[2])
        for store in stores {
            #expect(try await store.source(slug: "kgd-zhetysu")?.enabled == false)
            #expect(try await store.translationQueueCounts().pending == 1)
            let hits = try await store.search(SearchRequest(query: try SearchQuery("Tengri")), limit: 5, offset: 0)
            #expect(!hits.hits.isEmpty)
        }
        // The next article on PostgreSQL gets an id after the copied ones.
        var version = try #require(try await original.store.article(id: 2)?.versions.values.first)
        version.contentHash = "new"
        _ = try await postgres.store.save(version, for: ArticleKey(project: "kgd-zhetysu", govkzID: "new-one"))
        let newID = try #require(try await postgres.store.articleID(for: ArticleKey(project: "kgd-zhetysu", govkzID: "new-one")))
        #expect(newID > (ids[0].max() ?? 0))
        // Same engine on both sides is refused: a file copy or pg_dump does that better.
        await #expect(throws: StoreCopy.Failure.self) {
            try await CommandRunner.run(["copy", "--from", original.path, "--to", back.path])
        }
        await postgres.store.shutdown()
    }
}
