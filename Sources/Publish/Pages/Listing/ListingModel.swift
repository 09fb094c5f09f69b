import EnbekshiCore
import Store

/// A listing (all news, a section, a region, a source): one page of articles, newest first.
struct ListingModel: Sendable {
    static let pageSize = 20
    /// Listings go 500 pages (10,000 articles) deep; older news is reached by day in the archive.
    /// Counting further cost 0.46 s at a million articles on every change.
    static let maximumPage = 500
    /// Articles counted for the page count: one past the deepest page tells there are more.
    static let countLimit = maximumPage * pageSize + 1

    var edition: Language
    var heading: String
    /// The listing's route at page 1.
    var route: SiteRoute
    var page: Int
    var pageCount: Int
    /// More articles exist than the pages shown.
    var deeper = false
    var items: [NewsSummary]
    /// Shown under the heading (a source's harvest health); already escaped HTML.
    var introHTML: String? = nil
    /// Shown after the list (a section's most read); already escaped HTML.
    var asideHTML: String? = nil

    /// Nil when the page is past the last one (an empty listing has one, empty, page).
    static func load(
        edition: Language, heading: String, route: SiteRoute, filter: ListingFilter?, page: Int, store: any NewsStore,
        sources: SourceDirectory, counts: ListingCounts? = nil
    ) async throws -> ListingModel? {
        let total: Int
        if let counts {
            total = try await counts.count(filter, store: store)
        } else {
            total = try await store.publishedArticleCount(filter: filter, limit: countLimit)
        }
        let pageCount = min(maximumPage, max(1, (total + pageSize - 1) / pageSize))
        guard page <= pageCount else { return nil }
        let articles = try await store.latestArticles(limit: pageSize, offset: (page - 1) * pageSize, filter: filter)
        let items = try await NewsSummary.make(articles, edition: edition, store: store, sources: sources)
        return ListingModel(
            edition: edition, heading: heading, route: route, page: page, pageCount: pageCount, deeper: total > maximumPage * pageSize,
            items: items)
    }
}
