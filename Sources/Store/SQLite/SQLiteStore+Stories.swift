import EnbekshiCore
import Foundation
import GRDB

extension SQLiteStore {
    public func fingerprints(language: Language, fromDay: Day, toDay: Day) async throws
        -> [StoredFingerprint]
    {
        var days: [String] = []
        var day = fromDay
        while day <= toDay {
            days.append(day.description)
            let next = day.adding(days: 1)
            if next == day { break }
            day = next
        }
        // A month at a time, the window the cache keeps; on the writer, because the cache is kept by
        // its closures (see `StoryWindowCache`).
        var found: [StoredFingerprint] = []
        for month in days.chunks(of: 32) {
            found += try await fingerprints(language: language, days: month)
        }
        return found
    }

    func fingerprints(language: Language, days: [String]) async throws -> [StoredFingerprint] {
        try await database.writeWithoutTransaction { [days] db in
            self.storyWindows.validate(dataVersion: try Int64.fetchOne(db, sql: "PRAGMA data_version") ?? 0)
            return try self.storyWindows.fingerprints(language: language, days: days) { missing in
                try Row.fetchAll(
                    db,
                    sql: """
                        SELECT article_id, published_day, signature, tokens, topic FROM story_fingerprints
                        WHERE lang = ? AND published_day IN (\(databaseQuestionMarks(count: missing.count)))
                        """,
                    arguments: StatementArguments([language.rawValue] + missing)
                ).compactMap { row in
                    StoredFingerprint(
                        articleID: row["article_id"], day: row["published_day"], signature: row["signature"],
                        tokens: row["tokens"] ?? "", topic: row["topic"])
                }
            }
        }
    }

    public func pendingStoryTexts(limit: Int) async throws -> [PendingStoryText] {
        try await database.read { db in
            try Row.fetchAll(
                db,
                sql: """
                    SELECT p.article_id, p.lang, v.title, v.body_html, a.published_local FROM story_pending p
                    JOIN versions v ON v.article_id = p.article_id AND v.lang = p.lang
                    JOIN articles a ON a.id = p.article_id
                    ORDER BY p.article_id, p.lang LIMIT ?
                    """,
                arguments: [limit]
            ).compactMap { row in
                guard let language = Language(rawValue: row["lang"]) else { return nil }
                // A body that cannot be read is placed as an empty text: its fingerprint is still written.
                let body = PackedText.unpack(row["body_html"]) ?? ""
                let published: String = row["published_local"] ?? ""
                return PendingStoryText(
                    articleID: row["article_id"], language: language, title: row["title"] ?? "", bodyHTML: body,
                    day: String(published.prefix(10)))
            }
        }
    }

    public func storyLeaders(of articleIDs: [Int64]) async throws -> [Int64: Int64] {
        guard !articleIDs.isEmpty else { return [:] }
        return try await database.read { db in
            var leaders: [Int64: Int64] = [:]
            for row in try Row.fetchAll(
                db, sql: "SELECT id, COALESCE(story_id, id) FROM articles WHERE id IN (\(databaseQuestionMarks(count: articleIDs.count)))",
                arguments: StatementArguments(articleIDs))
            {
                leaders[row[0]] = row[1]
            }
            return leaders
        }
    }

    public func saveStoryLinks(_ links: [StoryLinks]) async throws {
        guard !links.isEmpty else { return }
        try await write { db in
            for link in links {
                let fingerprint = link.fingerprint
                try db.cachedStatement(
                    sql: """
                        INSERT INTO story_fingerprints (article_id, lang, published_day, signature, tokens, topic)
                        VALUES (?, ?, ?, ?, ?, ?)
                        ON CONFLICT (article_id, lang) DO UPDATE SET published_day = excluded.published_day,
                        signature = excluded.signature, tokens = excluded.tokens, topic = excluded.topic
                        """
                ).execute(
                    arguments: [
                        fingerprint.articleID, link.language.rawValue, fingerprint.day, fingerprint.signatureValue,
                        fingerprint.tokens, fingerprint.topicValue,
                    ])
                self.storyWindows.store(fingerprint, language: link.language)
                try db.cachedStatement(sql: "DELETE FROM story_pending WHERE article_id = ? AND lang = ?")
                    .execute(arguments: [fingerprint.articleID, link.language.rawValue])
                if let other = link.joins { try Self.joinStory(articleID: fingerprint.articleID, with: other, db: db) }
                try Self.relate(fingerprint.articleID, to: link.related, db: db)
            }
        }
    }

    public func joinStory(articleID: Int64, with other: Int64) async throws {
        try await write { db in try Self.joinStory(articleID: articleID, with: other, db: db) }
    }

    static func joinStory(articleID: Int64, with other: Int64, db: Database) throws {
        let leader = try Int64.fetchOne(
            db.cachedStatement(sql: "SELECT COALESCE(story_id, id) FROM articles WHERE id = ?"), arguments: [other]) ?? other
        try db.cachedStatement(sql: "UPDATE articles SET story_id = ? WHERE id = ? AND story_id IS NULL").execute(arguments: [leader, other])
        try db.cachedStatement(sql: "UPDATE articles SET story_id = ? WHERE id = ?").execute(arguments: [leader, articleID])
    }

    public func storyMembers(storyID: Int64) async throws -> [(id: Int64, key: ArticleKey)] {
        try await database.read { db in
            try Row.fetchAll(
                // Copies the newsroom hid are no part of what readers see of a story.
                db,
                sql: """
                    SELECT id, project, govkz_id FROM articles WHERE story_id = ?
                    AND id NOT IN (SELECT article_id FROM hidden_articles) ORDER BY (id = ?) DESC, id
                    """,
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
                    AND id NOT IN (SELECT article_id FROM hidden_articles) ORDER BY story_id, id
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
        try await write { db in try Self.relate(articleID, to: others, db: db) }
    }

    static func relate(_ articleID: Int64, to others: [(id: Int64, score: Double)], db: Database) throws {
        for other in others where other.id != articleID {
            for (a, b) in [(articleID, other.id), (other.id, articleID)] {
                try db.cachedStatement(
                    sql: """
                        INSERT INTO related_articles (article_id, related_id, score) VALUES (?, ?, ?)
                        ON CONFLICT (article_id, related_id) DO UPDATE SET score = excluded.score
                        """
                ).execute(arguments: [a, b, other.score])
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
                    AND r.related_id NOT IN (SELECT article_id FROM hidden_articles)
                    ORDER BY r.score DESC, r.related_id DESC LIMIT ?
                    """,
                arguments: [articleID, limit])
        }
    }
}
