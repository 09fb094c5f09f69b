import EnbekshiCore
import Store

/// The front page, like a newspaper's: the day's top stories (those the most bodies published),
/// the latest news, a block per section and a region picker. An edition leads with what exists in
/// its language (gov.kz's own versions and labelled machine translations); news published only in
/// other languages is shown apart, counted, under "not yet in" the edition's language.
struct HomeModel: Sendable {
    static let latestCount = 12
    static let topCount = 5
    static let perSection = 3
    /// Articles a section block reads to find its few in the edition's language.
    static let sectionScan = 24
    static let notYetCount = 5
    /// Articles counted for the "not yet" block; beyond it the count says "1000+".
    static let notYetCountLimit = 1000
    /// How far down a list the lead slot looks for a story with a picture.
    static let pictureLeadReach = 3

    var edition: Language
    var top: [(summary: NewsSummary, publishers: Int)] = []
    var latest: [NewsSummary]
    var sections: [(section: Section, items: [NewsSummary])] = []
    /// The newest articles with no version in the edition's language, and how many there are.
    var notYet: [NewsSummary] = []
    var notYetTotal = 0
    /// Most read today and this week.
    var mostRead: [MostRead] = []

    var isEmpty: Bool { latest.isEmpty && top.isEmpty && notYet.isEmpty }

    static func load(edition: Language, store: any NewsStore, sources: SourceDirectory) async throws -> HomeModel {
        var model = HomeModel(edition: edition, latest: [])
        func own(_ articles: [Article]) async throws -> [NewsSummary] {
            try await NewsSummary.make(articles, edition: edition, store: store, sources: sources).filter { $0.contentLanguage == edition }
        }
        // "Of the day": copies join a story within three days, so a story is counted over the newest
        // day with news and the three before it (a quiet morning is not empty).
        if let newest = try await store.newestDay() {
            let stories = try await store.topStories(fromDay: newest.adding(days: -3), minimumPublishers: 2, limit: topCount * 2)
            for summary in pictureLed(Array(try await own(stories).prefix(topCount))) {
                model.top.append((summary, summary.alsoPublishedBy.count + 1))
            }
        }
        // The latest news, without the top stories already shown above it.
        let topPaths = Set(model.top.map(\.summary.route.path))
        let articles = try await store.latestArticles(limit: latestCount + model.top.count, offset: 0, filter: .inLanguage(edition))
        model.latest = Array(try await own(articles).filter { !topPaths.contains($0.route.path) }.prefix(latestCount))
        // Without top stories, the latest news leads.
        if model.top.isEmpty { model.latest = pictureLed(model.latest) }
        let shown = Set(model.latest.map(\.route.path) + model.top.map(\.summary.route.path))
        for section in Section.allCases {
            let articles = try await store.latestArticles(limit: sectionScan, offset: 0, filter: .section(section))
            let items = pictureLed(Array(try await own(articles).filter { !shown.contains($0.route.path) }.prefix(perSection)))
            if !items.isEmpty { model.sections.append((section, items)) }
        }
        let others = try await store.latestArticles(limit: notYetCount, offset: 0, filter: .notInLanguage(edition))
        model.notYet = try await NewsSummary.make(others, edition: edition, store: store, sources: sources)
        model.notYetTotal = try await store.publishedArticleCount(filter: .notInLanguage(edition), limit: notYetCountLimit)
        for period in MostRead.Period.allCases {
            model.mostRead.append(try await MostRead.load(period, section: nil, edition: edition, store: store, sources: sources))
        }
        return model
    }

    /// A newspaper leads with a picture: when the first item has none, the first of the next few that
    /// has one moves up to lead; the others keep their order. With none near the top, nothing moves,
    /// so a picture never lifts a minor story over the day's main ones.
    static func pictureLed(_ items: [NewsSummary]) -> [NewsSummary] {
        guard items.first?.picture == nil,
            let index = items.prefix(pictureLeadReach).firstIndex(where: { $0.picture != nil })
        else { return items }
        var items = items
        items.insert(items.remove(at: index), at: 0)
        return items
    }
}
