import EnbekshiCore
import Store

/// The front page: the latest news. (Top stories and sections come with later issues.)
struct HomeModel: Sendable {
    static let latestCount = 12

    var edition: Language
    var latest: [NewsSummary]

    static func load(edition: Language, store: any NewsStore, sources: SourceDirectory) async throws -> HomeModel {
        let articles = try await store.latestArticles(limit: latestCount, offset: 0)
        return HomeModel(edition: edition, latest: try await NewsSummary.make(articles, edition: edition, store: store, sources: sources))
    }
}
