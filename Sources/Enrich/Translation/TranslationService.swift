import Foundation
import Logging
import ServiceLifecycle
import Store

/// Keeps the editions complete inside `serve`: plans missing translations and works through the
/// queue on a schedule; jobs live in the database, so a restart loses nothing.
public struct TranslationService: Service {
    let worker: TranslationWorker
    let interval: Duration
    let logger: Logger

    public init(worker: TranslationWorker, interval: Duration, logger: Logger) {
        self.worker = worker
        self.interval = interval
        self.logger = logger
    }

    public func run() async throws {
        await cancelWhenGracefulShutdown {
            while !Task.isCancelled {
                do {
                    let planned = try await TranslationPlanner.plan(store: worker.store)
                    let report = try await worker.runDue(limit: 200)
                    let (glosses, titles) = try await worker.glossPass()
                    if planned > 0 || report.translated > 0 || report.failed > 0 || glosses.runsRequested > 0 || titles.runsRequested > 0 {
                        logger.info(
                            "translation pass",
                            metadata: [
                                "planned": "\(planned)", "translated": "\(report.translated)", "retrying": "\(report.retried)",
                                "failed": "\(report.failed)", "paragraphs_sent": "\(report.paragraphsRequested)",
                                "runs_glossed": "\(glosses.glossed)", "gloss_failures": "\(glosses.failed)",
                                "titles_translated": "\(titles.glossed)", "title_failures": "\(titles.failed)",
                            ])
                    }
                } catch is CancellationError {
                    return
                } catch {
                    logger.error("translation pass failed", metadata: ["error": "\(error)"])
                }
                do { try await Task.sleep(for: interval) } catch { return }
            }
        }
    }
}
