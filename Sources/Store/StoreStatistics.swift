/// Counts for operators (`enbekshi status`, logs, later metrics).
public struct StoreStatistics: Sendable, Hashable {
    public var sources: Int
    public var enabledSources: Int
    public var articles: Int
    public var publishedArticles: Int
    public var versions: Int

    public init(sources: Int, enabledSources: Int, articles: Int, publishedArticles: Int, versions: Int) {
        self.sources = sources
        self.enabledSources = enabledSources
        self.articles = articles
        self.publishedArticles = publishedArticles
        self.versions = versions
    }
}
