import EnbekshiCore

/// How many versions one feed published over a recent span.
public struct FeedActivity: Sendable, Hashable {
    public var source: String
    public var language: Language
    public var items: Int

    public init(source: String, language: Language, items: Int) {
        self.source = source
        self.language = language
        self.items = items
    }
}
