import EnbekshiCore
import Foundation
import GRDB

extension SQLiteStore {
    public func saveFingerprint(_ fingerprint: StoredFingerprint, language: Language, day: String) async throws {
        try await database.write { db in
            try db.execute(
                sql: """
                    INSERT INTO story_fingerprints (article_id, lang, published_day, signature, tokens) VALUES (?, ?, ?, ?, ?)
                    ON CONFLICT (article_id, lang) DO UPDATE SET published_day = excluded.published_day,
                    signature = excluded.signature, tokens = excluded.tokens
                    """,
                arguments: [fingerprint.articleID, language.rawValue, day, fingerprint.signature, fingerprint.tokens])
        }
    }

    public func fingerprints(language: Language, fromDay: String, toDay: String, excluding articleID: Int64) async throws
        -> [StoredFingerprint]
    {
        try await database.read { db in
            try Row.fetchAll(
                db,
                sql: """
                    SELECT f.article_id, a.story_id, f.signature, f.tokens FROM story_fingerprints f
                    JOIN articles a ON a.id = f.article_id
                    WHERE f.lang = ? AND f.published_day BETWEEN ? AND ? AND f.article_id <> ?
                    ORDER BY f.article_id LIMIT 5000
                    """,
                arguments: [language.rawValue, fromDay, toDay, articleID]
            ).map { row in
                StoredFingerprint(
                    articleID: row["article_id"], storyID: row["story_id"], signature: row["signature"], tokens: row["tokens"])
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
}
