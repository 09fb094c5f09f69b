import EnbekshiCore

/// One article as a sitemap lists it: its address parts and when it last changed.
public struct SitemapEntry: Sendable, Hashable {
    public var articleID: Int64
    /// gov.kz's own headline the address slug is made from (see `Article.slugTitle`).
    public var slugTitle: String
    public var published: String
    public init(articleID: Int64, slugTitle: String, published: String) {
        self.articleID = articleID
        self.slugTitle = slugTitle
        self.published = published
    }
}

/// One month of the sitemap index.
public struct SitemapMonth: Sendable, Hashable {
    /// `YYYY-MM`.
    public var month: Month
    public var articles: Int
    public var newest: String
    public init(month: Month, articles: Int, newest: String) {
        self.month = month
        self.articles = articles
        self.newest = newest
    }
}
