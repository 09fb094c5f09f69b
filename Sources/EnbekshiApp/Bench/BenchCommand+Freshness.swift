import ArgumentParser
import EnbekshiCore
import Foundation
import GovKzFake
import Harvest
import Logging
import Store

extension BenchCommand {
    /// The freshness simulator: the fake gov.kz publishes on a simulated clock (`PublishingSimulation`)
    /// and the real polling loop harvests it over HTTP on 127.0.0.1 into a real SQLite file. The clock
    /// jumps to each next poll, so a day runs in minutes. Reports the lag from publication to our
    /// store and the requests per second sent to the source.
    struct Freshness: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Freshness simulator: lag from publication to our site, and requests per second to gov.kz.")

        @Option(name: .long, help: "Publishing bodies.") var sources = 2000
        @Option(name: .long, help: "Simulated hours.") var hours = 24.0
        @Option(name: .long, help: "Simulated hours at the start left out of the figures.") var warmup = 2.0
        @Option(name: .long, help: "Average requests per second allowed to the source.") var budget = 2.0
        @Flag(name: .long, help: "Use the all-sources listing as a first pass (per-source polls become a safety net).")
        var allSources = false
        @Option(name: .long, help: "Median releases per day of a body (rates are log-normal).") var median = 0.15
        @Option(name: .long, help: "Random seed.") var seed: UInt64 = 42
        @Option(name: .long, help: "Database file (default: a new temporary file).") var database: String?
        @OptionGroup var logging: LoggingOptions

        func run() async throws {
            let logger = logging.bootstrap()
            let quiet = Logger(label: "bench") { _ in SwiftLogNoOpLogHandler() }
            let path = database ?? FileManager.default.temporaryDirectory.appendingPathComponent("freshness-\(UUID().uuidString).sqlite").path
            defer { if database == nil { for suffix in ["", "-wal", "-shm"] { try? FileManager.default.removeItem(atPath: path + suffix) } } }
            let store = try StoreFactory.open(path)
            try await store.migrate()
            let catalog = try SourceCatalog.bundled().filter(\.enabled)
            let chosen = Array(catalog.prefix(sources))
            try await store.seed(sources: chosen)
            // A Monday at midnight in Astana, so the simulation starts with a night and a working day.
            let start = Date(timeIntervalSince1970: 1_772_391_600)
            let simulatedClock = ManualClock(start)
            let simulation = PublishingSimulation(
                sources: chosen.map(\.slug), start: start, duration: hours * 3600, seed: seed, medianPerDay: median,
                clock: { simulatedClock.now })
            let fake = FakeGovKz(content: simulation, keepsRequests: false)
            print(String(format: "freshness: %d bodies, %d releases in %.0f simulated hours (%.0f a day), budget %.1f requests/s, %@",
                         chosen.count, simulation.releases.count, hours, Double(simulation.releases.count) / (hours / 24), budget,
                         allSources ? "all-sources listing first" : "per-source polling only"))
            let clock = ContinuousClock()
            let began = clock.now
            let statistics = try await fake.withRunning { baseURL in
                var configuration = GovKzConfiguration()
                configuration.baseURL = baseURL
                // The budget is kept on the simulated clock; the client must not also wait in real time.
                configuration.requestsPerSecond = 100_000
                configuration.maxRetries = 1
                let client = HTTPGovKzClient(configuration: configuration, logger: quiet)
                defer { Task { await client.shutdown() } }
                var options = Harvester.Options(configuration: configuration)
                options.concurrency = 1
                let harvester = Harvester(client: client, ingestor: NewsIngestor(store: store, logger: quiet), options: options, logger: quiet)
                var settings = PollingHarvester.Settings()
                settings.peakRequestsPerSecond = budget
                settings.schedule.requestsPerSecond = budget * 0.9
                settings.allSourcesInterval = allSources ? 30 : nil
                let polling = PollingHarvester(harvester: harvester, clock: simulatedClock, settings: settings, logger: quiet)
                // What a running site knows: each body's releases over the last thirty days (a Poisson
                // draw around its true rate), as the store's own records would show.
                var random = SplitMix64(seed: seed ^ 0x5eed)
                var history: [PollSchedule.Feed: (items: Double, seconds: TimeInterval)] = [:]
                for source in chosen {
                    let daily = simulation.dailyRates[source.slug] ?? 0
                    for (language, share) in [(Language.ru, 1.0), (.kk, 0.85), (.en, 0.08)] {
                        history[PollSchedule.Feed(source: source.slug, language: language)] = (Self.poisson(daily * share * 30, &random), 30 * 86_400)
                    }
                }
                let feeds = chosen.flatMap { source in Language.allCases.map { PollSchedule.Feed(source: source.slug, language: $0) } }
                let progress = ProgressLine(label: "simulated hours", logger: logger, logEvery: 1)
                let reporter = Task {
                    var shown = -1
                    while !Task.isCancelled {
                        try await Task.sleep(for: .milliseconds(200))
                        let hour = Int(simulation.now.timeIntervalSince(start) / 3600)
                        if hour != shown { progress.update(done: hour, total: Int(hours.rounded(.up)), detail: "hours") }
                        shown = hour
                    }
                }
                defer { reporter.cancel() }
                return try await polling.run(feeds: feeds, history: history, until: simulation.end)
            }
            let seconds = (clock.now - began).seconds
            let served = simulation.served
            let from = start.addingTimeInterval(warmup * 3600)
            var lags: [Double] = [], unseen = 0
            for release in simulation.releases where release.published >= from {
                if let seen = served[release.id] {
                    lags.append(seen.timeIntervalSince(release.published))
                } else {
                    // Not harvested by the end: counted with the lag it has so far (an underestimate).
                    unseen += 1
                    lags.append(simulation.end.timeIntervalSince(release.published))
                }
            }
            lags.sort()
            func percentile(_ p: Double) -> Double { lags.isEmpty ? 0 : lags[min(lags.count - 1, Int(Double(lags.count) * p))] / 60 }
            let rate = Double(fake.requestTotal) / (hours * 3600)
            print(String(format: "lag, minutes: p50 %.1f  p95 %.1f  p99 %.1f  (%d releases after the warm-up, %d not yet harvested at the end)",
                         percentile(0.5), percentile(0.95), percentile(0.99), lags.count, unseen))
            print(String(format: "requests to gov.kz: %d = %.2f per second on average (polls %d, all-sources reads %d, new versions %d); %.0f s real time",
                         fake.requestTotal, rate, statistics.polls, statistics.allSourcesReads, statistics.inserted, seconds))
        }

        static func poisson(_ mean: Double, _ random: inout SplitMix64) -> Double {
            guard mean < 50 else { return max(0, (mean + mean.squareRoot() * random.normal()).rounded()) }
            var count = 0.0, product = random.unit()
            let limit = exp(-mean)
            while product > limit { count += 1; product *= random.unit() }
            return count
        }
    }
}
