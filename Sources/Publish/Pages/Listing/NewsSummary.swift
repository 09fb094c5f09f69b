import EnbekshiCore
import Store

/// One article as a listing shows it, already in the language it will be shown in.
struct NewsSummary: Sendable {
    var route: SiteRoute
    var title: String
    /// Escaped HTML text of the first paragraph, shortened; empty for briefs.
    var leadHTML: String
    var date: GovKzDate?
    var sourceName: String
    var sourceSlug: String
    /// Other bodies that published the same story: names and slugs.
    var alsoPublishedBy: [(name: String, slug: String)] = []
    /// The language of the text shown (may differ from the edition; then it is labelled).
    var contentLanguage: Language
    var isMachineTranslated = false
    /// The lead picture, when it has been fetched.
    var picture: PictureReference?

    var articleID: Int64? {
        if case .article(_, let id, _) = route { id } else { nil }
    }

    /// Summaries of a page of articles, with publisher names from the directory and, for stories
    /// published by several bodies, the other publishers (one query for the page).
    static func make(_ articles: [Article], edition: Language, store: any NewsStore, sources: SourceDirectory) async throws
        -> [NewsSummary]
    {
        let publishers = try await store.storyPublishers(storyIDs: articles.compactMap(\.storyID))
        let headlines = try await TranslatedHeadlines.load(for: articles, edition: edition, store: store)
        let pictures = try await store.pictures(urls: articles.compactMap(\.leadPicture))
        var items: [NewsSummary] = []
        for article in articles {
            let name = await sources.name(article.key.project, in: edition)
            guard var item = make(article, edition: edition, sourceName: name, headline: headlines[article.id]?.text) else { continue }
            item.picture = article.leadPicture.flatMap { pictures[$0] }
            for other in article.storyID.flatMap({ publishers[$0] }) ?? [] where other != article.key.project {
                item.alsoPublishedBy.append((await sources.name(other, in: edition), other))
            }
            items.append(item)
        }
        return items
    }

    /// `headline`, when given, is gov.kz's title translated by machine (`TranslatedHeadlines`): shown
    /// instead of the headline derived from the body, and labelled as machine translation.
    static func make(_ article: Article, edition: Language, sourceName: String, headline: String? = nil) -> NewsSummary? {
        guard let version = article.bestVersion(for: edition), !version.title.isEmpty else { return nil }
        return NewsSummary(
            route: .article(edition, id: article.id, slug: Slug.make(article.slugTitle ?? version.title)),
            title: headline ?? version.title,
            leadHTML: Lead.make(fromBodyHTML: version.bodyHTML),
            date: article.published,
            sourceName: sourceName, sourceSlug: article.key.project,
            contentLanguage: version.language, isMachineTranslated: version.machineTranslation != nil || headline != nil)
    }
}
