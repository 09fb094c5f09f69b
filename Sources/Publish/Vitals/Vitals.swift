import Foundation
import Metrics
import Prometheus
import Synchronization

/// The process's vital signs in Prometheus's text format (`/metrics`). Every stage records through
/// swift-metrics; the first use of `registry` points swift-metrics at it, once per process.
public enum Vitals {
    public static let registry: PrometheusCollectorRegistry = {
        let registry = PrometheusCollectorRegistry()
        var factory = PrometheusMetricsFactory(registry: registry)
        factory.defaultDurationHistogramBuckets = [
            .microseconds(100), .milliseconds(1), .milliseconds(5), .milliseconds(10), .milliseconds(25), .milliseconds(50),
            .milliseconds(100), .milliseconds(250), .milliseconds(500), .seconds(1), .seconds(2.5), .seconds(5), .seconds(10),
        ]
        factory.durationHistogramBuckets["harvest_lag_seconds"] = [
            .seconds(10), .seconds(30), .seconds(60), .seconds(300), .seconds(900), .seconds(3600), .seconds(4 * 3600),
            .seconds(86_400), .seconds(7 * 86_400),
        ]
        MetricsSystem.bootstrap(factory)
        return registry
    }()

    /// Turns recording on: before it, swift-metrics records nothing.
    public static func start() {
        _ = registry
    }

    /// One answered HTTP request, by route template (never the raw path: the series stay few).
    static func request(route: String, method: String, status: Int, duration: Duration) {
        start()
        let key = RequestKey(route: route, method: method, statusClass: status / 100)
        let (counter, timer) = requestMetrics.withLock { known in
            if let found = known[key] { return found }
            let dimensions = [("route", route), ("method", method), ("status", "\(key.statusClass)xx")]
            let made = (Metrics.Counter(label: "http_requests_total", dimensions: dimensions),
                        Metrics.Timer(label: "http_request_duration_seconds", dimensions: dimensions))
            known[key] = made
            return made
        }
        counter.increment()
        timer.recordNanoseconds(duration.components.seconds * 1_000_000_000 + duration.components.attoseconds / 1_000_000_000)
    }

    /// A page-cache lookup: answered on the event loop (`hit_event_loop`), by the responder (`hit`), or rendered (`miss`).
    static func pageCache(_ result: String) {
        start()
        let counter = cacheCounters.withLock { known in
            if let found = known[result] { return found }
            let made = Metrics.Counter(label: "page_cache_requests_total", dimensions: [("result", result)])
            known[result] = made
            return made
        }
        counter.increment()
    }

    // Handles kept once made (after `start`, so none is a no-op handle made before it): cached pages are answered on the event loop at tens of thousands a
    // second, and making a handle builds its labels and searches the registry each time.
    struct RequestKey: Hashable {
        var route: String
        var method: String
        var statusClass: Int
    }

    private static let requestMetrics = Mutex<[RequestKey: (Metrics.Counter, Metrics.Timer)]>([:])
    private static let cacheCounters = Mutex<[String: Metrics.Counter]>([:])
}
