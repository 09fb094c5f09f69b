import EnbekshiCore
import PostgresNIO

extension PostgresStore {
    /// A story appears once in listings, under its first article; a source's own page lists its copy.
    static let onePerStory = "AND (a.story_id IS NULL OR a.story_id = a.id)"

    /// A listing's statement up to its WHERE clause, with its values bound.
    static func listing(_ filter: ListingFilter?) -> PostgresSQL {
        var sql = PostgresSQL("SELECT \(articleColumns) FROM articles a ")
        switch filter {
        case nil: sql.append("WHERE a.listed \(onePerStory)")
        case .source(let slug):
            let project = sql.bind(slug)
            sql.append("WHERE a.listed AND a.project = \(project)")
        case .section(let section):
            let wanted = sql.bind(section.rawValue)
            sql.append("JOIN article_topics t ON t.article_id = a.id WHERE a.listed AND t.section = \(wanted) \(onePerStory)")
        case .region(let region):
            let wanted = sql.bind(region)
            sql.append("JOIN article_topics t ON t.article_id = a.id WHERE a.listed AND t.region = \(wanted) \(onePerStory)")
        case .day(let day):
            let from = sql.bind(day.description), until = sql.bind(day.adding(days: 1).description)
            sql.append("WHERE a.listed AND a.published_local >= \(from) AND a.published_local < \(until) \(onePerStory)")
        case .inLanguage(let language), .notInLanguage(let language):
            let wanted = sql.bind(language.rawValue)
            let not = filter == .inLanguage(language) ? "" : "NOT "
            sql.append("WHERE a.listed \(onePerStory) AND \(not)EXISTS (SELECT 1 FROM versions v WHERE v.article_id = a.id AND v.lang = \(wanted) AND v.title <> '')")
        }
        return sql
    }

    public func latestArticles(limit: Int, offset: Int, filter: ListingFilter?) async throws -> [Article] {
        var sql = Self.listing(filter)
        let count = sql.bind(Int64(max(0, limit))), skip = sql.bind(Int64(max(0, offset)))
        sql.append(" ORDER BY a.published_local DESC, a.id DESC LIMIT \(count) OFFSET \(skip)")
        return try await articles(rows(sql.query), summary: true)
    }

    public func publishedArticleCount(filter: ListingFilter?, limit: Int?) async throws -> Int {
        var sql = Self.listing(filter)
        if let limit {
            let count = sql.bind(Int64(max(0, limit)))
            sql.append(" LIMIT \(count)")
        }
        let counted = PostgresQuery(unsafeSQL: "SELECT count(*) AS n FROM (\(sql.text)) listed", binds: sql.binds)
        return Int(try await rows(counted).first?["n"].decode(Int64.self) ?? 0)
    }

    public func topStories(fromDay: Day, minimumPublishers: Int, limit: Int) async throws -> [Article] {
        try await articles(
            rows(
                """
                SELECT \(unescaped: Self.articleColumns) FROM articles a
                JOIN (SELECT story_id, count(DISTINCT project) AS publishers FROM articles
                      WHERE story_id IS NOT NULL AND published_local >= \(fromDay.description) GROUP BY story_id) s
                      ON s.story_id = a.id
                WHERE a.listed AND s.publishers >= \(Int64(minimumPublishers))
                ORDER BY s.publishers DESC, a.published_local DESC, a.id DESC LIMIT \(Int64(max(0, limit)))
                """), summary: true)
    }

    public func newestDay() async throws -> Day? {
        try await rows("SELECT substr(max(published_local), 1, 10) AS day FROM articles WHERE listed").first?["day"]
            .decode(String?.self).flatMap(Day.init)
    }

    public func daysWithNews(around day: Day) async throws -> (before: Day?, after: Day?) {
        let row = try await rows(
            """
            SELECT (SELECT substr(max(published_local), 1, 10) FROM articles WHERE listed AND published_local < \(day.description)) AS before,
            (SELECT substr(min(published_local), 1, 10) FROM articles WHERE listed AND published_local >= \(day.adding(days: 1).description)) AS after
            """
        ).first
        return (try row?["before"].decode(String?.self).flatMap(Day.init), try row?["after"].decode(String?.self).flatMap(Day.init))
    }

    public func sitemapMonths() async throws -> [SitemapMonth] {
        try await rows(
            """
            SELECT substr(published_local, 1, 7) AS month, count(*) AS n, max(published_local) AS newest FROM articles a
            WHERE a.listed \(unescaped: Self.onePerStory) GROUP BY month ORDER BY month DESC
            """
        ).compactMap { row in
            try Month(row["month"].decode(String.self)).map {
                SitemapMonth(month: $0, articles: Int(try row["n"].decode(Int64.self)), newest: try row["newest"].decode(String.self))
            }
        }
    }

    public func sitemapEntries(month: Month) async throws -> [SitemapEntry] {
        try await rows(
            """
            SELECT a.id, a.published_local,
              (SELECT v.title FROM versions v WHERE v.article_id = a.id AND v.mt_engine IS NULL AND v.title <> ''
               ORDER BY CASE v.lang WHEN 'ru' THEN 0 WHEN 'kk' THEN 1 ELSE 2 END LIMIT 1) AS slug_title
            FROM articles a
            WHERE a.listed \(unescaped: Self.onePerStory) AND a.published_local >= \(month.firstDay.description)
            AND a.published_local < \(month.lastDay.adding(days: 1).description)
            ORDER BY a.published_local DESC, a.id DESC LIMIT 50000
            """
        ).map {
            SitemapEntry(
                articleID: try $0["id"].decode(Int64.self), slugTitle: try $0["slug_title"].decode(String?.self) ?? "",
                published: try $0["published_local"].decode(String.self))
        }
    }

    public func articles(_ query: ArticleQuery, limit: Int) async throws -> [Article] {
        var sql = PostgresSQL("SELECT \(Self.articleColumns) FROM articles a WHERE a.listed")
        if let language = query.language {
            let wanted = sql.bind(language.rawValue)
            sql.append(" AND EXISTS (SELECT 1 FROM versions v WHERE v.article_id = a.id AND v.lang = \(wanted))")
        }
        let conditions = Self.filter(
            &sql, section: query.section, region: query.region, source: query.source, fromDay: query.fromDay, toDay: query.toDay)
        sql.append(conditions)
        if let before = query.before {
            let published = sql.bind(before.published), id = sql.bind(before.id)
            sql.append(" AND (a.published_local < \(published) OR (a.published_local = \(published) AND a.id < \(id)))")
        }
        let count = sql.bind(Int64(max(0, limit)))
        sql.append(" ORDER BY a.published_local DESC, a.id DESC LIMIT \(count)")
        return try await articles(rows(sql.query))
    }

    /// The filters search and the API share, as `AND …` clauses on `articles a`.
    /// The filters' conditions (each beginning " AND"), their values bound into `sql`; the text can
    /// be used more than once in the statement, as placeholders can.
    static func filter(_ sql: inout PostgresSQL, section: Section?, region: String?, source: String?, fromDay: Day?, toDay: Day?)
        -> String
    {
        var conditions = ""
        if let section {
            conditions += " AND a.id IN (SELECT article_id FROM article_topics WHERE section = \(sql.bind(section.rawValue)))"
        }
        if let region {
            conditions += " AND a.id IN (SELECT article_id FROM article_topics WHERE region = \(sql.bind(region)))"
        }
        if let source { conditions += " AND a.project = \(sql.bind(source))" }
        if let fromDay { conditions += " AND a.published_local >= \(sql.bind(fromDay.description))" }
        // Wall times are "YYYY-MM-DDTHH:MM…": the day after begins where this one ends.
        if let toDay { conditions += " AND a.published_local < \(sql.bind(toDay.adding(days: 1).description))" }
        return conditions
    }
}
