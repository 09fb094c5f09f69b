/// What the fake gov.kz serves: recorded items (`FakeCorpus`) or a stream published on a simulated
/// clock (`PublishingSimulation`).
public protocol FakeNewsContent: Sendable {
    /// One list page, newest first; `project` nil lists every source's news together.
    func page(project: String?, language: String, page: Int, size: Int, firstPage: Int) -> [FakeCorpus.Item]
    func item(id: String, language: String) -> FakeCorpus.Item?
    /// Projects whose list pages come wrapped in `{"content": [...]}` instead of a bare array.
    var wrappedProjects: Set<String> { get }
}
