import EnbekshiCore
import Foundation

/// Work shared by several processes on one database: feeds and the leader's duties are leased
/// (claimed by one process at a time, with an expiry and a fencing epoch), and every process
/// draws its requests to gov.kz from one budget. Times are the callers' clocks (kept in step by
/// NTP on every machine); a claim takes only what nobody else holds, skipping rows another
/// claim has locked, so workers never wait for one another.
public protocol WorkLeases: Sendable {
    /// Adds feeds to the shared schedule, due when given; feeds already scheduled keep their time.
    func scheduleFeeds(_ feeds: [FeedDue]) async throws
    /// Claims up to `limit` feeds due by `now`, oldest due first, that nobody holds (or whose
    /// holder let the lease expire), each for `duration` seconds with a new epoch.
    func claimDueFeeds(owner: String, now: Date, limit: Int, duration: TimeInterval) async throws -> [Lease]
    /// Extends leases still held by their owner at their epoch; returns those (a lease missing
    /// from the answer was taken over: stop its work).
    func renewLeases(_ leases: [Lease], now: Date, duration: TimeInterval) async throws -> [Lease]
    /// Gives a lease back, setting when its feed is next due. False when it was taken over meanwhile.
    @discardableResult func releaseLease(_ lease: Lease, nextDue: Date?) async throws -> Bool
    /// When the next feed falls due (nil when none is scheduled).
    func nextFeedDue() async throws -> Date?
    /// Claims a named lease (the leader's) when free or expired, or renews it when `owner` holds
    /// it; nil when another process holds it.
    func claimLease(name: String, owner: String, now: Date, duration: TimeInterval) async throws -> Lease?
    /// The named lease when someone holds it at `now`; nil when it is free, released or expired.
    func heldLease(name: String, now: Date) async throws -> Lease?
    /// Reserves `count` request slots `spacing` seconds apart in the budget `name`, shared by every
    /// process; returns when the first may be sent (now or later).
    func reserveRequests(_ count: Int, budget name: String, spacing: TimeInterval, now: Date) async throws -> Date
    /// Holds every process's requests in the budget back until `until` (gov.kz asked us to wait).
    func pauseRequests(budget name: String, until: Date) async throws
    func leaseStatistics(now: Date) async throws -> LeaseStatistics
}
