import ServiceLifecycle
import Store

/// The store as a service of `serve`'s group: listed first, so the group, which shuts its services
/// down in reverse order, closes the database's connections only after the site, the harvester and
/// the translator have stopped using them.
struct StoreService: Service {
    let store: any NewsStore

    func run() async throws {
        try? await gracefulShutdown()
        await store.shutdown()
    }
}
