import Foundation
import Logging
import ServiceLifecycle

/// Runs the picture queue inside `serve`: a round whenever pictures are due, a pause when none are.
/// Its pace (`interval` between pictures) keeps pictures to a small share of gov.kz's budget.
public struct PictureService: Service {
    let fetcher: PictureFetcher
    let interval: Duration
    let idle: Duration

    public init(fetcher: PictureFetcher, interval: Duration = .seconds(1), idle: Duration = .seconds(30)) {
        self.fetcher = fetcher
        self.interval = interval
        self.idle = idle
    }

    public func run() async throws {
        await cancelWhenGracefulShutdown {
            while !Task.isCancelled {
                var pause = idle
                do {
                    let round = try await fetcher.runOnce(limit: 1)
                    if round.handled > 0 { pause = interval }
                } catch is CancellationError {
                    return
                } catch {
                    fetcher.logger.error("picture queue failed", metadata: ["error": "\(error)"])
                }
                do { try await Task.sleep(for: pause) } catch { return }
            }
        }
    }
}
