import EnbekshiCore
import Foundation
import PostgresNIO

extension PostgresStore {
    public func addNewsroomArticle(_ article: NewsroomArticle) async throws -> Int64 {
        let inserted = try await rows(
            """
            INSERT INTO newsroom_articles (status, editions, section, region, byline, source_link, publish_at, author, created_at,
            updated_at, article_id) VALUES (\(article.status.rawValue), \(article.editionsJSON), \(article.section?.rawValue),
            \(article.region), \(article.byline), \(article.sourceLink), \(article.publishAt), \(article.author), \(article.createdAt),
            \(article.updatedAt), \(article.articleID)) RETURNING id
            """)
        guard let row = inserted.first else { throw StoreError.conflict("a newsroom article that was not stored") }
        return try row["id"].decode(Int64.self)
    }

    @discardableResult public func updateNewsroomArticle(_ article: NewsroomArticle) async throws -> Bool {
        try await !rows(
            """
            UPDATE newsroom_articles SET editions = \(article.editionsJSON), section = \(article.section?.rawValue),
            region = \(article.region), byline = \(article.byline), source_link = \(article.sourceLink), publish_at = \(article.publishAt),
            updated_at = \(article.updatedAt) WHERE id = \(article.id) RETURNING id
            """
        ).isEmpty
    }

    public func newsroomArticle(id: Int64) async throws -> NewsroomArticle? {
        try await rows("SELECT * FROM newsroom_articles WHERE id = \(id)").first.flatMap(Self.newsroomArticle)
    }

    public func newsroomArticle(articleID: Int64) async throws -> NewsroomArticle? {
        try await rows("SELECT * FROM newsroom_articles WHERE article_id = \(articleID) ORDER BY id LIMIT 1").first
            .flatMap(Self.newsroomArticle)
    }

    public func newsroomArticles(status: NewsroomArticle.Status?, limit: Int) async throws -> [NewsroomArticle] {
        try await rows(
            """
            SELECT * FROM newsroom_articles WHERE \(status?.rawValue)::text IS NULL OR status = \(status?.rawValue)
            ORDER BY updated_at DESC, id DESC LIMIT \(limit)
            """
        ).compactMap(Self.newsroomArticle)
    }

    @discardableResult public func moveNewsroomArticle(
        id: Int64, from: Set<NewsroomArticle.Status>, to status: NewsroomArticle.Status, publishAt: Date?, articleID: Int64?, at: Date
    ) async throws -> Bool {
        guard !from.isEmpty else { return false }
        let states = from.map(\.rawValue).sorted()
        return try await !rows(
            """
            UPDATE newsroom_articles SET status = \(status.rawValue), publish_at = COALESCE(\(publishAt), publish_at),
            article_id = COALESCE(\(articleID), article_id), updated_at = \(at) WHERE id = \(id) AND status = ANY(\(states)) RETURNING id
            """
        ).isEmpty
    }

    public func dueNewsroomArticles(now: Date, limit: Int) async throws -> [NewsroomArticle] {
        try await rows(
            """
            SELECT * FROM newsroom_articles WHERE status = 'scheduled' AND publish_at <= \(now) ORDER BY publish_at, id LIMIT \(limit)
            """
        ).compactMap(Self.newsroomArticle)
    }

    static func newsroomArticle(_ row: PostgresRandomAccessRow) throws -> NewsroomArticle? {
        guard let status = NewsroomArticle.Status(rawValue: try row["status"].decode(String.self)) else { return nil }
        return NewsroomArticle(
            id: try row["id"].decode(Int64.self), status: status, editions: NewsroomArticle.editions(json: try row["editions"].decode(String.self)),
            section: try row["section"].decode(String?.self).flatMap(Section.init(rawValue:)), region: try row["region"].decode(String?.self),
            byline: try row["byline"].decode(String.self), sourceLink: try row["source_link"].decode(String?.self),
            publishAt: try row["publish_at"].decode(Date?.self), author: try row["author"].decode(String.self),
            createdAt: try row["created_at"].decode(Date.self), updatedAt: try row["updated_at"].decode(Date.self),
            articleID: try row["article_id"].decode(Int64?.self))
    }
}
