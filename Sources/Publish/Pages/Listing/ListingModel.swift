import EnbekshiCore
import Store

/// The all-news listing: one page of articles, newest first.
struct ListingModel: Sendable {
    static let pageSize = 20

    var edition: Language
    var page: Int
    var pageCount: Int
    var items: [NewsSummary]

    /// Nil when the page is past the last one.
    static func load(edition: Language, page: Int, store: any NewsStore, sources: SourceDirectory) async throws
        -> ListingModel?
    {
        let total = try await store.publishedArticleCount()
        let pageCount = max(1, (total + pageSize - 1) / pageSize)
        guard page <= pageCount else { return nil }
        let articles = try await store.latestArticles(limit: pageSize, offset: (page - 1) * pageSize)
        let items = await NewsSummary.make(articles, edition: edition, sources: sources)
        return ListingModel(edition: edition, page: page, pageCount: pageCount, items: items)
    }
}
