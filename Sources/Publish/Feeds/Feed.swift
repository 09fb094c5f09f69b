import EnbekshiCore
import Foundation
import Store

/// A listing as a feed: its newest articles with their full cleaned text, ready for RSS 2.0,
/// Atom 1.0 or JSON Feed 1.1.
struct Feed: Sendable {
    enum Format: String, CaseIterable, Sendable {
        case rss = "rss.xml", atom = "atom.xml", json = "feed.json"

        var contentType: String {
            switch self {
            case .rss: "application/rss+xml; charset=utf-8"
            case .atom: "application/atom+xml; charset=utf-8"
            case .json: "application/feed+json; charset=utf-8"
            }
        }
    }

    struct Item: Sendable {
        var id: Int64
        var path: String
        var title: String
        var contentHTML: String
        var published: GovKzDate?
        var author: String
        /// The language the item is written in, which may differ from the feed's edition.
        var language: Language
        /// Its lead picture once stored: an enclosure (Atom), `media:content` (RSS), `image` (JSON Feed).
        var picture: PictureReference?
    }

    static let size = 30

    var edition: Language
    var title: String
    /// The listing page the feed belongs to, and the feed's own path.
    var pagePath: String
    var feedPath: String
    var items: [Item]

    static func load(
        edition: Language, title: String, pagePath: String, feedPath: String, articleIDs: [Int64], store: any NewsStore,
        sources: SourceDirectory, baseURL: String
    ) async throws -> Feed {
        var items: [Item] = []
        // Listings carry shortened bodies; a feed carries the whole text: read in full, in one go.
        let full = try await store.articles(ids: articleIDs)
        let headlines = try await TranslatedHeadlines.load(for: Array(full.values), edition: edition, store: store)
        // Pictures as on the pages: ours or none, never gov.kz's address (a reader's app would hot-link it).
        let shown = full.values.compactMap { $0.bestVersion(for: edition) }
        let pictures = try await store.pictures(
            urls: full.values.compactMap(\.leadPicture) + shown.flatMap { BodyPictures.sources(inHTML: $0.bodyHTML) })
        for id in articleIDs {
            guard let article = full[id], let version = article.bestVersion(for: edition),
                !version.title.isEmpty
            else { continue }
            let route = SiteRoute.article(edition, id: article.id, slug: Slug.make(article.slugTitle ?? version.title))
            let strings = UIStrings(edition)
            let body = PictureMarkup.feedBody(
                version.bodyHTML, pictures: pictures, alt: strings.pictureAlt(version.title), baseURL: baseURL)
            var content = version.isBrief ? "" : ForeignRuns.mark(body, in: version.language)
            // A reader of this edition's feed is told, as on the page, when an item is not in its language.
            if let headline = headlines[article.id] {
                content = "<p><em>\(HTMLEscaping.escape(strings.headlineTranslated(from: headline.from))): \(HTMLEscaping.escape(version.foreignTitle ?? ""))</em></p>\n" + content
            }
            if let translation = version.machineTranslation {
                content = "<p><em>\(HTMLEscaping.escape(strings.machineTranslation(from: translation.sourceLanguage)))</em></p>\n" + content
            } else if version.language != edition {
                content = "<p lang=\"\(edition.rawValue)\"><em>\(HTMLEscaping.escape(strings.notInThisLanguage(shownIn: version.language)))</em></p>\n" + content
            }
            items.append(Item(
                id: article.id, path: route.path, title: headlines[article.id]?.text ?? version.title, contentHTML: content, published: article.published,
                author: await sources.name(article.key.project, in: edition), language: version.language,
                picture: article.leadPicture.flatMap { pictures[$0] }))
        }
        return Feed(edition: edition, title: title, pagePath: pagePath, feedPath: feedPath, items: items)
    }
}
