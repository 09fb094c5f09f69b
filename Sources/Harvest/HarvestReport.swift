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

    /// Counts what became of a page's items and returns, for the new ones, the seconds from
    /// gov.kz's publication to `now` (the harvest lag).
    mutating func count(_ items: [GovKzItem], _ outcomes: [NewsIngestor.Outcome], now: Date = Date()) -> [Double] {
        var lags: [Double] = []
        for (item, outcome) in zip(items, outcomes) {
            switch outcome {
            case .saved(.inserted):
                inserted += 1
                if let created = item.createdDate.flatMap(GovKzDate.init) { lags.append(max(0, now.timeIntervalSince(created.instant))) }
            case .saved(.updated): updated += 1
            case .saved(.unchanged): unchanged += 1
            case .rejected: rejected += 1
            }
        }
        return lags
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
