import Foundation
import Logging
import ServiceLifecycle

/// Harvests inside `serve` with the adaptive `PollingHarvester`, and stops cleanly on Ctrl-C: a poll
/// in progress is cancelled between saves (each save is one transaction, so nothing is half-written).
/// The feeds are re-read from the store every `refresh`, so sources enabled while running join.
public struct HarvestService: Service {
    let polling: PollingHarvester
    let refresh: Duration
    let baseURL: String
    let logger: Logger

    public init(polling: PollingHarvester, refresh: Duration = .seconds(3600), baseURL: String, logger: Logger) {
        self.polling = polling
        self.refresh = refresh
        self.baseURL = baseURL
        self.logger = logger
    }

    public func run() async throws {
        await cancelWhenGracefulShutdown {
            while !Task.isCancelled {
                do {
                    let (feeds, history) = try await polling.feeds()
                    let until = polling.clock.now.addingTimeInterval(Double(refresh.components.seconds))
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
