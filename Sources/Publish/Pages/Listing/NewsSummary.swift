import EnbekshiCore

/// One article as a listing shows it, already in the language it will be shown in.
struct NewsSummary: Sendable {
    var route: SiteRoute
    var title: String
    /// Escaped HTML text of the first paragraph, shortened; empty for briefs.
    var leadHTML: String
    var date: GovKzDate?
    var sourceName: String
    /// The language of the text shown (may differ from the edition; then it is labelled).
    var contentLanguage: Language
    var isMachineTranslated = false

    /// Summaries of a page of articles, with publisher names from the directory.
    static func make(_ articles: [Article], edition: Language, sources: SourceDirectory) async -> [NewsSummary] {
        var items: [NewsSummary] = []
        for article in articles {
            let name = await sources.name(article.key.project, in: edition)
            if let item = make(article, edition: edition, sourceName: name) { items.append(item) }
        }
        return items
    }

    static func make(_ article: Article, edition: Language, sourceName: String) -> NewsSummary? {
        guard let version = article.bestVersion(for: edition), !version.title.isEmpty else { return nil }
        return NewsSummary(
            route: .article(edition, id: article.id, slug: Slug.make(article.slugTitle ?? version.title)),
            title: version.title,
            leadHTML: Lead.make(fromBodyHTML: version.bodyHTML),
            date: article.published,
            sourceName: sourceName,
            contentLanguage: version.language, isMachineTranslated: version.machineTranslation != nil)
    }
}
