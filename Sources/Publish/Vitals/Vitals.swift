import Foundation
import Metrics
import Prometheus

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
        let dimensions = [("route", route), ("method", method), ("status", "\(status / 100)xx")]
        Counter(label: "http_requests_total", dimensions: dimensions).increment()
        Metrics.Timer(label: "http_request_duration_seconds", dimensions: dimensions).recordNanoseconds(
            duration.components.seconds * 1_000_000_000 + duration.components.attoseconds / 1_000_000_000)
    }

    /// A page-cache lookup: answered on the event loop, by the responder, or rendered.
    static func pageCache(_ result: String) {
        Counter(label: "page_cache_requests_total", dimensions: [("result", result)]).increment()
    }
}
