import Foundation

/// The machines moved an article to another section or region (a reclassification after a new
/// text, `reclean`, a new model); what the newsroom corrected is not one.
public struct TopicChange: Sendable, Hashable {
    /// "section" or "region".
    public var field: String
    public var before: String
    public var after: String
    public var at: Date

    public init(field: String, before: String, after: String, at: Date) {
        self.field = field
        self.before = before
        self.after = after
        self.at = at
    }
}

/// A previous original of a language version, kept when gov.kz changed the item.
public struct VersionHistoryEntry: Sendable, Hashable {
    public var title: String?
    public var originalHTML: String?
    public var contentHash: String
    public var fetchedAt: Date
    public var replacedAt: Date

    public init(title: String?, originalHTML: String?, contentHash: String, fetchedAt: Date, replacedAt: Date) {
        self.title = title
        self.originalHTML = originalHTML
        self.contentHash = contentHash
        self.fetchedAt = fetchedAt
        self.replacedAt = replacedAt
    }
}
