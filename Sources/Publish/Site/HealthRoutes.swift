import Hummingbird
import Logging
import Store

/// The probes every process answers, never cached (`PageCache.isCacheable`) nor stored by a proxy:
/// `/healthz` ("ok" without touching the database), `/livez` (the process answers), `/readyz`
/// (`Readiness`) and `/metrics` (`MetricsRoute`). A worker answers only these.
public enum HealthRoutes {
    static func add<Context: RequestContext & RemoteAddressRequestContext>(
        to router: Router<Context>, store: any NewsStore, cache: PageCache?, metricsAllowed: AllowedNetworks,
        listening: @escaping @Sendable () -> Bool?
    ) {
        MetricsRoute.add(to: router, store: store, cache: cache, allowed: metricsAllowed)
        router.get("/healthz") { _, _ in "ok\n" }
        router.get("/livez") { _, _ in Response.uncached("live\n") }
        router.get("/readyz") { _, _ in
            let report = await Readiness.check(store, listening: listening())
            return Response.uncached(report.lines.joined(separator: "\n") + "\n", status: report.ready ? .ok : .serviceUnavailable)
        }
    }

    /// A worker's server: the probes and `/metrics` alone.
    public static func workerApplication(
        store: any NewsStore, hostname: String, port: Int, metricsAllowed: AllowedNetworks = .loopback, logger: Logger
    ) -> some ApplicationProtocol {
        let router = Router(context: SiteRequestContext.self)
        router.add(middleware: RouteRecorder())
        add(to: router, store: store, cache: nil, metricsAllowed: metricsAllowed) { nil }
        return Application(
            responder: MeasuredResponder(wrapped: router.buildResponder()),
            configuration: .init(address: .hostname(hostname, port: port), serverName: "EnbekshiQazaQ"), logger: logger)
    }
}
