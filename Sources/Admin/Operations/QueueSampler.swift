import Foundation
import Store

/// What the leader samples every few minutes for the operator's view and `/metrics`: the
/// translation backlog, the review queue as the room counts it, and the feeds failing.
public enum QueueSampler {
    public static func sample(store: any NewsStore, now: Date = Date()) async throws -> QueueSample {
        let counts = try await store.translationQueueCounts()
        let oldest = try await store.dueTranslationJobs(now: now, limit: 1).first
        let review = try await QueueModel.load(store: store, filter: QueueFilter(), now: now)
        let failing = try await store.harvestStates().filter { $0.consecutiveFailures > 0 }.count
        return QueueSample(
            at: now, translationPending: counts.pending, translationFailed: counts.failed,
            oldestJobSeconds: oldest.map { max(0, now.timeIntervalSince($0.nextAttemptAt)) } ?? 0, reviewItems: review.total,
            feedsFailing: failing)
    }

    /// The largest figures sampled in each bucket of `seconds` starting at `starts`; nil where
    /// nothing was sampled (the leader was down, or the span began before the first sample).
    static func peaks(_ samples: [QueueSample], starts: [Date], spanning seconds: TimeInterval) -> [QueueSample?] {
        var byBucket: [Date: QueueSample] = [:]
        for sample in samples {
            let bucket = HarvestHour.start(of: sample.at, spanning: seconds)
            guard var peak = byBucket[bucket] else {
                var first = sample
                first.at = bucket
                byBucket[bucket] = first
                continue
            }
            peak.translationPending = max(peak.translationPending, sample.translationPending)
            peak.translationFailed = max(peak.translationFailed, sample.translationFailed)
            peak.oldestJobSeconds = max(peak.oldestJobSeconds, sample.oldestJobSeconds)
            peak.reviewItems = max(peak.reviewItems, sample.reviewItems)
            peak.feedsFailing = max(peak.feedsFailing, sample.feedsFailing)
            byBucket[bucket] = peak
        }
        return starts.map { byBucket[$0] }
    }
}
