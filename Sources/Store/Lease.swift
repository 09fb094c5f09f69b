import EnbekshiCore
import Foundation

/// One piece of work held by one process until `expiresAt`: a feed to harvest, or the leader's
/// once-only duties. Its epoch grows with every claim, so a write fenced by it fails once anyone
/// else has claimed the work since (a stalled worker that wakes up late writes nothing).
public struct Lease: Sendable, Hashable, CustomStringConvertible {
    public var name: String
    /// The feed, for a feed's lease.
    public var source: String?
    public var language: Language?
    public var owner: String
    public var epoch: Int64
    public var expiresAt: Date

    public init(name: String, source: String? = nil, language: Language? = nil, owner: String, epoch: Int64, expiresAt: Date) {
        self.name = name
        self.source = source
        self.language = language
        self.owner = owner
        self.epoch = epoch
        self.expiresAt = expiresAt
    }

    /// The lease name of a feed.
    public static func feedName(source: String, language: Language) -> String { "feed/\(source)/\(language.rawValue)" }

    /// The lease of the once-only periodic work.
    public static let leaderName = "leader"

    /// Held by the leader while gov.kz's all-sources listing works: workers then poll each source
    /// only as a safety net. It lapses by itself a little after the listing stops working.
    public static let listingWorksName = "signal/all-sources-listing-works"

    public var description: String { "\(name)#\(epoch) held by \(owner)" }
}

/// A feed and when it is next due, for `WorkLeases.scheduleFeeds`.
public struct FeedDue: Sendable, Hashable {
    public var source: String
    public var language: Language
    public var due: Date

    public init(source: String, language: Language, due: Date) {
        self.source = source
        self.language = language
        self.due = due
    }
}

/// How the leases stand, for metrics and the operator's view.
public struct LeaseStatistics: Sendable, Hashable {
    /// Feeds known to the shared schedule.
    public var feeds = 0
    /// Leases held and not yet expired.
    public var held = 0
    /// Leases whose holder let them expire without releasing them (it stalled or died).
    public var expired = 0
    /// Feeds due now and not held.
    public var due = 0

    public init(feeds: Int = 0, held: Int = 0, expired: Int = 0, due: Int = 0) {
        self.feeds = feeds
        self.held = held
        self.expired = expired
        self.due = due
    }
}
