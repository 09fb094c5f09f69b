import EnbekshiCore
import Foundation
import GovKzFake
import Harvest
import Store
import TestSupport
import Testing

/// A worker on a shared store, on a simulated clock: per-source polling follows the leader's word
/// on whether gov.kz's all-sources listing works, and the leader gives that word only when it does.
@Suite("LeasedHarvester: shared schedule and the all-sources listing")
struct LeasedHarvesterTests {
    static let start = PollingHarvesterTests.start
    static let slugs = PollingHarvesterTests.slugs

    static func harvester(_ client: HTTPGovKzClient, store: any NewsStore, clock: ManualClock) -> LeasedHarvester {
        var options = Harvester.Options()
        options.languages = [.ru, .kk]
        let harvester = Harvester(
            client: client, ingestor: NewsIngestor(store: store, logger: quietLogger), options: options, logger: quietLogger)
        var settings = LeasedHarvester.Settings()
        settings.concurrency = 1
        settings.schedule.requestsPerSecond = 0.2
        settings.schedule.maximumInterval = 3600
        settings.fallbackRequestsPerSecond = 0.02
        return LeasedHarvester(harvester: harvester, leases: store, owner: "worker", settings: settings, clock: clock, logger: quietLogger)
    }

    /// Per-source polls of one worker over two simulated hours of twelve bodies publishing, with or
    /// without the leader's word that the listing works.
    static func polls(listingWorks: Bool) async throws -> Int {
        let database = try await TemporaryDatabase()
        let store = database.store
        try await store.seed(sources: slugs.map { Source(catalogSlug: $0) })
        let clock = ManualClock(start)
        let simulation = PublishingSimulation(sources: slugs, start: start, duration: 7200, seed: 7, medianPerDay: 4, clock: { clock.now })
        let fake = FakeGovKz(content: simulation, keepsRequests: false)
        if listingWorks {
            _ = try await store.claimLease(name: Lease.listingWorksName, owner: "leader", now: start, duration: 3 * 3600)
        }
        return try await fake.withRunning { base in
            try await withClient(testConfiguration(base)) { client in
                let worker = harvester(client, store: store, clock: clock)
                let (feeds, history) = try await PollingHarvester.feeds(of: worker.harvester, now: start)
                return try await worker.run(feeds: feeds, history: history, until: simulation.end).polls
            }
        }
    }

    @Test("while the leader says the listing works, per-source polls drop to the safety net's rate")
    func followsListing() async throws {
        let full = try await Self.polls(listingWorks: false)
        let safetyNet = try await Self.polls(listingWorks: true)
        // 24 feeds read once at the start, then about 0.2 (or 0.02) polls a second for two hours.
        #expect(full > 24 + 600, "\(full)")
        #expect(safetyNet < 24 + 250 && safetyNet * 3 < full, "\(safetyNet) against \(full)")
    }

    @Test("the leader says the listing works only when its items name their sources")
    func leaderSays() async throws {
        for works in [true, false] {
            let database = try await TemporaryDatabase()
            let store = database.store
            let clock = ManualClock(Self.start)
            let fake: FakeGovKz
            let known: Set<String>
            if works {
                try await store.seed(sources: Self.slugs.map { Source(catalogSlug: $0) })
                let simulation = PublishingSimulation(
                    sources: Self.slugs, start: Self.start.addingTimeInterval(-86_400), duration: 86_400, seed: 7, medianPerDay: 4,
                    clock: { clock.now })
                fake = FakeGovKz(content: simulation, keepsRequests: false)
                known = Set(Self.slugs)
            } else {
                // The recorded corpus lists items without naming their sources, as gov.kz may.
                let corpus = try Fixtures.corpus()
                try await store.seed(sources: corpus.projects.map { Source(catalogSlug: $0) })
                fake = FakeGovKz(corpus: corpus)
                known = Set(corpus.projects)
            }
            try await fake.withRunning { base in
                try await withClient(testConfiguration(base)) { client in
                    let worker = Self.harvester(client, store: store, clock: clock)
                    let leader = try #require(try await store.claimLease(name: Lease.leaderName, owner: "worker", now: clock.now, duration: 30))
                    let inserted = await worker.readAllSourcesListing(under: leader, known: known, settings: PollingHarvester.Settings())
                    let word = try await store.heldLease(name: Lease.listingWorksName, now: clock.now)
                    #expect((word != nil) == works, "listing works: \(works)")
                    #expect(works ? inserted > 0 : inserted == 0)
                    if works {
                        #expect(word?.owner == "worker")
                        #expect(try await store.heldLease(name: Lease.listingWorksName, now: clock.now.addingTimeInterval(121)) == nil, "it lapses")
                    }
                }
            }
        }
    }
}
