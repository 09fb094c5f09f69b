import Foundation
import Store

/// What the operator's view shows: the harvest's figures over the last day (hourly) or month
/// (daily), for the deployment or one source, beside the queues and leases as they stand now.
struct OperationsModel: Sendable {
    enum Span: String, Sendable, CaseIterable {
        case day, month

        var seconds: TimeInterval { self == .day ? 86_400 : 30 * 86_400 }
        var bucket: TimeInterval { self == .day ? 3600 : 86_400 }
        var label: String { self == .day ? "the last 24 hours, per hour" : "the last 30 days, per day" }
    }

    var span: Span
    var source: String?
    /// One entry per hour or day of the span, zeros where nothing was recorded.
    var buckets: [HarvestHour]
    /// The queues' peaks in the same buckets, sampled by the leader; nil where no sample was taken.
    var queues: [QueueSample?]
    var failing: [HarvestState]
    /// The queues as they stand.
    var current: QueueSample
    var leases: LeaseStatistics

    /// Reads the form (`span`, `source`); a value it does not know is a 400, never a guess.
    static func load(store: any NewsStore, form: [String: String], now: Date = Date()) async throws -> OperationsModel {
        let span: Span
        switch form["span"] {
        case nil, "": span = .day
        case let value?:
            guard let known = Span(rawValue: value) else { throw AdminError.badForm("span is day or month.") }
            span = known
        }
        var source = form["source"]?.trimmingCharacters(in: .whitespaces)
        if source?.isEmpty == true { source = nil }
        if let slug = source {
            guard slug.count <= 100, try await !store.sources(slugs: [slug]).isEmpty else {
                throw AdminError.badForm("No source is called \(slug).")
            }
        }
        let start = now.addingTimeInterval(-span.seconds)
        let recorded = try await store.harvestFigures(since: start, source: source, daily: span == .month)
        var byBucket: [Date: HarvestHour] = [:]
        for figures in recorded { byBucket[HarvestHour.start(of: figures.hour, spanning: span.bucket)] = figures }
        let last = HarvestHour.start(of: now, spanning: span.bucket)
        let buckets = (0..<Int(span.seconds / span.bucket)).reversed().map { back in
            let hour = last.addingTimeInterval(-Double(back) * span.bucket)
            return byBucket[hour] ?? HarvestHour(hour: hour, source: source ?? "")
        }
        let states = try await store.harvestStates().filter { $0.consecutiveFailures > 0 && (source == nil || $0.source == source) }
        // The queues as they stand count as a sample of this hour, so its bar is never behind the figures beside it.
        let current = try await QueueSampler.sample(store: store, now: now)
        let queues = QueueSampler.peaks(try await store.queueSamples(since: start) + [current], starts: buckets.map(\.hour), spanning: span.bucket)
        return OperationsModel(
            span: span, source: source, buckets: buckets, queues: queues,
            failing: Array(states.sorted { ($0.consecutiveFailures, $0.source) > ($1.consecutiveFailures, $1.source) }.prefix(50)),
            current: current, leases: try await store.leaseStatistics(now: now))
    }
}
