import Hummingbird
import Logging
import Store

/// The probes every process answers, never cached (`PageCache.isCacheable`) nor stored by a proxy:
/// `/healthz` ("ok" without touching the database), `/livez` (the process answers) and `/readyz`
/// (`Readiness`). A worker answers only these.
public enum HealthRoutes {
    static func add<Context: RequestContext>(
        to router: Router<Context>, store: any NewsStore, listening: @escaping @Sendable () -> Bool?
    ) {
        router.get("/healthz") { _, _ in "ok\n" }
        router.get("/livez") { _, _ in Response.uncached("live\n") }
        router.get("/readyz") { _, _ in
            let report = await Readiness.check(store, listening: listening())
            return Response.uncached(report.lines.joined(separator: "\n") + "\n", status: report.ready ? .ok : .serviceUnavailable)
        }
    }

    /// A worker's server: the probes alone.
    public static func workerApplication(store: any NewsStore, hostname: String, port: Int, logger: Logger) -> some ApplicationProtocol {
        let router = Router()
        add(to: router, store: store) { nil }
        return Application(router: router, configuration: .init(address: .hostname(hostname, port: port), serverName: "EnbekshiQazaQ"), logger: logger)
    }
}
