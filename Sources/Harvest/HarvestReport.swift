import EnbekshiCore
import Foundation

/// What one (source, language) feed gave in one pass.
public struct FeedReport: Sendable, Hashable {
    public var source: String
    public var language: Language
    public var pages = 0
    public var inserted = 0
    public var updated = 0
    public var unchanged = 0
    public var rejected = 0
    public var error: GovKzError?

    public init(source: String, language: Language) {
        self.source = source
        self.language = language
    }
}

/// The sum of a pass.
public struct PassReport: Sendable, Hashable {
    public var feeds = 0
    public var feedsFailed = 0
    public var pages = 0
    public var inserted = 0
    public var updated = 0
    public var unchanged = 0
    public var rejected = 0
    /// Set when the pass stopped early because gov.kz could not be reached at all.
    public var unreachable: GovKzError?
    public var seconds: Double = 0

    public init() {}

    mutating func add(_ feed: FeedReport) {
        feeds += 1
        if feed.error != nil { feedsFailed += 1 }
        pages += feed.pages
        inserted += feed.inserted
        updated += feed.updated
        unchanged += feed.unchanged
        rejected += feed.rejected
    }
}
