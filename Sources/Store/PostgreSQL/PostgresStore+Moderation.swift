import EnbekshiCore
import Foundation
import PostgresNIO

extension PostgresStore {
    @discardableResult public func hide(articleID: Int64, reason: String, actor: String, at: Date) async throws -> Bool {
        let logger = logger
        return try await transaction { connection in
            guard
                let story = try await Self.rows("SELECT story_id FROM articles WHERE id = \(articleID) FOR UPDATE", on: connection, logger: logger)
                    .first
            else { return false }
            let inserted = try await Self.rows(
                """
                INSERT INTO hidden_articles (article_id, reason, actor, hidden_at) VALUES (\(articleID), \(reason), \(actor), \(at))
                ON CONFLICT DO NOTHING RETURNING article_id
                """, on: connection, logger: logger)
            guard !inserted.isEmpty else { return false }
            try await Self.run("UPDATE articles SET listed = FALSE WHERE id = \(articleID)", on: connection, logger: logger)
            // A story is shown by its leader: the next visible copy takes the lead.
            if try story["story_id"].decode(Int64?.self) == articleID,
                let next = try await Self.rows(
                    """
                    SELECT id FROM articles WHERE story_id = \(articleID) AND id <> \(articleID)
                    AND id NOT IN (SELECT article_id FROM hidden_articles) ORDER BY id LIMIT 1
                    """, on: connection, logger: logger
                ).first
            {
                let nextID = try next["id"].decode(Int64.self)
                try await Self.run("UPDATE articles SET story_id = \(nextID) WHERE story_id = \(articleID)", on: connection, logger: logger)
            }
            return true
        }
    }

    @discardableResult public func deleteForGood(articleID: Int64) async throws -> Bool {
        let logger = logger
        return try await transaction { connection in
            guard !(try await Self.rows("SELECT 1 FROM hidden_articles WHERE article_id = \(articleID) FOR UPDATE", on: connection, logger: logger)).isEmpty
            else { return false }
            // Hidden copies that still named it as their story's lead lead nothing now.
            try await Self.run(
                "UPDATE articles SET story_id = NULL WHERE story_id = \(articleID) AND id <> \(articleID)", on: connection, logger: logger)
            try await Self.run("DELETE FROM story_decisions WHERE other_id = \(articleID)", on: connection, logger: logger)
            return !(try await Self.rows("DELETE FROM articles WHERE id = \(articleID) RETURNING id", on: connection, logger: logger)).isEmpty
        }
    }

    @discardableResult public func unhide(articleID: Int64) async throws -> Bool {
        let logger = logger
        return try await transaction { connection in
            let deleted = try await Self.rows(
                "DELETE FROM hidden_articles WHERE article_id = \(articleID) RETURNING article_id", on: connection, logger: logger)
            guard !deleted.isEmpty else { return false }
            try await Self.run(
                """
                UPDATE articles SET listed = EXISTS (SELECT 1 FROM versions WHERE article_id = \(articleID) AND title <> '')
                WHERE id = \(articleID)
                """, on: connection, logger: logger)
            return true
        }
    }

    @discardableResult public func approve(articleID: Int64, language: Language, actor: String, at: Date) async throws -> Bool {
        try await !rows(
            """
            INSERT INTO reviewed_versions (article_id, lang, content_hash, actor, reviewed_at)
            SELECT article_id, lang, content_hash, \(actor), \(at) FROM versions WHERE article_id = \(articleID) AND lang = \(language.rawValue)
            ON CONFLICT (article_id, lang) DO UPDATE SET content_hash = excluded.content_hash, actor = excluded.actor,
            reviewed_at = excluded.reviewed_at
            RETURNING article_id
            """
        ).isEmpty
    }

    public func hiddenArticle(id: Int64) async throws -> HiddenArticle? {
        try await rows("SELECT * FROM hidden_articles WHERE article_id = \(id)").first.map(Self.hidden)
    }

    public func hiddenArticles(limit: Int) async throws -> [HiddenArticle] {
        try await rows("SELECT * FROM hidden_articles ORDER BY hidden_at DESC, article_id DESC LIMIT \(Int64(max(0, limit)))").map(Self.hidden)
    }

    static func hidden(_ row: PostgresRandomAccessRow) throws -> HiddenArticle {
        HiddenArticle(
            articleID: try row["article_id"].decode(Int64.self), reason: try row["reason"].decode(String.self),
            actor: try row["actor"].decode(String.self), at: try row["hidden_at"].decode(Date.self))
    }
}
