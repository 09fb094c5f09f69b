import EnbekshiCore
import Foundation
import Logging
import PostgresNIO

extension PostgresStore {
    public func fingerprints(language: Language, fromDay: Day, toDay: Day) async throws -> [StoredFingerprint] {
        try await rows(
            """
            SELECT article_id, published_day, signature, tokens, topic FROM story_fingerprints
            WHERE lang = \(language.rawValue) AND published_day >= \(fromDay.description) AND published_day <= \(toDay.description)
            ORDER BY published_day, article_id
            """
        ).compactMap { row in
            StoredFingerprint(
                articleID: try row["article_id"].decode(Int64.self), day: try row["published_day"].decode(String.self),
                signatureBytes: Data(buffer: try row["signature"].decode(ByteBuffer.self)), tokens: try row["tokens"].decode(String.self),
                topicBytes: Data(buffer: try row["topic"].decode(ByteBuffer.self)))
        }
    }

    public func pendingStoryTexts(limit: Int) async throws -> [PendingStoryText] {
        try await rows(
            """
            SELECT p.article_id, p.lang, v.title, v.body_html, a.published_local FROM story_pending p
            JOIN versions v ON v.article_id = p.article_id AND v.lang = p.lang
            JOIN articles a ON a.id = p.article_id
            ORDER BY p.article_id, p.lang LIMIT \(Int64(max(0, limit)))
            """
        ).compactMap { row in
            guard let language = Language(rawValue: try row["lang"].decode(String.self)) else { return nil }
            return PendingStoryText(
                articleID: try row["article_id"].decode(Int64.self), language: language, title: try row["title"].decode(String.self),
                bodyHTML: try row["body_html"].decode(String.self), day: String(try row["published_local"].decode(String.self).prefix(10)))
        }
    }

    public func storyLeaders(of articleIDs: [Int64]) async throws -> [Int64: Int64] {
        guard !articleIDs.isEmpty else { return [:] }
        var leaders: [Int64: Int64] = [:]
        for row in try await rows("SELECT id, COALESCE(story_id, id) AS leader FROM articles WHERE id = ANY(\(Array(Set(articleIDs))))") {
            leaders[try row["id"].decode(Int64.self)] = try row["leader"].decode(Int64.self)
        }
        return leaders
    }

    /// Fingerprints, what is no longer owed and related links in one statement (each table's rows
    /// as arrays, the last of a repeated key winning as in turn); then the joins in order, since
    /// each reads the story the ones before it made.
    public func saveStoryLinks(_ links: [StoryLinks]) async throws {
        guard !links.isEmpty else { return }
        var prints: [String: Int] = [:]
        for (index, link) in links.enumerated() { prints["\(link.fingerprint.articleID)|\(link.language.rawValue)"] = index }
        let printed = links.indices.filter { prints["\(links[$0].fingerprint.articleID)|\(links[$0].language.rawValue)"] == $0 }
            .map { links[$0] }
        var related: [String: (a: Int64, b: Int64, score: Double)] = [:], order: [String] = []
        for link in links {
            let articleID = link.fingerprint.articleID
            for other in link.related where other.id != articleID {
                for (a, b) in [(articleID, other.id), (other.id, articleID)] {
                    let key = "\(a)|\(b)"
                    if related[key] == nil { order.append(key) }
                    related[key] = (a, b, other.score)
                }
            }
        }
        let pairs = order.compactMap { related[$0] }
        let logger = self.logger
        try await transaction { connection in
            try await Self.run(
                """
                WITH prints AS (
                    INSERT INTO story_fingerprints (article_id, lang, published_day, signature, tokens, topic)
                    SELECT * FROM unnest(\(printed.map(\.fingerprint.articleID))::bigint[], \(printed.map(\.language.rawValue))::text[],
                        \(printed.map(\.fingerprint.day))::text[], \(printed.map { ByteBuffer(data: $0.fingerprint.signatureBytes) })::bytea[],
                        \(printed.map(\.fingerprint.tokens))::text[], \(printed.map { ByteBuffer(data: $0.fingerprint.topicBytes) })::bytea[])
                    ON CONFLICT (article_id, lang) DO UPDATE SET published_day = excluded.published_day,
                    signature = excluded.signature, tokens = excluded.tokens, topic = excluded.topic),
                owed AS (
                    DELETE FROM story_pending p USING unnest(\(printed.map(\.fingerprint.articleID))::bigint[], \(printed.map(\.language.rawValue))::text[])
                    AS k(article_id, lang) WHERE p.article_id = k.article_id AND p.lang = k.lang)
                INSERT INTO related_articles (article_id, related_id, score)
                SELECT * FROM unnest(\(pairs.map(\.a))::bigint[], \(pairs.map(\.b))::bigint[], \(pairs.map(\.score))::float8[])
                ON CONFLICT (article_id, related_id) DO UPDATE SET score = excluded.score
                """, on: connection, logger: logger)
            for link in links {
                guard let other = link.joins else { continue }
                try await Self.joinStory(articleID: link.fingerprint.articleID, with: other, on: connection, logger: logger)
            }
        }
    }

    public func joinStory(articleID: Int64, with other: Int64) async throws {
        let logger = self.logger
        try await transaction { connection in
            try await Self.joinStory(articleID: articleID, with: other, on: connection, logger: logger)
        }
    }

    /// The article joins the story of `other` (which leads its own story if it had none).
    static func joinStory(articleID: Int64, with other: Int64, on connection: PostgresConnection, logger: Logger) async throws {
        try await run(
            """
            WITH leader AS (SELECT COALESCE(story_id, id) AS id FROM articles WHERE id = \(other)),
            own AS (UPDATE articles a SET story_id = leader.id FROM leader WHERE a.id = \(other) AND a.story_id IS NULL)
            UPDATE articles a SET story_id = COALESCE((SELECT id FROM leader), \(other)) WHERE a.id = \(articleID)
            """, on: connection, logger: logger)
    }

    public func storyMembers(storyID: Int64) async throws -> [(id: Int64, key: ArticleKey)] {
        // Copies the newsroom hid are no part of what readers see of a story.
        try await rows(
            """
            SELECT id, project, govkz_id FROM articles WHERE story_id = \(storyID)
            AND id NOT IN (SELECT article_id FROM hidden_articles) ORDER BY (id = \(storyID)) DESC, id
            """)
            .map { row in
                (try row["id"].decode(Int64.self), ArticleKey(project: try row["project"].decode(String.self), govkzID: try row["govkz_id"].decode(String.self)))
            }
    }

    public func storyPublishers(storyIDs: [Int64]) async throws -> [Int64: [String]] {
        guard !storyIDs.isEmpty else { return [:] }
        var publishers: [Int64: [String]] = [:]
        for row in try await rows(
            """
            SELECT story_id, project FROM articles WHERE story_id = ANY(\(Array(Set(storyIDs))))
            AND id NOT IN (SELECT article_id FROM hidden_articles) ORDER BY story_id, id
            """)
        {
            let story = try row["story_id"].decode(Int64.self), project = try row["project"].decode(String.self)
            if publishers[story]?.contains(project) != true { publishers[story, default: []].append(project) }
        }
        return publishers
    }

    public func relate(_ articleID: Int64, to others: [(id: Int64, score: Double)]) async throws {
        guard !others.isEmpty else { return }
        let logger = self.logger
        try await transaction { connection in try await Self.relate(articleID, to: others, on: connection, logger: logger) }
    }

    static func relate(_ articleID: Int64, to others: [(id: Int64, score: Double)], on connection: PostgresConnection, logger: Logger)
        async throws
    {
        for other in others where other.id != articleID {
            for (a, b) in [(articleID, other.id), (other.id, articleID)] {
                try await run(
                    """
                    INSERT INTO related_articles (article_id, related_id, score) VALUES (\(a), \(b), \(other.score))
                    ON CONFLICT (article_id, related_id) DO UPDATE SET score = excluded.score
                    """, on: connection, logger: logger)
            }
        }
    }

    public func relatedArticles(to articleID: Int64, limit: Int) async throws -> [Int64] {
        // A related article that has since joined this one's story is no longer "related".
        try await rows(
            """
            SELECT r.related_id FROM related_articles r
            JOIN articles a ON a.id = r.article_id JOIN articles b ON b.id = r.related_id
            WHERE r.article_id = \(articleID) AND COALESCE(a.story_id, a.id) <> COALESCE(b.story_id, b.id)
            AND r.related_id NOT IN (SELECT article_id FROM hidden_articles)
            ORDER BY r.score DESC, r.related_id DESC LIMIT \(Int64(max(0, limit)))
            """
        ).map { try $0["related_id"].decode(Int64.self) }
    }
}
