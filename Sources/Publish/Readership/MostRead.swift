import EnbekshiCore
import Foundation
import Store

/// "Most read" today or this week (Kazakhstan days, the last seven for a week), for the front page
/// and a section's page: the articles whose pages were viewed most, each with its count.
struct MostRead: Sendable {
    enum Period: Sendable, CaseIterable {
        case today, week

        /// Days before today the span begins.
        var daysBack: Int { self == .today ? 0 : 6 }
    }

    static let count = 5
    /// Pages showing it are rendered again after this long, as views change no content generation.
    static let freshSeconds = 60
    /// An article's page, showing its own count, is rendered again after this long.
    static let articleFreshSeconds = 300

    var period: Period
    var items: [(summary: NewsSummary, views: Int)]

    static func load(
        _ period: Period, section: Section?, edition: Language, store: any NewsStore, sources: SourceDirectory, now: Date = Date()
    ) async throws -> MostRead {
        let today = Day.inKazakhstan(at: now)
        let ranked = try await store.mostRead(since: today.adding(days: -period.daysBack), section: section, limit: count)
        let articles = try await store.articles(ids: ranked.map(\.articleID))
        let summaries = try await NewsSummary.make(ranked.compactMap { articles[$0.articleID] }, edition: edition, store: store, sources: sources)
        let views = Dictionary(ranked.map { ($0.articleID, $0.views) }, uniquingKeysWith: +)
        // A plain loop: the release optimiser of Swift 6.3.1 crashed on this written as nested closures.
        var items: [(summary: NewsSummary, views: Int)] = []
        for summary in summaries {
            guard let id = summary.articleID, let count = views[id] else { continue }
            items.append((summary, count))
        }
        return MostRead(period: period, items: items)
    }

    /// The block with a list per period; "" when nothing was read yet.
    static func render(_ blocks: [MostRead], edition: Language, id: String) -> String {
        guard blocks.contains(where: { !$0.items.isEmpty }) else { return "" }
        let strings = UIStrings(edition)
        let e = HTMLEscaping.escape
        var html = "<section class=\"most-read\" aria-labelledby=\"\(id)\"><h2 id=\"\(id)\">\(e(strings.mostRead))</h2>\n"
        for block in blocks where !block.items.isEmpty {
            html += "<h3>\(e(block.period == .today ? strings.today : strings.thisWeek))</h3>\n<ol>\n"
            for (summary, views) in block.items {
                let lang = summary.contentLanguage == edition ? "" : " lang=\"\(summary.contentLanguage.rawValue)\""
                // An article not in the edition's language says so, as in every listing.
                let other = summary.contentLanguage == edition ? "" : strings.inLanguage(summary.contentLanguage) + " · "
                html += "<li\(lang)><a href=\"\(e(summary.route.path))\">\(e(summary.title))</a> "
                html += "<span class=\"views\" lang=\"\(edition.rawValue)\">\(e(other + strings.views(views)))</span></li>\n"
            }
            html += "</ol>\n"
        }
        return html + "</section>\n"
    }
}
