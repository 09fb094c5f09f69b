import EnbekshiCore

/// How often each article's page is read, per day: counted by every web node without cookies or
/// personal data, added up here (additions from several nodes sum), for "most read" and the count on
/// an article's page. Views change no page's content generation: they would empty the page cache
/// with every batch.
public protocol Readership: Sendable {
    /// Adds views to each article's day; views of an article that is gone are dropped.
    func addViews(_ views: [ArticleViews]) async throws
    /// Listed articles by views summed from `since` on, most read first (ties: newest id first),
    /// in one section or all; each with its total over the span.
    func mostRead(since: Day, section: Section?, limit: Int) async throws -> [(articleID: Int64, views: Int)]
    /// Each article's views over all days; articles never viewed are missing.
    func totalViews(articleIDs: [Int64]) async throws -> [Int64: Int]
}
