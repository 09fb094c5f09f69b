/// An article is identified by the gov.kz project (entity slug) and the gov.kz id, which is the
/// same in every language.
public struct ArticleKey: Sendable, Hashable, Codable, CustomStringConvertible {
    public var project: String
    public var govkzID: String

    public init(project: String, govkzID: String) {
        self.project = project
        self.govkzID = govkzID
    }

    public var description: String { "\(project)/\(govkzID)" }
}
