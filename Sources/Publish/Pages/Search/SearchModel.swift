import EnbekshiCore
import Store

/// The search page: the form as the reader filled it, and one page of results or the reason there
/// are none.
struct SearchModel: Sendable {
    static let pageSize = 20
    /// Deeper pages cost more than they are worth to a reader; refine the query instead.
    static let maximumPage = SearchResults.countLimit / pageSize

    var edition: Language
    var parameters: SearchParameters
    var results: [(summary: NewsSummary, snippetHTML: String)] = []
    var total = 0
    /// More matched than were counted (`SearchResults.horizon`): the pages go on past the last counted.
    var capped = false
    /// Few exact matches, so words were also matched by their beginning.
    var widened = false
    /// Why the query could not run, in the reader's edition; nil when it ran (or nothing was asked).
    var problem: String?

    var route: SiteRoute { .search(edition, parameters) }
    var pageCount: Int { min(Self.maximumPage, max(1, (total + Self.pageSize - 1) / Self.pageSize)) }

    static func load(
        edition: Language, parameters: SearchParameters, store: any NewsStore, sources: SourceDirectory
    ) async throws -> SearchModel {
        var model = SearchModel(edition: edition, parameters: parameters)
        guard !parameters.q.trimmingCharacters(in: .whitespaces).isEmpty else { return model }
        let request: SearchRequest
        do {
            request = try parameters.request(snippetLanguage: edition)
        } catch {
            model.problem = UIStrings(edition).searchProblem(error)
            return model
        }
        let found = try await store.search(request, limit: pageSize, offset: (parameters.page - 1) * pageSize)
        model.total = found.total
        model.capped = found.isCapped
        model.widened = found.widened
        let articles = try await store.articles(ids: found.hits.map(\.articleID))
        let headlines = try await TranslatedHeadlines.load(for: Array(articles.values), edition: edition, store: store)
        for hit in found.hits {
            guard let article = articles[hit.articleID] else { continue }
            let name = await sources.name(article.key.project, in: edition)
            guard let summary = NewsSummary.make(article, edition: edition, sourceName: name, headline: headlines[article.id]?.text)
            else { continue }
            // The snippet is of the edition's text; an article shown in another language uses its lead.
            model.results.append((summary, summary.contentLanguage == edition ? hit.snippetHTML : ""))
        }
        return model
    }
}
