import EnbekshiCore

/// A stored text still owed its story links: what story detection needs to place it again.
public struct PendingStoryText: Sendable {
    public var articleID: Int64
    public var language: Language
    public var title: String
    /// The sanitised body as stored.
    public var bodyHTML: String
    /// `YYYY-MM-DD`, gov.kz wall time.
    public var day: String
}
