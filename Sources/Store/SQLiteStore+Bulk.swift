import EnbekshiCore
import Foundation
import GRDB

/// One article for a bulk load: its version, topics and, for a copy, the article whose story it joins.
public struct BulkArticle: Sendable {
    public var key: ArticleKey
    public var version: ArticleVersion
    public var topics: ArticleTopics?
    public var copyOf: ArticleKey?

    public init(key: ArticleKey, version: ArticleVersion, topics: ArticleTopics?, copyOf: ArticleKey?) {
        self.key = key
        self.version = version
        self.topics = topics
        self.copyOf = copyOf
    }
}

extension SQLiteStore {
    /// Saves many articles in one transaction through the same statements as `save`, for the
    /// benchmark corpus: one commit per batch instead of one per version.
    public func saveBatch(_ batch: [BulkArticle]) async throws {
        let now = StoreDate.string(Date())
        let packed = batch.map { PackedTexts($0.version) }
        try await database.write { db in
            for (item, packed) in zip(batch, packed) {
                let (_, articleID) = try Self.save(
                    item.version, packed: packed, topics: item.topics, for: item.key, requested: item.version.language,
                    now: now, db: db)
                if let original = item.copyOf,
                    let leader = try Int64.fetchOne(
                        db, sql: "SELECT COALESCE(story_id, id) FROM articles WHERE project = ? AND govkz_id = ?",
                        arguments: [original.project, original.govkzID])
                {
                    try db.execute(sql: "UPDATE articles SET story_id = ? WHERE id = ? AND story_id IS NULL", arguments: [leader, leader])
                    try db.execute(sql: "UPDATE articles SET story_id = ? WHERE id = ?", arguments: [leader, articleID])
                }
            }
        }
    }

    /// Bytes of the database file and its WAL.
    public func fileBytes() -> Int {
        [path, path + "-wal"].reduce(0) { total, file in
            total + ((try? FileManager.default.attributesOfItem(atPath: file)[.size] as? Int) ?? 0)
        }
    }
}
