import EnbekshiCore
import Foundation
import PostgresNIO

extension PostgresStore {
    public func addViews(_ views: [ArticleViews]) async throws {
        let counted = views.filter { $0.views > 0 }
        guard !counted.isEmpty else { return }
        // One statement for the batch; an article deleted meanwhile is skipped by the join.
        try await execute(
            """
            INSERT INTO article_views (article_id, day, views)
            SELECT v.id, v.day, v.views FROM unnest(\(counted.map(\.articleID)), \(counted.map(\.day.description)), \(counted.map { Int64($0.views) }))
                AS v(id, day, views) JOIN articles a ON a.id = v.id
            ON CONFLICT (article_id, day) DO UPDATE SET views = article_views.views + excluded.views
            """)
    }

    public func mostRead(since: Day, section: Section?, limit: Int) async throws -> [(articleID: Int64, views: Int)] {
        try await rows(
            """
            SELECT v.article_id, sum(v.views)::bigint AS total FROM article_views v JOIN articles a ON a.id = v.article_id
            LEFT JOIN article_topics t ON t.article_id = v.article_id
            WHERE v.day >= \(since.description) AND a.listed AND (\(section?.rawValue)::text IS NULL OR t.section = \(section?.rawValue))
            GROUP BY v.article_id ORDER BY total DESC, v.article_id DESC LIMIT \(Int64(max(0, limit)))
            """
        ).map { (try $0["article_id"].decode(Int64.self), Int(try $0["total"].decode(Int64.self))) }
    }

    public func totalViews(articleIDs: [Int64]) async throws -> [Int64: Int] {
        let unique = Array(Set(articleIDs))
        guard !unique.isEmpty else { return [:] }
        var totals: [Int64: Int] = [:]
        for row in try await rows(
            "SELECT article_id, sum(views)::bigint AS total FROM article_views WHERE article_id = ANY(\(unique)) GROUP BY article_id")
        {
            totals[try row["article_id"].decode(Int64.self)] = Int(try row["total"].decode(Int64.self))
        }
        return totals
    }
}
