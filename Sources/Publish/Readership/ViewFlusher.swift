import Logging
import ServiceLifecycle
import Store

/// Adds the views a web node counted to the store every few seconds, in one batch; a batch the
/// store refuses (a database that went away) is kept for the next try, and the last one is written
/// at shutdown.
struct ViewFlusher: Service {
    let counter: ViewCounter
    let store: any NewsStore
    let interval: Duration
    let logger: Logger

    func run() async throws {
        await cancelWhenGracefulShutdown {
            while !Task.isCancelled {
                do { try await Task.sleep(for: interval) } catch { break }
                await flush()
            }
        }
        await flush()
    }

    func flush() async {
        let batch = counter.drain()
        guard !batch.isEmpty else { return }
        do {
            try await store.addViews(batch)
        } catch {
            counter.restore(batch)
            logger.warning("could not store page views; keeping them for the next try", metadata: ["views": "\(batch.count)", "error": "\(error)"])
        }
    }
}

extension Site {
    /// The service that stores this node's count of article views.
    public func viewFlusher(logger: Logger, interval: Duration = .seconds(5)) -> any Service {
        ViewFlusher(counter: views, store: store, interval: interval, logger: logger)
    }
}
