import EnbekshiCore

/// One answer of gov.kz's list (or one recorded file): a project's items as requested in one language.
public struct IngestPage: Sendable {
    public var items: [GovKzItem]
    public var project: String
    public var language: Language

    public init(items: [GovKzItem], project: String, language: Language) {
        self.items = items
        self.project = project
        self.language = language
    }
}
