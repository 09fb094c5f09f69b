import Foundation
import GRDB

extension SQLiteStore {
    public func recordQueueSample(_ sample: QueueSample) async throws {
        let at = StoreDate.string(sample.at)
        let oldest = StoreDate.string(sample.at.addingTimeInterval(-QueueSample.kept))
        try await write { db in
            try db.execute(sql: "DELETE FROM queue_samples WHERE at < ?", arguments: [oldest])
            try db.execute(
                sql: """
                    INSERT OR REPLACE INTO queue_samples (at, translation_pending, translation_failed, oldest_job_seconds, review_items, feeds_failing)
                    VALUES (?, ?, ?, ?, ?, ?)
                    """,
                arguments: [at, sample.translationPending, sample.translationFailed, sample.oldestJobSeconds, sample.reviewItems, sample.feedsFailing])
        }
    }

    public func queueSamples(since: Date) async throws -> [QueueSample] {
        try await database.read { db in
            try Row.fetchAll(
                db,
                sql: """
                    SELECT at, translation_pending, translation_failed, oldest_job_seconds, review_items, feeds_failing
                    FROM queue_samples WHERE at >= ? ORDER BY at
                    """,
                arguments: [StoreDate.string(since)]
            ).compactMap { row in
                guard let at = StoreDate.date(row["at"]) else { return nil }
                return QueueSample(
                    at: at, translationPending: row["translation_pending"], translationFailed: row["translation_failed"],
                    oldestJobSeconds: row["oldest_job_seconds"], reviewItems: row["review_items"], feedsFailing: row["feeds_failing"])
            }
        }
    }
}
