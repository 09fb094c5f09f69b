import EnbekshiCore

/// What listings, day pages and sitemaps show: listed articles (at least one version with a
/// headline), one per story, newest first.
public protocol ListingReader: Sendable {
    /// Listed articles, newest first: each version's `bodyHTML` holds the body (enough for a lead),
    /// and `originalHTML` and `rawJSON` are nil. `article(id:)` returns versions in full.
    func latestArticles(limit: Int, offset: Int, filter: ListingFilter?) async throws -> [Article]
    /// Listed articles of a listing, one per story, counted up to `limit` when one is given (so a
    /// page count never walks a million rows).
    func publishedArticleCount(filter: ListingFilter?, limit: Int?) async throws -> Int
    /// The stories published from `fromDay` on that the most bodies published, most first, then newest;
    /// only stories with at least `minimumPublishers`. Each is given by its first article.
    func topStories(fromDay: Day, minimumPublishers: Int, limit: Int) async throws -> [Article]
    /// The day of the newest listed article, nil when there is none.
    func newestDay() async throws -> Day?
    /// The nearest days before and after `day` with listed news, nil where there is none.
    func daysWithNews(around day: Day) async throws -> (before: Day?, after: Day?)
    /// Months with listed news, newest first.
    func sitemapMonths() async throws -> [SitemapMonth]
    /// The listed articles of one month, newest first, at most 50,000.
    func sitemapEntries(month: Month) async throws -> [SitemapEntry]
}

extension ListingReader {
    public func latestArticles(limit: Int, offset: Int) async throws -> [Article] {
        try await latestArticles(limit: limit, offset: offset, filter: nil)
    }

    public func publishedArticleCount(filter: ListingFilter?) async throws -> Int {
        try await publishedArticleCount(filter: filter, limit: nil)
    }

    public func publishedArticleCount() async throws -> Int {
        try await publishedArticleCount(filter: nil, limit: nil)
    }
}
