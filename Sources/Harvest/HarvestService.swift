import Foundation
import Logging
import ServiceLifecycle

/// Runs harvest passes on a schedule inside `serve`, and stops cleanly on Ctrl-C: a pass in progress
/// is cancelled between saves (each save is one transaction, so nothing is half-written).
public struct HarvestService: Service {
    let harvester: Harvester
    let interval: Duration
    let baseURL: String
    let logger: Logger

    public init(harvester: Harvester, interval: Duration, baseURL: String, logger: Logger) {
        self.harvester = harvester
        self.interval = interval
        self.baseURL = baseURL
        self.logger = logger
    }

    public func run() async throws {
        try await cancelWhenGracefulShutdown {
            var reportedUnreachable = false
            while !Task.isCancelled {
                do {
                    let report = try await harvester.runPass()
                    if Task.isCancelled { return }
                    if let error = report.unreachable {
                        // Say it once, clearly; then quietly keep trying on schedule.
                        if !reportedUnreachable {
                            logger.warning(
                                "gov.kz cannot be reached; serving the news already stored and retrying on schedule",
                                metadata: ["base_url": "\(baseURL)", "error": "\(error)", "retry_in": "\(interval)"])
                            reportedUnreachable = true
                        } else {
                            logger.debug("gov.kz still unreachable", metadata: ["error": "\(error)"])
                        }
                    } else {
                        if reportedUnreachable {
                            logger.info("gov.kz is reachable again", metadata: ["base_url": "\(baseURL)"])
                            reportedUnreachable = false
                        }
                        logger.info(
                            "harvest pass finished",
                            metadata: [
                                "feeds": "\(report.feeds)", "failed": "\(report.feedsFailed)", "new": "\(report.inserted)",
                                "updated": "\(report.updated)", "seconds": "\(Int(report.seconds))",
                            ])
                    }
                } catch is CancellationError {
                    return
                } catch {
                    logger.error("harvest pass failed", metadata: ["error": "\(error)"])
                }
                do {
                    try await Task.sleep(for: interval)
                } catch {
                    return
                }
            }
        }
    }
}
