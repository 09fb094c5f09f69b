import EnbekshiCore
import Foundation
import GRDB

extension SQLiteStore {
    public func addViews(_ views: [ArticleViews]) async throws {
        guard !views.isEmpty else { return }
        try await write { db in
            let statement = try db.cachedStatement(
                sql: """
                    INSERT INTO article_views (article_id, day, views) SELECT ?, ?, ? WHERE EXISTS (SELECT 1 FROM articles WHERE id = ?)
                    ON CONFLICT (article_id, day) DO UPDATE SET views = views + excluded.views
                    """)
            for view in views where view.views > 0 {
                try statement.execute(arguments: [view.articleID, view.day.description, view.views, view.articleID])
            }
        }
    }

    public func mostRead(since: Day, section: Section?, limit: Int) async throws -> [(articleID: Int64, views: Int)] {
        try await database.read { db in
            let inSection = section == nil ? "" : "JOIN article_topics t ON t.article_id = v.article_id AND t.section = ?"
            var arguments: [any DatabaseValueConvertible] = section.map { [$0.rawValue] } ?? []
            arguments += [since.description, max(0, limit)]
            return try Row.fetchAll(
                db,
                sql: """
                    SELECT v.article_id, sum(v.views) AS total FROM article_views v JOIN articles a ON a.id = v.article_id \(inSection)
                    WHERE v.day >= ? AND a.listed = 1 GROUP BY v.article_id ORDER BY total DESC, v.article_id DESC LIMIT ?
                    """,
                arguments: StatementArguments(arguments)
            ).map { ($0["article_id"], $0["total"]) }
        }
    }

    public func totalViews(articleIDs: [Int64]) async throws -> [Int64: Int] {
        let unique = Array(Set(articleIDs))
        guard !unique.isEmpty else { return [:] }
        return try await database.read { db in
            var totals: [Int64: Int] = [:]
            for chunk in unique.chunks(of: Self.parametersPerStatement) {
                for row in try Row.fetchAll(
                    db,
                    sql: """
                        SELECT article_id, sum(views) AS total FROM article_views
                        WHERE article_id IN (\(databaseQuestionMarks(count: chunk.count))) GROUP BY article_id
                        """,
                    arguments: StatementArguments(chunk))
                {
                    totals[row["article_id"]] = row["total"]
                }
            }
            return totals
        }
    }
}
