import Foundation
import Logging
import ServiceLifecycle

/// Harvests inside `serve`, and stops cleanly on Ctrl-C: a poll in progress is cancelled between
/// saves (each save is one transaction, so nothing is half-written). The feeds are re-read from the
/// store every `refresh`, so sources enabled while running join.
public struct HarvestService: Service {
    /// How the feeds are read: alone (`PollingHarvester`, one process owns the database) or beside
    /// other workers (`LeasedHarvester`).
    public enum Loop: Sendable {
        case alone(PollingHarvester)
        case shared(LeasedHarvester)

        var harvester: Harvester {
            switch self {
            case .alone(let polling): polling.harvester
            case .shared(let leased): leased.harvester
            }
        }

        var clock: any HarvestClock {
            switch self {
            case .alone(let polling): polling.clock
            case .shared(let leased): leased.clock
            }
        }
    }

    let loop: Loop
    let refresh: Duration
    let baseURL: String
    let logger: Logger

    public init(loop: Loop, refresh: Duration = .seconds(3600), baseURL: String, logger: Logger) {
        self.loop = loop
        self.refresh = refresh
        self.baseURL = baseURL
        self.logger = logger
    }

    public init(polling: PollingHarvester, refresh: Duration = .seconds(3600), baseURL: String, logger: Logger) {
        self.init(loop: .alone(polling), refresh: refresh, baseURL: baseURL, logger: logger)
    }

    public func run() async throws {
        await cancelWhenGracefulShutdown {
            while !Task.isCancelled {
                do {
                    let (feeds, history) = try await PollingHarvester.feeds(of: loop.harvester, now: loop.clock.now)
                    let until = loop.clock.now.addingTimeInterval(Double(refresh.components.seconds))
                    switch loop {
                    case .alone(let polling):
                        logger.info(
                            "harvesting", metadata: ["base_url": "\(baseURL)", "feeds": "\(feeds.count)",
                                                     "known_feeds": "\(history.count)"])
                        let statistics = try await polling.run(feeds: feeds, history: history, until: until)
                        logger.info(
                            "harvest statistics",
                            metadata: [
                                "polls": "\(statistics.polls)", "all_sources_reads": "\(statistics.allSourcesReads)",
                                "requests": "\(statistics.requests)", "new": "\(statistics.inserted)",
                            ])
                    case .shared(let leased):
                        logger.info(
                            "harvesting beside other workers",
                            metadata: ["base_url": "\(baseURL)", "feeds": "\(feeds.count)", "worker": "\(leased.owner)"])
                        let statistics = try await leased.run(feeds: feeds, history: history, until: until)
                        logger.info(
                            "harvest statistics",
                            metadata: ["polls": "\(statistics.polls)", "new": "\(statistics.inserted)", "leases_lost": "\(statistics.leasesLost)"])
                    }
                } catch is CancellationError {
                    return
                } catch {
                    logger.error("harvest loop failed; starting again in a minute", metadata: ["error": "\(error)"])
                    do { try await Task.sleep(for: .seconds(60)) } catch { return }
                }
            }
        }
    }
}
