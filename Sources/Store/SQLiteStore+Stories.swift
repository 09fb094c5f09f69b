import EnbekshiCore
import Foundation
import GRDB

extension SQLiteStore {
    public func saveFingerprint(_ fingerprint: StoredFingerprint, language: Language, day: String) async throws {
        try await database.write { db in
            try db.execute(
                sql: """
                    INSERT INTO story_fingerprints (article_id, lang, published_day, signature, tokens, topic)
                    VALUES (?, ?, ?, ?, ?, ?)
                    ON CONFLICT (article_id, lang) DO UPDATE SET published_day = excluded.published_day,
                    signature = excluded.signature, tokens = excluded.tokens, topic = excluded.topic
                    """,
                arguments: [
                    fingerprint.articleID, language.rawValue, day, fingerprint.signature, fingerprint.tokens, fingerprint.topic,
                ])
        }
    }

    public func fingerprints(language: Language, fromDay: String, toDay: String, excluding articleID: Int64) async throws
        -> [StoredFingerprint]
    {
        try await database.read { db in
            try Row.fetchAll(
                db,
                sql: """
                    SELECT f.article_id, a.story_id, f.signature, f.tokens, f.topic FROM story_fingerprints f
                    JOIN articles a ON a.id = f.article_id
                    WHERE f.lang = ? AND f.published_day BETWEEN ? AND ? AND f.article_id <> ?
                    ORDER BY f.article_id LIMIT 5000
                    """,
                arguments: [language.rawValue, fromDay, toDay, articleID]
            ).map { row in
                StoredFingerprint(
                    articleID: row["article_id"], storyID: row["story_id"], signature: row["signature"], tokens: row["tokens"],
                    topic: row["topic"])
            }
        }
    }

    public func joinStory(articleID: Int64, with other: Int64) async throws {
        try await database.write { db in
            let leader = try Int64.fetchOne(db, sql: "SELECT COALESCE(story_id, id) FROM articles WHERE id = ?", arguments: [other])
                ?? other
            try db.execute(sql: "UPDATE articles SET story_id = ? WHERE id = ? AND story_id IS NULL", arguments: [leader, other])
            try db.execute(sql: "UPDATE articles SET story_id = ? WHERE id = ?", arguments: [leader, articleID])
        }
    }

    public func storyMembers(storyID: Int64) async throws -> [(id: Int64, key: ArticleKey)] {
        try await database.read { db in
            try Row.fetchAll(
                db, sql: "SELECT id, project, govkz_id FROM articles WHERE story_id = ? ORDER BY (id = ?) DESC, id",
                arguments: [storyID, storyID]
            ).map { ($0["id"], ArticleKey(project: $0["project"], govkzID: $0["govkz_id"])) }
        }
    }

    public func storyPublishers(storyIDs: [Int64]) async throws -> [Int64: [String]] {
        guard !storyIDs.isEmpty else { return [:] }
        return try await database.read { db in
            var publishers: [Int64: [String]] = [:]
            let rows = try Row.fetchCursor(
                db,
                sql: """
                    SELECT story_id, project FROM articles WHERE story_id IN (\(databaseQuestionMarks(count: storyIDs.count)))
                    ORDER BY story_id, id
                    """,
                arguments: StatementArguments(storyIDs))
            while let row = try rows.next() {
                let story: Int64 = row["story_id"], project: String = row["project"]
                if publishers[story]?.contains(project) != true { publishers[story, default: []].append(project) }
            }
            return publishers
        }
    }

    public func relate(_ articleID: Int64, to others: [(id: Int64, score: Double)]) async throws {
        guard !others.isEmpty else { return }
        try await database.write { db in
            for other in others where other.id != articleID {
                for (a, b) in [(articleID, other.id), (other.id, articleID)] {
                    try db.execute(
                        sql: """
                            INSERT INTO related_articles (article_id, related_id, score) VALUES (?, ?, ?)
                            ON CONFLICT (article_id, related_id) DO UPDATE SET score = excluded.score
                            """,
                        arguments: [a, b, other.score])
                }
            }
        }
    }

    public func relatedArticles(to articleID: Int64, limit: Int) async throws -> [Int64] {
        try await database.read { db in
            // A related article that has since joined this one's story is no longer "related".
            try Int64.fetchAll(
                db,
                sql: """
                    SELECT r.related_id FROM related_articles r
                    JOIN articles a ON a.id = r.article_id JOIN articles b ON b.id = r.related_id
                    WHERE r.article_id = ? AND COALESCE(a.story_id, a.id) <> COALESCE(b.story_id, b.id)
                    ORDER BY r.score DESC, r.related_id DESC LIMIT ?
                    """,
                arguments: [articleID, limit])
        }
    }
}
