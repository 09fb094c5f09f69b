import EnbekshiCore
import Foundation
import GRDB

extension SQLiteStore {
    public func addNewsroomArticle(_ article: NewsroomArticle) async throws -> Int64 {
        try await write { db in
            try db.execute(
                sql: """
                    INSERT INTO newsroom_articles (status, editions, section, region, byline, source_link, publish_at, author,
                    created_at, updated_at, article_id) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                    """,
                arguments: [
                    article.status.rawValue, article.editionsJSON, article.section?.rawValue, article.region, article.byline,
                    article.sourceLink, article.publishAt.map(StoreDate.string), article.author, StoreDate.string(article.createdAt),
                    StoreDate.string(article.updatedAt), article.articleID,
                ])
            return db.lastInsertedRowID
        }
    }

    @discardableResult public func updateNewsroomArticle(_ article: NewsroomArticle) async throws -> Bool {
        try await write { db in
            try db.execute(
                sql: """
                    UPDATE newsroom_articles SET editions = ?, section = ?, region = ?, byline = ?, source_link = ?, publish_at = ?,
                    updated_at = ? WHERE id = ?
                    """,
                arguments: [
                    article.editionsJSON, article.section?.rawValue, article.region, article.byline, article.sourceLink,
                    article.publishAt.map(StoreDate.string), StoreDate.string(article.updatedAt), article.id,
                ])
            return db.changesCount > 0
        }
    }

    public func newsroomArticle(id: Int64) async throws -> NewsroomArticle? {
        try await database.read { db in
            try Row.fetchOne(db, sql: "SELECT * FROM newsroom_articles WHERE id = ?", arguments: [id]).flatMap(Self.newsroomArticle)
        }
    }

    public func newsroomArticle(articleID: Int64) async throws -> NewsroomArticle? {
        try await database.read { db in
            try Row.fetchOne(db, sql: "SELECT * FROM newsroom_articles WHERE article_id = ? ORDER BY id LIMIT 1", arguments: [articleID])
                .flatMap(Self.newsroomArticle)
        }
    }

    public func newsroomArticles(status: NewsroomArticle.Status?, limit: Int) async throws -> [NewsroomArticle] {
        try await database.read { db in
            try Row.fetchAll(
                db,
                sql: "SELECT * FROM newsroom_articles \(status == nil ? "" : "WHERE status = ?") ORDER BY updated_at DESC, id DESC LIMIT ?",
                arguments: StatementArguments(status.map { [$0.rawValue, limit] as [any DatabaseValueConvertible] } ?? [limit])
            ).compactMap(Self.newsroomArticle)
        }
    }

    @discardableResult public func moveNewsroomArticle(
        id: Int64, from: Set<NewsroomArticle.Status>, to status: NewsroomArticle.Status, publishAt: Date?, articleID: Int64?, at: Date
    ) async throws -> Bool {
        guard !from.isEmpty else { return false }
        let states = from.map(\.rawValue).sorted()
        return try await write { db in
            try db.execute(
                sql: """
                    UPDATE newsroom_articles SET status = ?, publish_at = COALESCE(?, publish_at), article_id = COALESCE(?, article_id),
                    updated_at = ? WHERE id = ? AND status IN (\(databaseQuestionMarks(count: states.count)))
                    """,
                arguments: StatementArguments(
                    [status.rawValue, publishAt.map(StoreDate.string), articleID, StoreDate.string(at), id] as [(any DatabaseValueConvertible)?])
                    + StatementArguments(states))
            return db.changesCount > 0
        }
    }

    public func dueNewsroomArticles(now: Date, limit: Int) async throws -> [NewsroomArticle] {
        try await database.read { db in
            try Row.fetchAll(
                db,
                sql: """
                    SELECT * FROM newsroom_articles WHERE status = 'scheduled' AND publish_at <= ? ORDER BY publish_at, id LIMIT ?
                    """,
                arguments: [StoreDate.string(now), limit]
            ).compactMap(Self.newsroomArticle)
        }
    }

    static func newsroomArticle(_ row: Row) -> NewsroomArticle? {
        guard let status = NewsroomArticle.Status(rawValue: row["status"]) else { return nil }
        return NewsroomArticle(
            id: row["id"], status: status, editions: NewsroomArticle.editions(json: row["editions"]),
            section: (row["section"] as String?).flatMap(Section.init(rawValue:)), region: row["region"], byline: row["byline"],
            sourceLink: row["source_link"], publishAt: (row["publish_at"] as String?).flatMap(StoreDate.date),
            author: row["author"], createdAt: StoreDate.date(row["created_at"]) ?? .distantPast,
            updatedAt: StoreDate.date(row["updated_at"]) ?? .distantPast, articleID: row["article_id"])
    }
}
