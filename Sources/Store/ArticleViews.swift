import EnbekshiCore

/// Views of one article's page on one day (Kazakhstan wall time), as web nodes count them.
public struct ArticleViews: Sendable, Hashable {
    public var articleID: Int64
    public var day: Day
    public var views: Int

    public init(articleID: Int64, day: Day, views: Int) {
        self.articleID = articleID
        self.day = day
        self.views = views
    }
}
