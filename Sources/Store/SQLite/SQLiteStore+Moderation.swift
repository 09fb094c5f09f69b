import EnbekshiCore
import Foundation
import GRDB

extension SQLiteStore {
    @discardableResult public func hide(articleID: Int64, reason: String, actor: String, at: Date) async throws -> Bool {
        try await write { db in
            guard let story = try Row.fetchOne(db, sql: "SELECT story_id FROM articles WHERE id = ?", arguments: [articleID]) else { return false }
            try db.execute(
                sql: "INSERT INTO hidden_articles (article_id, reason, actor, hidden_at) VALUES (?, ?, ?, ?) ON CONFLICT DO NOTHING",
                arguments: [articleID, reason, actor, StoreDate.string(at)])
            guard db.changesCount > 0 else { return false }
            try db.execute(sql: "UPDATE articles SET listed = 0 WHERE id = ?", arguments: [articleID])
            // A story is shown by its leader: the next visible copy takes the lead.
            if let leader: Int64 = story["story_id"], leader == articleID,
                let next = try Int64.fetchOne(
                    db,
                    sql: """
                        SELECT id FROM articles WHERE story_id = ? AND id <> ?
                        AND id NOT IN (SELECT article_id FROM hidden_articles) ORDER BY id LIMIT 1
                        """,
                    arguments: [articleID, articleID])
            {
                try db.execute(sql: "UPDATE articles SET story_id = ? WHERE story_id = ?", arguments: [next, articleID])
            }
            return true
        }
    }

    @discardableResult public func unhide(articleID: Int64) async throws -> Bool {
        try await write { db in
            try db.execute(sql: "DELETE FROM hidden_articles WHERE article_id = ?", arguments: [articleID])
            guard db.changesCount > 0 else { return false }
            try db.execute(
                sql: """
                    UPDATE articles SET listed = CASE WHEN EXISTS (SELECT 1 FROM versions WHERE article_id = ? AND title <> '') THEN 1 ELSE 0 END
                    WHERE id = ?
                    """,
                arguments: [articleID, articleID])
            return true
        }
    }

    @discardableResult public func deleteForGood(articleID: Int64) async throws -> Bool {
        try await write { db in
            guard try Bool.fetchOne(db, sql: "SELECT EXISTS (SELECT 1 FROM hidden_articles WHERE article_id = ?)", arguments: [articleID]) == true
            else { return false }
            // Hidden copies that still named it as their story's lead lead nothing now.
            try db.execute(sql: "UPDATE articles SET story_id = NULL WHERE story_id = ? AND id <> ?", arguments: [articleID, articleID])
            try db.execute(sql: "DELETE FROM story_decisions WHERE other_id = ?", arguments: [articleID])
            try db.execute(sql: "DELETE FROM articles WHERE id = ?", arguments: [articleID])
            return db.changesCount > 0
        }
    }

    @discardableResult public func approve(articleID: Int64, language: Language, actor: String, at: Date) async throws -> Bool {
        try await write { db in
            try db.execute(
                sql: """
                    INSERT INTO reviewed_versions (article_id, lang, content_hash, actor, reviewed_at)
                    SELECT article_id, lang, content_hash, ?, ? FROM versions WHERE article_id = ? AND lang = ?
                    ON CONFLICT (article_id, lang) DO UPDATE SET content_hash = excluded.content_hash, actor = excluded.actor,
                    reviewed_at = excluded.reviewed_at
                    """,
                arguments: [actor, StoreDate.string(at), articleID, language.rawValue])
            return db.changesCount > 0
        }
    }

    public func hiddenArticle(id: Int64) async throws -> HiddenArticle? {
        try await database.read { db in
            try Row.fetchOne(db, sql: "SELECT * FROM hidden_articles WHERE article_id = ?", arguments: [id]).map(Self.hidden)
        }
    }

    public func hiddenArticles(limit: Int) async throws -> [HiddenArticle] {
        try await database.read { db in
            try Row.fetchAll(db, sql: "SELECT * FROM hidden_articles ORDER BY hidden_at DESC, article_id DESC LIMIT ?", arguments: [max(0, limit)])
                .map(Self.hidden)
        }
    }

    static func hidden(_ row: Row) -> HiddenArticle {
        HiddenArticle(
            articleID: row["article_id"], reason: row["reason"], actor: row["actor"], at: StoreDate.date(row["hidden_at"]) ?? .distantPast)
    }
}
