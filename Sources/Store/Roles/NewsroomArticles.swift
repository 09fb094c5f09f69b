import Foundation

/// The newsroom's own articles as they are written, submitted, scheduled and published. Moves
/// between states are conditional, so two nodes (or two chief editors) cannot both publish one.
public protocol NewsroomArticles: Sendable {
    /// Stores a new article (its `id` is ignored) and returns its id.
    func addNewsroomArticle(_ article: NewsroomArticle) async throws -> Int64
    /// Replaces the text, section, region, byline, source link and publication time of an article
    /// (not its status, author or public article). False when there is no such article.
    @discardableResult func updateNewsroomArticle(_ article: NewsroomArticle) async throws -> Bool
    func newsroomArticle(id: Int64) async throws -> NewsroomArticle?
    /// The newsroom article published as this public article, if any.
    func newsroomArticle(articleID: Int64) async throws -> NewsroomArticle?
    /// Most recently changed first; all states when `status` is nil.
    func newsroomArticles(status: NewsroomArticle.Status?, limit: Int) async throws -> [NewsroomArticle]
    /// Moves an article to `status` if it is in one of `from`, setting its publication time (kept
    /// when nil) and public article (kept when nil). False when it was not in any of them.
    @discardableResult func moveNewsroomArticle(
        id: Int64, from: Set<NewsroomArticle.Status>, to status: NewsroomArticle.Status, publishAt: Date?, articleID: Int64?, at: Date
    ) async throws -> Bool
    /// Scheduled articles whose time has come, earliest first.
    func dueNewsroomArticles(now: Date, limit: Int) async throws -> [NewsroomArticle]
}
