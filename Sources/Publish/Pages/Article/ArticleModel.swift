import Foundation
import EnbekshiCore
import Store

/// One article page: the version for this edition, or the best other one, labelled.
struct ArticleModel: Sendable {
    var edition: Language
    var articleID: Int64
    var version: ArticleVersion
    var published: GovKzDate?
    var sourceName: String
    /// The languages gov.kz published this article in.
    var available: [Language]
    var project: String
    var topics: ArticleTopics?
    /// Other bodies that published the same release: their names and our pages of their copies.
    var alsoPublishedBy: [(name: String, route: SiteRoute)] = []
    /// Different releases on the same subject (another region's office on the same new rule).
    var related: [NewsSummary] = []
    /// The nearest days with news before and after this one's, for the day links.
    var daysAround: (before: Day?, after: Day?) = (nil, nil)
    /// Machine glosses of the Cyrillic runs left in an English text, by run.
    var glosses: [String: String] = [:]
    /// gov.kz's title machine-translated into this version's language, when the title was in another
    /// language than the body: shown as the headline, labelled, with the original title beside it.
    var translatedHeadline: (text: String, from: Language, original: String)?
    /// Who wrote it, for the newsroom's own articles.
    var byline: String?
    /// The newsroom corrected this edition's headline or text (a machine translation it edited).
    var editedByNewsroom = false
    /// Views of its page so far, over every node.
    var views = 0
    /// gov.kz's lead picture, once fetched.
    var picture: PictureReference?
    /// The pictures inside the text that have been fetched, by address.
    var bodyPictures: [String: PictureReference] = [:]
    /// Minutes to read the text, at about 200 words a minute; 0 for briefs.
    var readingMinutes: Int {
        guard !version.isBrief else { return 0 }
        let words = PlainText.from(html: version.bodyHTML).split(whereSeparator: \.isWhitespace).count
        return max(1, Int((Double(words) / 200).rounded()))
    }
    var isNewsroomArticle: Bool { project == Source.newsroomSlug }

    /// The headline the page shows.
    var headline: String { translatedHeadline?.text ?? version.title }

    /// The slug comes from gov.kz's own headline, so an article keeps one address in every edition.
    var canonicalSlug: String
    var route: SiteRoute { .article(edition, id: articleID, slug: canonicalSlug) }
    var isFallback: Bool { version.language != edition }

    /// The site's public address, for Open Graph and JSON-LD.
    var publicURL = ""
    /// The lead, for the description and Open Graph tags.
    var description: String? {
        let lead = Lead.make(fromBodyHTML: version.bodyHTML)
        return lead.isEmpty ? nil : HTMLEscaping.unescapeBasic(lead)
    }

    static func load(edition: Language, id: Int64, store: any NewsStore, sources: SourceDirectory, publicURL: String = "")
        async throws -> ArticleModel?
    {
        guard let article = try await store.article(id: id),
            let version = article.bestVersion(for: edition), !version.title.isEmpty
        else { return nil }
        var also: [(name: String, route: SiteRoute)] = []
        if let story = article.storyID {
            for member in try await store.storyMembers(storyID: story) where member.id != article.id {
                also.append((await sources.name(member.key.project, in: edition), .article(edition, id: member.id, slug: "")))
            }
        }
        var model = ArticleModel(
            edition: edition, articleID: article.id, version: version, published: article.published,
            sourceName: await sources.name(article.key.project, in: edition),
            available: article.versions.keys.sorted(), project: article.key.project, topics: article.topics, canonicalSlug: Slug.make(article.slugTitle ?? version.title))
        model.alsoPublishedBy = also
        model.publicURL = publicURL
        model.views = try await store.totalViews(articleIDs: [article.id])[article.id] ?? 0
        model.editedByNewsroom = try await store.corrections(articleID: article.id).contains {
            $0.field.isPerEdition && $0.language == version.language
        }
        if model.isNewsroomArticle {
            model.byline = article.versions.values.lazy.compactMap { Self.byline(rawJSON: $0.rawJSON) }.first
        }
        if let published = article.published { model.daysAround = try await store.daysWithNews(around: Day(published)) }
        if version.language == .en, !version.isBrief {
            let runs = Set(CyrillicRuns.runs(inHTML: version.bodyHTML).map(\.text))
            if !runs.isEmpty { model.glosses = try await store.glosses(of: Array(runs), to: .en).mapValues(\.text) }
        }
        if let title = version.foreignTitle, let translated = try await TranslatedHeadlines.load(for: [article], edition: edition, store: store)[article.id] {
            model.translatedHeadline = (translated.text, translated.from, title)
        }
        let relatedIDs = try await store.relatedArticles(to: article.id, limit: 5)
        let relatedArticles = try await store.articles(ids: relatedIDs)
        let headlines = try await TranslatedHeadlines.load(for: Array(relatedArticles.values), edition: edition, store: store)
        // The article's picture and its related stories' thumbnails in one read.
        let pictures = try await store.pictures(
            urls: ([article] + Array(relatedArticles.values)).compactMap(\.leadPicture) + BodyPictures.sources(inHTML: version.bodyHTML))
        model.picture = article.leadPicture.flatMap { pictures[$0] }
        model.bodyPictures = pictures
        for relatedID in relatedIDs {
            guard let other = relatedArticles[relatedID] else { continue }
            let name = await sources.name(other.key.project, in: edition)
            if var summary = NewsSummary.make(other, edition: edition, sourceName: name, headline: headlines[other.id]?.text) {
                summary.picture = other.leadPicture.flatMap { pictures[$0] }
                model.related.append(summary)
            }
        }
        return model
    }

    /// The byline the newsroom's publisher put in the stored item (`newsroom.byline`).
    static func byline(rawJSON: String?) -> String? {
        guard let rawJSON, let object = try? JSONSerialization.jsonObject(with: Data(rawJSON.utf8)) as? [String: Any],
            let newsroom = object["newsroom"] as? [String: Any], let byline = newsroom["byline"] as? String, !byline.isEmpty
        else { return nil }
        return byline
    }
}
