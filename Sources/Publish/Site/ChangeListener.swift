import Logging
import ServiceLifecycle
import Store

/// Keeps a web node's page cache in step with every other node and worker: it follows the
/// store's announcements of content changes (`ChangeFeed.watchContentGeneration`), which reconnect
/// by themselves; while they are down the cache polls as it would without them.
struct ChangeListener: Service {
    let store: any NewsStore
    let generation: ContentGeneration
    let logger: Logger

    func run() async throws {
        await cancelWhenGracefulShutdown {
            let generation = generation, logger = logger
            do {
                try await store.watchContentGeneration { change in
                    generation.apply(change)
                    switch change {
                    case .listening(let value): logger.info("listening for content changes", metadata: ["generation": "\(value)"])
                    case .changed: break
                    case .lost(let reason): logger.warning("content change listener lost; reconnecting", metadata: ["reason": "\(reason)"])
                    }
                }
            } catch {
                logger.error("content change listener stopped", metadata: ["error": "\(error)"])
            }
        }
    }
}

extension Site {
    /// The service that keeps this node's cache in step with other nodes, where the store announces
    /// changes; nil where it does not (one SQLite file: polling suffices).
    public func changeListener(logger: Logger) -> (any Service)? {
        store.announcesChanges ? ChangeListener(store: store, generation: generation, logger: logger) : nil
    }
}
