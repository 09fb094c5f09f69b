import EnbekshiCore
import GRDB

extension SQLiteStore {
    public func sitemapMonths() async throws -> [SitemapMonth] {
        try await database.read { db in
            try Row.fetchAll(
                db,
                sql: """
                    SELECT substr(published_local, 1, 7) AS month, COUNT(*) AS n, MAX(published_local) AS newest FROM articles a
                    WHERE a.listed = 1 \(Self.onePerStory) GROUP BY month ORDER BY month DESC
                    """
            ).compactMap { row in
                Month(row["month"] as String).map { SitemapMonth(month: $0, articles: row["n"], newest: row["newest"]) }
            }
        }
    }

    public func sitemapEntries(month: Month) async throws -> [SitemapEntry] {
        try await database.read { db in
            try Row.fetchAll(
                db,
                sql: """
                    SELECT a.id, a.published_local,
                      (SELECT v.title FROM versions v WHERE v.article_id = a.id AND v.mt_engine IS NULL AND v.title <> ''
                       ORDER BY CASE v.lang WHEN 'ru' THEN 0 WHEN 'kk' THEN 1 ELSE 2 END LIMIT 1) AS slug_title
                    FROM articles a
                    WHERE a.listed = 1 \(Self.onePerStory) AND a.published_local >= ? AND a.published_local < ?
                    ORDER BY a.published_local DESC, a.id DESC LIMIT 50000
                    """,
                arguments: [month.firstDay.description, month.lastDay.adding(days: 1).description]
            ).map { SitemapEntry(articleID: $0["id"], slugTitle: $0["slug_title"] ?? "", published: $0["published_local"]) }
        }
    }

    public func contentGeneration() async throws -> Int64 {
        try await database.read { db in
            try Int64.fetchOne(db, sql: "SELECT value FROM content_generation WHERE id = 1") ?? 0
        }
    }

    /// One file, read by one serving process: changes are polled (cheaply) instead.
    public var announcesChanges: Bool { false }

    public func watchContentGeneration(_ report: @escaping @Sendable (ContentChange) -> Void) async throws {}
}

extension SQLiteStore {
    public func articles(_ query: ArticleQuery, limit: Int) async throws -> [Article] {
        var sql = "SELECT a.id, a.project, a.govkz_id, a.published_local, a.has_time, a.story_id FROM articles a WHERE a.listed = 1"
        var arguments: StatementArguments = []
        if let language = query.language {
            sql += " AND EXISTS (SELECT 1 FROM versions v WHERE v.article_id = a.id AND v.lang = ?)"
            arguments += [language.rawValue]
        }
        let (filterSQL, filterArguments) = Self.articleFilter(
            section: query.section, region: query.region, source: query.source, fromDay: query.fromDay, toDay: query.toDay)
        sql += filterSQL
        arguments += filterArguments
        if let before = query.before {
            sql += " AND (a.published_local < ? OR (a.published_local = ? AND a.id < ?))"
            arguments += [before.published, before.published, before.id]
        }
        sql += " ORDER BY a.published_local DESC, a.id DESC LIMIT ?"
        arguments += [max(0, limit)]
        let finalSQL = sql, finalArguments = arguments
        return try await database.read { db in
            try Self.articles(try Row.fetchAll(db, sql: finalSQL, arguments: finalArguments), db: db)
        }
    }
}
