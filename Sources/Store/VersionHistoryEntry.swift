import Foundation

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
