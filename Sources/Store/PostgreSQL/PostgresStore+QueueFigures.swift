import Foundation
import PostgresNIO

extension PostgresStore {
    public func recordQueueSample(_ sample: QueueSample) async throws {
        try await execute(
            """
            WITH pruned AS (DELETE FROM queue_samples WHERE at < \(sample.at.addingTimeInterval(-QueueSample.kept)))
            INSERT INTO queue_samples (at, translation_pending, translation_failed, oldest_job_seconds, review_items, feeds_failing)
            VALUES (\(sample.at), \(Int32(clamping: sample.translationPending)), \(Int32(clamping: sample.translationFailed)),
                \(sample.oldestJobSeconds), \(Int32(clamping: sample.reviewItems)), \(Int32(clamping: sample.feedsFailing)))
            ON CONFLICT (at) DO UPDATE SET translation_pending = excluded.translation_pending,
                translation_failed = excluded.translation_failed, oldest_job_seconds = excluded.oldest_job_seconds,
                review_items = excluded.review_items, feeds_failing = excluded.feeds_failing
            """)
    }

    public func queueSamples(since: Date) async throws -> [QueueSample] {
        try await rows(
            """
            SELECT at, translation_pending, translation_failed, oldest_job_seconds, review_items, feeds_failing
            FROM queue_samples WHERE at >= \(since) ORDER BY at
            """
        ).map { row in
            QueueSample(
                at: try row["at"].decode(Date.self), translationPending: Int(try row["translation_pending"].decode(Int32.self)),
                translationFailed: Int(try row["translation_failed"].decode(Int32.self)),
                oldestJobSeconds: try row["oldest_job_seconds"].decode(Double.self), reviewItems: Int(try row["review_items"].decode(Int32.self)),
                feedsFailing: Int(try row["feeds_failing"].decode(Int32.self)))
        }
    }
}
