import EnbekshiCore

/// The gov.kz seam: the real HTTP client implements it; so could a GraphQL or RSS client later.
public protocol GovKzClient: Sendable {
    /// One page of a source's news in one language, newest first.
    func newsPage(project: String, language: Language, page: Int, size: Int) async throws(GovKzError) -> [GovKzItem]
    /// One item by id in one language; nil when gov.kz has no such item.
    func newsItem(project: String, id: String, language: Language) async throws(GovKzError) -> GovKzItem?
}
