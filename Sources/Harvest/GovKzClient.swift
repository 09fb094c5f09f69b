import EnbekshiCore

/// The gov.kz seam: the real HTTP client implements it; so could a GraphQL or RSS client later.
public protocol GovKzClient: Sendable {
    /// One page of a source's news in one language, newest first.
    func newsPage(project: String, language: Language, page: Int, size: Int) async throws(GovKzError) -> [GovKzItem]
    /// One page of every source's news together in one language, newest first (the list call without
    /// a `projects` filter, API.md §2.1). Items name their source in `projects`, when gov.kz sends it.
    func latestNews(language: Language, page: Int, size: Int) async throws(GovKzError) -> [GovKzItem]
    /// One item by id in one language; nil when gov.kz has no such item.
    func newsItem(project: String, id: String, language: Language) async throws(GovKzError) -> GovKzItem?
    /// The bytes of a picture gov.kz names (`/uploads/…`, absolute or not), in one attempt: the
    /// picture queue retries later. Pictures on other hosts are refused, never fetched.
    func picture(url: String) async throws(GovKzError) -> [UInt8]
}
