import EnbekshiCore
import Foundation
import GRDB

extension SQLiteStore {
    /// The texts deflated, on every core.
    public func prepareSave(_ batch: [BulkArticle]) async -> PreparedSave {
        PreparedSave(items: batch, payload: .packed(await Self.packed(batch)))
    }

    static func packed(_ batch: [BulkArticle]) async -> [PackedTexts] {
        await batch.concurrentMap { PackedTexts($0.version) }
    }

    /// One commit per batch instead of one per version, the texts deflated by `prepareSave`.
    @discardableResult
    public func saveBatch(_ prepared: PreparedSave, fence: Lease?) async throws -> [(outcome: SaveOutcome, articleID: Int64)] {
        let now = StoreDate.string(Date())
        let batch = prepared.items
        let packed: [PackedTexts]
        if case .packed(let made) = prepared.payload, made.count == batch.count { packed = made } else { packed = await Self.packed(batch) }
        return try await write { db in
            try Self.checkFence(fence, db: db)
            var saved: [(outcome: SaveOutcome, articleID: Int64)] = []
            saved.reserveCapacity(batch.count)
            for (item, packed) in zip(batch, packed) {
                let (outcome, articleID) = try Self.save(
                    item.version, packed: packed, topics: item.topics, for: item.key, requested: item.requested,
                    now: now, db: db)
                saved.append((outcome, articleID))
                // Story links are written by a second transaction after this one; until then the text
                // is owed them, so a kill between the two is finished by the next run.
                if outcome != .unchanged, item.owesStoryLinks {
                    try db.cachedStatement(sql: "INSERT OR IGNORE INTO story_pending (article_id, lang) VALUES (?, ?)")
                        .execute(arguments: [articleID, item.version.language.rawValue])
                }
                if let original = item.copyOf,
                    let leader = try Int64.fetchOne(
                        db, sql: "SELECT COALESCE(story_id, id) FROM articles WHERE project = ? AND govkz_id = ?",
                        arguments: [original.project, original.govkzID])
                {
                    try db.execute(sql: "UPDATE articles SET story_id = ? WHERE id = ? AND story_id IS NULL", arguments: [leader, leader])
                    try db.execute(sql: "UPDATE articles SET story_id = ? WHERE id = ?", arguments: [leader, articleID])
                }
            }
            return saved
        }
    }

    /// Bytes of the database file and its WAL.
    public func storageBytes() async throws -> Int {
        [path, path + "-wal"].reduce(0) { total, file in
            total + ((try? FileManager.default.attributesOfItem(atPath: file)[.size] as? Int) ?? 0)
        }
    }
}
