import Foundation
import Hummingbird
import Metrics
import NIOCore
import Store

/// `/metrics`: what swift-metrics recorded, and the figures read from the store at each scrape
/// (leases, queues, failing feeds, the leader's latest sample of the review queue), for the allowed networks only; anyone else gets 403.
enum MetricsRoute {
    static func add<Context: RequestContext & RemoteAddressRequestContext>(
        to router: Router<Context>, store: any NewsStore, cache: PageCache?, allowed: AllowedNetworks
    ) {
        router.get("/metrics") { _, context in
            guard allowed.contains(context.remoteAddress) else {
                return Response.uncached("metrics are served to the addresses in --metrics-allow only\n", status: .forbidden)
            }
            await recordStoreFigures(store)
            if let cache {
                Gauge(label: "page_cache_entries").record(cache.count)
                Gauge(label: "page_cache_bytes").record(cache.bytes(where: { _ in true }))
            }
            var response = Response.uncached(Vitals.registry.emitToString())
            response.headers[.contentType] = "text/plain; version=0.0.4; charset=utf-8"
            return response
        }
    }

    /// Figures only the store knows; a store that does not answer leaves them as they were and
    /// says so in `store_up`.
    static func recordStoreFigures(_ store: any NewsStore) async {
        do {
            let leases = try await store.leaseStatistics(now: Date())
            Gauge(label: "leases", dimensions: [("state", "held")]).record(leases.held)
            Gauge(label: "leases", dimensions: [("state", "expired")]).record(leases.expired)
            Gauge(label: "harvest_feeds_due").record(leases.due)
            let queue = try await store.translationQueueCounts()
            Gauge(label: "translation_queue_depth").record(queue.pending)
            Gauge(label: "translation_jobs_failed").record(queue.failed)
            let oldest = try await store.dueTranslationJobs(now: Date(), limit: 1).first
            Gauge(label: "translation_oldest_job_age_seconds").record(oldest.map { max(0, Date().timeIntervalSince($0.nextAttemptAt)) } ?? 0)
            // The review queue is composed by the editors' room: the leader samples it (`QueueSampler`).
            if let sample = try await store.queueSamples(since: Date().addingTimeInterval(-3600)).last {
                Gauge(label: "review_queue_items").record(sample.reviewItems)
                Gauge(label: "queue_sample_age_seconds").record(max(0, Date().timeIntervalSince(sample.at)))
            }
            let states = try await store.harvestStates()
            Gauge(label: "harvest_feeds_failing").record(states.filter { $0.consecutiveFailures > 0 }.count)
            Gauge(label: "store_up").record(1)
        } catch {
            Gauge(label: "store_up").record(0)
        }
    }
}
