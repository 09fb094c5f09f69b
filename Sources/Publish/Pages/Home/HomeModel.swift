import EnbekshiCore
import Store

/// The front page, like a newspaper's: the day's top stories (those the most bodies published),
/// the latest news, a block per section and a region picker.
struct HomeModel: Sendable {
    static let latestCount = 12
    static let topCount = 5
    static let perSection = 3

    var edition: Language
    var top: [(summary: NewsSummary, publishers: Int)] = []
    var latest: [NewsSummary]
    var sections: [(section: Section, items: [NewsSummary])] = []

    static func load(edition: Language, store: any NewsStore, sources: SourceDirectory) async throws -> HomeModel {
        var model = HomeModel(edition: edition, latest: [])
        // "Of the day": copies join a story within three days, so a story is counted over the newest
        // day with news and the three before it (a quiet morning is not empty).
        if let newest = try await store.newestDay() {
            let stories = try await store.topStories(fromDay: newest.adding(days: -3), minimumPublishers: 2, limit: topCount)
            for summary in try await NewsSummary.make(stories, edition: edition, store: store, sources: sources) {
                model.top.append((summary, summary.alsoPublishedBy.count + 1))
            }
        }
        // The latest news, without the top stories already shown above it.
        let topPaths = Set(model.top.map(\.summary.route.path))
        let articles = try await store.latestArticles(limit: latestCount + model.top.count, offset: 0)
        model.latest = Array(try await NewsSummary.make(articles, edition: edition, store: store, sources: sources)
            .filter { !topPaths.contains($0.route.path) }.prefix(latestCount))
        let shown = Set(model.latest.map(\.route.path) + model.top.map(\.summary.route.path))
        for section in Section.allCases {
            let articles = try await store.latestArticles(limit: perSection + 3, offset: 0, filter: .section(section))
            let items = try await NewsSummary.make(articles, edition: edition, store: store, sources: sources)
                .filter { !shown.contains($0.route.path) }.prefix(perSection)
            if !items.isEmpty { model.sections.append((section, Array(items))) }
        }
        return model
    }
}
