import EnbekshiCore
import Foundation
import GovKzFake
import Harvest
import Store
import TestSupport
import Testing

@Suite("PollingHarvester: adaptive polling over the fake gov.kz on a simulated clock")
struct PollingHarvesterTests {
    /// Monday 08:00 in Astana.
    static let start = Date(timeIntervalSince1970: 1_772_391_600 + 8 * 3600)
    static let slugs = (1...12).map { "sim-body-\($0)" }

    struct Run {
        var statistics: PollingHarvester.Statistics
        var simulation: PublishingSimulation
        var requests: Int
        var stored: Int
        var versions: Int
        /// The hourly record summed over the whole run, for the deployment and per source.
        var figures: HarvestHour
        var figuresPerSource: [String: HarvestHour]
    }

    /// The polling loop over `client` into `store`, on `clock`.
    static func polling(
        _ client: HTTPGovKzClient, store: any NewsStore, clock: ManualClock, languages: [Language] = Language.allCases,
        configure: (inout PollingHarvester.Settings) -> Void
    ) -> PollingHarvester {
        var options = Harvester.Options()
        options.languages = languages
        let harvester = Harvester(
            client: client, ingestor: NewsIngestor(store: store, logger: quietLogger), options: options, logger: quietLogger)
        var settings = PollingHarvester.Settings()
        configure(&settings)
        return PollingHarvester(harvester: harvester, clock: clock, settings: settings, logger: quietLogger)
    }

    /// Harvests `hours` of a simulated working day of twelve bodies into a real SQLite file.
    static func run(hours: Double, budget: Double, allSources: Bool) async throws -> Run {
        let database = try await TemporaryDatabase()
        try await database.store.seed(sources: slugs.map { Source(catalogSlug: $0) })
        let clock = ManualClock(start)
        let simulation = PublishingSimulation(
            sources: slugs, start: start, duration: hours * 3600, seed: 7, medianPerDay: 4, clock: { clock.now })
        let fake = FakeGovKz(content: simulation, keepsRequests: false)
        return try await fake.withRunning { base in
            try await withClient(testConfiguration(base)) { client in
                let polling = polling(client, store: database.store, clock: clock, languages: [.ru, .kk]) { settings in
                    settings.peakRequestsPerSecond = budget
                    settings.schedule.requestsPerSecond = budget * 0.9
                    settings.schedule.maximumInterval = 3600
                    settings.allSourcesInterval = allSources ? 30 : nil
                    settings.fallbackRequestsPerSecond = budget / 10
                }
                let (feeds, history) = try await polling.feeds()
                let statistics = try await polling.run(feeds: feeds, history: history, until: simulation.end)
                let store = database.store
                var perSource: [String: HarvestHour] = [:]
                for slug in slugs {
                    perSource[slug] = total(try await store.harvestFigures(since: .distantPast, source: slug, daily: true))
                }
                return Run(
                    statistics: statistics, simulation: simulation, requests: fake.requestTotal,
                    stored: try await store.statistics().articles, versions: try await store.statistics().versions,
                    figures: total(try await store.harvestFigures(since: .distantPast, source: nil, daily: true)), figuresPerSource: perSource)
            }
        }
    }

    static func total(_ days: [HarvestHour]) -> HarvestHour {
        days.reduce(into: HarvestHour(hour: .distantPast, source: "")) { sum, day in
            sum.requests += day.requests
            sum.ok += day.ok
            sum.itemsNew += day.itemsNew
            sum.lagCount += day.lagCount
        }
    }

    @Test("per-source polling stores every release within the longest interval, never above the budget")
    func perSource() async throws {
        let run = try await Self.run(hours: 4, budget: 0.2, allSources: false)
        let releases = run.simulation.releases
        #expect(releases.count > 5)
        let served = run.simulation.served
        for release in releases where release.published < run.simulation.end.addingTimeInterval(-3600) {
            let lag = served[release.id].map { $0.timeIntervalSince(release.published) }
            #expect(lag.map { $0 >= 0 && $0 <= 3600 + 60 } == true, "release \(release.id) of \(release.project)")
        }
        #expect(Double(run.requests) / (4 * 3600) <= 0.2)
        #expect(run.statistics.allSourcesWorks == nil)
        #expect(run.stored == served.count)
        #expect(run.figures.requests == run.requests && run.figures.itemsNew == run.versions)
        #expect(run.figuresPerSource.values.map(\.requests).reduce(0, +) == run.requests)
    }

    @Test("the all-sources listing brings each release within a minute and per-source polls drop to the safety net")
    func allSources() async throws {
        let run = try await Self.run(hours: 4, budget: 0.2, allSources: true)
        #expect(run.statistics.allSourcesWorks == true)
        let served = run.simulation.served
        for release in run.simulation.releases where release.published < run.simulation.end.addingTimeInterval(-60) {
            let lag = served[release.id].map { $0.timeIntervalSince(release.published) }
            #expect(lag.map { $0 >= 0 && $0 <= 60 } == true, "release \(release.id) of \(release.project)")
        }
        #expect(run.statistics.polls < run.statistics.allSourcesReads)
        #expect(run.stored == served.count)
        // The operator's figures count the listing's requests and the items it found, per source too.
        #expect(run.figures.requests == run.requests)
        #expect(run.figures.itemsNew == run.versions && run.figures.lagCount == run.versions)
        #expect(run.figuresPerSource.values.map(\.itemsNew).reduce(0, +) == run.versions)
        #expect(run.figuresPerSource.values.map(\.requests).reduce(0, +) < run.requests, "the listing's requests belong to no one source")
    }

    @Test("the all-sources listing keeps its turn while a backlog of feeds never read is polled")
    func listingFirst() async throws {
        let database = try await TemporaryDatabase()
        try await database.store.seed(sources: Self.slugs.map { Source(catalogSlug: $0) })
        let clock = ManualClock(Self.start)
        let simulation = PublishingSimulation(
            sources: Self.slugs, start: Self.start.addingTimeInterval(-3600), duration: 7200, seed: 7, medianPerDay: 4,
            clock: { clock.now })
        let fake = FakeGovKz(content: simulation, keepsRequests: false)
        try await fake.withRunning { base in
            try await withClient(testConfiguration(base)) { client in
                let polling = Self.polling(client, store: database.store, clock: clock) { $0.peakRequestsPerSecond = 0.5 }
                let (feeds, history) = try await polling.feeds()
                #expect(feeds.count == 36 && history.isEmpty)
                // 65 seconds at one request every two: not enough for the 36 feeds, while the listing (every
                // 30 s per language) keeps its turn at 0, 30 and 60 s.
                let statistics = try await polling.run(feeds: feeds, history: history, until: Self.start.addingTimeInterval(65))
                #expect(statistics.allSourcesReads >= 9)
                #expect(statistics.polls < 36)
            }
        }
    }

    @Test("a listing whose items do not name their source is set aside, and per-source polling stores everything")
    func fallsBack() async throws {
        let database = try await TemporaryDatabase()
        let corpus = try Fixtures.corpus()
        try await database.store.seed(sources: corpus.projects.map { Source(catalogSlug: $0) })
        let fake = FakeGovKz(corpus: corpus)
        try await fake.withRunning { base in
            try await withClient(testConfiguration(base)) { client in
                let polling = Self.polling(client, store: database.store, clock: ManualClock(Self.start)) {
                    $0.peakRequestsPerSecond = 10
                }
                let (feeds, history) = try await polling.feeds()
                let statistics = try await polling.run(feeds: feeds, history: history, until: Self.start.addingTimeInterval(600))
                #expect(statistics.allSourcesWorks == false)
                #expect(statistics.allSourcesReads == 3)
                #expect(statistics.inserted == 11)
            }
        }
        #expect(fake.requests.contains { $0.query["projects"] == nil && $0.path.hasSuffix("/news") })
    }
}
