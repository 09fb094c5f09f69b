import EnbekshiCore

/// One item as gov.kz was asked for it: a project's id in the language requested (an article has
/// one fetch per language it was requested in).
public struct FetchKey: Hashable, Sendable {
    public var project: String
    public var language: Language
    public var govkzID: String

    public init(project: String, language: Language, govkzID: String) {
        self.project = project
        self.language = language
        self.govkzID = govkzID
    }
}
