import EnbekshiCore
import Foundation
import GovKzFake
import Harvest
import Store
import TestSupport
import Testing

@Suite("Harvester: passes over the fake gov.kz into a real SQLite file")
struct HarvesterTests {
    /// Runs `body` with a harvester over a client that is always shut down afterwards.
    static func withHarvester<T>(
        _ base: String, store: any NewsStore, pageSize: Int = 50, since: GovKzDate? = nil, maxPages: Int = 20,
        _ body: (Harvester) async throws -> T
    ) async throws -> T {
        try await withClient(testConfiguration(base)) { client in
            var options = Harvester.Options()
            options.pageSize = pageSize
            options.since = since
            options.maxPages = maxPages
            let harvester = Harvester(
                client: client, ingestor: NewsIngestor(store: store, logger: quietLogger), options: options,
                logger: quietLogger)
            return try await body(harvester)
        }
    }

    static func sources(_ slugs: [String]) -> [Source] { slugs.map { Source(catalogSlug: $0) } }

    @Test("a pass fills the database from every language; a second pass adds no duplicates and reads one page per feed")
    func fillsThenIdles() async throws {
        let database = try await TemporaryDatabase()
        let corpus = try Fixtures.corpus()
        let fake = FakeGovKz(corpus: corpus)
        try await fake.withRunning { base in
            try await Self.withHarvester(base, store: database.store) { harvester in
                let first = try await harvester.runPass(sources: Self.sources(corpus.projects))
                #expect(first.unreachable == nil)
                #expect(first.feedsFailed == 0)
                #expect(first.inserted == 11)
                let stats = try await database.store.statistics()
                #expect(stats.articles == 10)
                #expect(stats.versions == 11)
                // One id asked in two languages: two versions of one article, neither overwriting the other.
                let ombudsman = try #require(try await database.store.article(key: ArticleKey(project: "ardfm", govkzID: "221276")))
                #expect(ombudsman.versions.keys.sorted() == [.kk, .ru])
                #expect(ombudsman.versions[.kk]?.title.hasPrefix("Қазақстанда") == true)
                #expect(ombudsman.versions[.ru]?.title.hasPrefix("В Казахстане") == true)
                // The recorded kk/ru pair of mfa-cairo carries the same English text: it is one English
                // version, flagged because gov.kz answered a Kazakh request in English.
                let cairo = try #require(try await database.store.article(key: ArticleKey(project: "mfa-cairo", govkzID: "1128052")))
                #expect(cairo.versions.keys.sorted() == [.en])
                #expect(cairo.versions[.en]?.flags.contains { $0.kind == .languageMismatch } == true)

                fake.resetRequests()
                let second = try await harvester.runPass(sources: Self.sources(corpus.projects))
                #expect(second.inserted == 0)
                #expect(second.updated == 0)
                #expect(try await database.store.statistics() == stats)
                let listRequests = fake.requests.filter { $0.path.hasSuffix("/news") }
                #expect(listRequests.count == corpus.projects.count * 3)
                #expect(listRequests.allSatisfy { $0.query["page"] == "1" })
            }
        }
    }

    @Test("an item with no body in the list is fetched again by id; still empty, it is kept as a brief")
    func emptyBodyFetchesDetail() async throws {
        let database = try await TemporaryDatabase()
        let fake = FakeGovKz(corpus: try Fixtures.corpus())
        try await fake.withRunning { base in
            try await Self.withHarvester(base, store: database.store) { harvester in
                _ = try await harvester.runPass(sources: Self.sources(["mod", "almobl-densaulyk"]))
                #expect(fake.requests.contains { $0.path == "/api/v1/public/content-manager/news/1127751" })
                let article = try #require(try await database.store.article(key: ArticleKey(project: "mod", govkzID: "1127751")))
                let version = try #require(article.versions[.en])
                #expect(version.isBrief)
                #expect(version.title == "The Ministry of Defense signed a memorandum with the Editors-in-Chief Club")
                // No title and no body: stored (nothing is lost) but not listed on the site.
                let untitled = try #require(try await database.store.article(key: ArticleKey(project: "almobl-densaulyk", govkzID: "1127875")))
                #expect(untitled.versions[.en]?.title == "")
                #expect(try await database.store.publishedArticleCount() == 1)
            }
        }
    }

    @Test("paging continues past pages with news and stops at the first page with nothing new")
    func incrementalPaging() async throws {
        let database = try await TemporaryDatabase()
        let fake = FakeGovKz(corpus: Fixtures.syntheticCorpus(count: 120))
        try await fake.withRunning { base in
            try await Self.withHarvester(base, store: database.store, pageSize: 50) { harvester in
                let sources = Self.sources(["akimat"])
                let first = try await harvester.runPass(sources: sources)
                #expect(first.inserted == 120)
                #expect(fake.requests.filter { $0.header("Accept-Language") == "ru" }.map { $0.query["page"] } == ["1", "2", "3"])

                // Five newer items appear at the top of page 1.
                var grown = Fixtures.syntheticCorpus(count: 120)
                for index in 0..<5 {
                    grown.add(project: "akimat", language: "ru", object: [
                        "id": 9000 + index, "title": "Свежая новость \(index)", "body": "<p>Свежий текст \(index).</p>",
                        "created_date": "2026-01-0\(index + 1)T09:00:00.000Z",
                    ])
                }
                fake.replaceCorpus(grown)
                fake.resetRequests()
                let second = try await harvester.runPass(sources: sources)
                #expect(second.inserted == 5)
                // Page 1 had news, page 2 had none: stop there.
                #expect(fake.requests.filter { $0.header("Accept-Language") == "ru" }.map { $0.query["page"] } == ["1", "2"])
                #expect(try await database.store.statistics().articles == 125)
            }
        }
    }

    @Test("a poll that failed half-way leaves no gap: the next one pages past what it stored, down to what the last complete poll reached")
    func resumesAfterBrokenPoll() async throws {
        let database = try await TemporaryDatabase()
        let fake = FakeGovKz(corpus: Fixtures.syntheticCorpus(count: 120))
        try await fake.withRunning { base in
            try await Self.withHarvester(base, store: database.store, pageSize: 50) { harvester in
                let sources = Self.sources(["akimat"])
                #expect(try await harvester.runPass(sources: sources).inserted == 120)
                // Sixty newer items: more than a page. Page 2 fails for good this time.
                var grown = Fixtures.syntheticCorpus(count: 120)
                for index in 0..<60 {
                    grown.add(project: "akimat", language: "ru", object: [
                        "id": 9000 + index, "title": "Свежая новость \(index)", "body": "<p>Свежий текст \(index).</p>",
                        "created_date": String(format: "2026-02-%02dT%02d:00:00.000Z", 1 + index / 20, index % 20),
                    ])
                }
                fake.replaceCorpus(grown)
                fake.inject(FakeFault(.status(500), target: .list, page: 2, times: 1000))
                let broken = try await harvester.runPass(sources: sources)
                #expect(broken.feedsFailed >= 1)
                #expect(try await database.store.statistics().articles == 170)
                // gov.kz answers again: page 1 brings nothing new, but it is newer than the last complete
                // poll reached, so paging goes on and the ten items of page 2 are not lost.
                let resumed = try await FakeGovKz(corpus: grown).withRunning { healthy in
                    try await Self.withHarvester(healthy, store: database.store, pageSize: 50) { harvester in
                        try await harvester.runPass(sources: sources)
                    }
                }
                #expect(resumed.inserted == 10)
                #expect(try await database.store.statistics().articles == 180)
            }
        }
    }

    @Test("--since backfills past known pages down to the date")
    func backfill() async throws {
        let database = try await TemporaryDatabase()
        let fake = FakeGovKz(corpus: Fixtures.syntheticCorpus(count: 120))
        try await fake.withRunning { base in
            try await Self.withHarvester(base, store: database.store, pageSize: 50, maxPages: 1) { shallow in
                _ = try await shallow.runPass(sources: Self.sources(["akimat"]))
            }
            #expect(try await database.store.statistics().articles == 50)
            try await Self.withHarvester(base, store: database.store, pageSize: 50, since: GovKzDate("2025-01-01")) { deep in
                let report = try await deep.runPass(sources: Self.sources(["akimat"]))
                #expect(report.inserted == 70)
            }
            #expect(try await database.store.statistics().articles == 120)
        }
    }

    @Test("a page that repeats the previous one stops the feed without duplicates")
    func repeatedPage() async throws {
        let database = try await TemporaryDatabase()
        let fake = FakeGovKz(corpus: Fixtures.syntheticCorpus(count: 120))
        fake.inject(FakeFault(.repeatPreviousPage, target: .list, page: 2, times: 3))
        try await fake.withRunning { base in
            try await Self.withHarvester(base, store: database.store, pageSize: 50) { harvester in
                let report = try await harvester.runPass(sources: Self.sources(["akimat"]))
                #expect(report.inserted == 50)
                #expect(report.feedsFailed == 0)
                #expect(try await database.store.statistics().articles == 50)
            }
        }
    }

    @Test("one failing feed is recorded and the others still harvest")
    func failingFeed() async throws {
        let database = try await TemporaryDatabase()
        let fake = FakeGovKz(corpus: try Fixtures.corpus())
        fake.inject(FakeFault(.status(500), target: .list, project: "kgd-zhetysu", times: 1000))
        try await fake.withRunning { base in
            try await Self.withHarvester(base, store: database.store) { harvester in
                let report = try await harvester.runPass(sources: Self.sources(["kgd-zhetysu", "mfa-london"]))
                #expect(report.feedsFailed == 3)
                #expect(report.unreachable == nil)
                #expect(report.inserted == 1)
                let state = try #require(try await database.store.harvestState(source: "kgd-zhetysu", language: .en))
                #expect(state.lastError == "HTTP 500")
                #expect(state.consecutiveFailures == 1)
                #expect(state.lastSuccessAt == nil)
                let healthy = try #require(try await database.store.harvestState(source: "mfa-london", language: .en))
                #expect(healthy.lastSuccessAt != nil)
                #expect(healthy.newestSeen == "2025-12-18T09:30:00")
            }
        }
    }

    @Test("an unreachable gov.kz stops the pass early and says so")
    func unreachable() async throws {
        let database = try await TemporaryDatabase()
        try await Self.withHarvester(closedPort, store: database.store) { harvester in
            let report = try await harvester.runPass(sources: Self.sources((1...50).map { "body-\($0)" }))
            #expect(report.unreachable != nil)
            #expect(report.feeds < 150)
            #expect(try await database.store.statistics().articles == 0)
        }
    }

    @Test("error text sent as a title is rejected and never stored")
    func errorTitle() async throws {
        let database = try await TemporaryDatabase()
        var corpus = FakeCorpus()
        corpus.add(project: "mod", language: "ru", object: ["id": 1, "title": "502 Bad Gateway", "body": "<p>x</p>"])
        corpus.add(project: "mod", language: "ru", object: ["id": 2, "title": "Нормальная новость", "body": "<p>Текст.</p>"])
        let fake = FakeGovKz(corpus: corpus)
        try await fake.withRunning { base in
            try await Self.withHarvester(base, store: database.store) { harvester in
                let report = try await harvester.runPass(sources: Self.sources(["mod"]))
                #expect(report.rejected == 1)
                #expect(report.inserted == 1)
                #expect(try await database.store.article(key: ArticleKey(project: "mod", govkzID: "1")) == nil)
            }
        }
    }
}
