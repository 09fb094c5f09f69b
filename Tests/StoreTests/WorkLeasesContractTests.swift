import EnbekshiCore
import Foundation
import Logging
import Store
import Synchronization
import TestSupport
import Testing

/// Leases and the shared request budget, on every engine: what lets several workers share one
/// database without doing anything twice or writing over each other.
@Suite("WorkLeases contract")
struct WorkLeasesContractTests {
    static let at = Date(timeIntervalSince1970: 1_800_000_000)

    static func feeds(_ count: Int, due: Date = at) -> [FeedDue] {
        (0..<count).map { FeedDue(source: "source-\($0)", language: $0 % 2 == 0 ? .kk : .ru, due: due.addingTimeInterval(Double($0))) }
    }

    @Test("due feeds are claimed oldest first; workers claiming at once never get the same feed", arguments: StoreImplementation.allCases)
    func claims(_ implementation: StoreImplementation) async throws {
        let (store, lifetime) = try await implementation.make()
        defer { withExtendedLifetime(lifetime) {} }
        try await store.scheduleFeeds(Self.feeds(60))
        // Scheduling again keeps the times already set.
        try await store.scheduleFeeds([FeedDue(source: "source-0", language: .kk, due: Self.at.addingTimeInterval(86_400))])
        #expect(try await store.nextFeedDue() == Self.at)
        #expect(try await store.claimDueFeeds(owner: "early", now: Self.at.addingTimeInterval(-1), limit: 10, duration: 60).isEmpty)
        let first = try await store.claimDueFeeds(owner: "w0", now: Self.at.addingTimeInterval(2.5), limit: 10, duration: 600)
        #expect(first.map(\.source) == ["source-0", "source-1", "source-2"])
        try #require(first.count == 3)
        #expect(first[0].language == .kk && first[1].language == .ru)
        #expect(first.allSatisfy { $0.epoch == 1 && $0.owner == "w0" && $0.name == Lease.feedName(source: $0.source ?? "", language: $0.language ?? .kk) })

        let now = Self.at.addingTimeInterval(100)
        let claims = try await withThrowingTaskGroup(of: [Lease].self) { group in
            for worker in 1...4 {
                group.addTask {
                    var mine: [Lease] = []
                    while true {
                        let leases = try await store.claimDueFeeds(owner: "w\(worker)", now: now, limit: 3, duration: 60)
                        if leases.isEmpty { return mine }
                        mine += leases
                    }
                }
            }
            var all: [Lease] = []
            for try await leases in group { all += leases }
            return all
        }
        #expect(claims.count == 57)
        #expect(Set(claims.map(\.name)).count == 57, "a feed was claimed twice")
        #expect(Set(claims.map(\.name)).isDisjoint(with: first.map(\.name)))
        let statistics = try await store.leaseStatistics(now: now)
        #expect(statistics == LeaseStatistics(feeds: 60, held: 60, expired: 0, due: 0))
    }

    @Test("a released feed is due again when its holder said; an expired lease is taken over under a new epoch",
          arguments: StoreImplementation.allCases)
    func releaseAndExpiry(_ implementation: StoreImplementation) async throws {
        let (store, lifetime) = try await implementation.make()
        defer { withExtendedLifetime(lifetime) {} }
        try await store.scheduleFeeds(Self.feeds(2))
        let now = Self.at.addingTimeInterval(10)
        let leases = try await store.claimDueFeeds(owner: "A", now: now, limit: 2, duration: 600)
        try #require(leases.count == 2)
        #expect(try await store.releaseLease(leases[0], nextDue: now.addingTimeInterval(300)))
        #expect(try await store.claimDueFeeds(owner: "B", now: now.addingTimeInterval(299), limit: 5, duration: 600).isEmpty)
        let again = try await store.claimDueFeeds(owner: "B", now: now.addingTimeInterval(300), limit: 5, duration: 600)
        #expect(again.map(\.name) == [leases[0].name])
        #expect(again.first?.epoch == 2)
        #expect(try await store.releaseLease(try #require(again.first), nextDue: now.addingTimeInterval(10_000)))

        // A renews its second lease, then stalls: after expiry B takes it, and A can neither renew nor release.
        let renewed = try await store.renewLeases([leases[1]], now: now.addingTimeInterval(550), duration: 600)
        #expect(renewed.map(\.name) == [leases[1].name])
        #expect(try await store.claimDueFeeds(owner: "B", now: now.addingTimeInterval(1100), limit: 5, duration: 600).isEmpty)
        #expect(try await store.leaseStatistics(now: now.addingTimeInterval(1151)) == LeaseStatistics(feeds: 2, held: 0, expired: 1, due: 1))
        let taken = try await store.claimDueFeeds(owner: "B", now: now.addingTimeInterval(1151), limit: 5, duration: 600)
        #expect(taken.map(\.name) == [leases[1].name])
        #expect(taken.first?.epoch == leases[1].epoch + 1)
        #expect(try await store.renewLeases([leases[1]], now: now.addingTimeInterval(1152), duration: 600).isEmpty)
        #expect(try await store.releaseLease(leases[1], nextDue: Self.at) == false)
        #expect(try await store.releaseLease(try #require(taken.first), nextDue: nil))
    }

    @Test("writes under a lease are fenced: a worker that lost its lease writes nothing, the new holder writes",
          arguments: StoreImplementation.allCases)
    func fencedWrites(_ implementation: StoreImplementation) async throws {
        let (store, lifetime) = try await implementation.make()
        defer { withExtendedLifetime(lifetime) {} }
        try await store.scheduleFeeds([FeedDue(source: "mod", language: .ru, due: Self.at)])
        let stale = try #require(try await store.claimDueFeeds(owner: "A", now: Self.at, limit: 1, duration: 10).first)
        let current = try #require(try await store.claimDueFeeds(owner: "B", now: Self.at.addingTimeInterval(11), limit: 1, duration: 10).first)
        let key = ArticleKey(project: "mod", govkzID: "1")
        let item = BulkArticle(key: key, version: NewsStoreContractTests.version(.ru, title: "Поздно", hash: "late"), topics: nil)
        await #expect(throws: StoreError.self) { try await store.saveBatch([item], fence: stale) }
        #expect(try await store.articleID(for: key) == nil)
        var state = HarvestState(source: "mod", language: .ru)
        state.itemsStored = 99
        await #expect(throws: StoreError.self) { try await store.record(state, fence: stale) }
        #expect(try await store.harvestState(source: "mod", language: .ru) == nil)

        let fresh = BulkArticle(key: key, version: NewsStoreContractTests.version(.ru, title: "Вовремя", hash: "fresh"), topics: nil)
        #expect(try await store.saveBatch([fresh], fence: current).first?.outcome == .inserted)
        state.itemsStored = 1
        try await store.record(state, fence: current)
        #expect(try await store.harvestState(source: "mod", language: .ru)?.itemsStored == 1)
        // A lease renewed by its holder keeps its epoch: its writes stay valid.
        let renewed = try #require(try await store.renewLeases([current], now: Self.at.addingTimeInterval(15), duration: 10).first)
        #expect(renewed.epoch == current.epoch)
        try await store.record(state, fence: renewed)
    }

    @Test("one leader at a time: the holder renews, another takes over only after expiry; anyone sees who holds it", arguments: StoreImplementation.allCases)
    func leader(_ implementation: StoreImplementation) async throws {
        let (store, lifetime) = try await implementation.make()
        defer { withExtendedLifetime(lifetime) {} }
        let a = try #require(try await store.claimLease(name: Lease.leaderName, owner: "A", now: Self.at, duration: 30))
        #expect(a.epoch == 1 && a.source == nil)
        #expect(try await store.claimLease(name: Lease.leaderName, owner: "B", now: Self.at.addingTimeInterval(10), duration: 30) == nil)
        let renewed = try #require(try await store.claimLease(name: Lease.leaderName, owner: "A", now: Self.at.addingTimeInterval(20), duration: 30))
        #expect(renewed.epoch == a.epoch)
        #expect(try await store.claimLease(name: Lease.leaderName, owner: "B", now: Self.at.addingTimeInterval(49), duration: 30) == nil)
        let b = try #require(try await store.claimLease(name: Lease.leaderName, owner: "B", now: Self.at.addingTimeInterval(51), duration: 30))
        #expect(b.epoch == a.epoch + 1)
        #expect(try await store.claimLease(name: Lease.leaderName, owner: "A", now: Self.at.addingTimeInterval(52), duration: 30) == nil)
        // Anyone may ask who holds it: B until its expiry, nobody after, nor once released.
        #expect(try await store.heldLease(name: Lease.leaderName, now: Self.at.addingTimeInterval(60)) == b)
        #expect(try await store.heldLease(name: Lease.leaderName, now: Self.at.addingTimeInterval(81)) == nil)
        #expect(try await store.heldLease(name: "never-claimed", now: Self.at) == nil)
        try await store.releaseLease(b, nextDue: nil)
        #expect(try await store.heldLease(name: Lease.leaderName, now: Self.at.addingTimeInterval(60)) == nil)
        // The leader's lease is no feed: it is never handed out as one.
        #expect(try await store.claimDueFeeds(owner: "C", now: Self.at.addingTimeInterval(999), limit: 10, duration: 30).isEmpty)
        #expect(try await store.leaseStatistics(now: Self.at.addingTimeInterval(60)).feeds == 0)
    }

    @Test("work that outlasts its lease keeps it, renewed as it runs; work whose lease is taken over is stopped",
          arguments: StoreImplementation.allCases)
    func renewedWhileWorking(_ implementation: StoreImplementation) async throws {
        let (store, lifetime) = try await implementation.make()
        defer { withExtendedLifetime(lifetime) {} }
        let logger = Logger(label: "test")
        let duration: TimeInterval = 1.5
        let clock = Mutex(Self.at)
        let now: @Sendable () -> Date = { clock.withLock { $0 } }
        let lease = try #require(try await store.claimLease(name: "duty", owner: "A", now: now(), duration: duration))
        // The work moves time on by most of the lease, has another process ask for it, and waits
        // for the next renewal, however late a loaded machine makes it: without the renewals the
        // lease would be expired, and taken, at the second step.
        let taken = Mutex(false)
        let finished = await store.whileRenewing(lease, duration: duration, now: now, logger: logger) {
            var expiry = lease.expiresAt
            for _ in 0..<5 {
                clock.withLock { $0 = $0.addingTimeInterval(duration * 0.75) }
                if (try? await store.claimLease(name: "duty", owner: "B", now: now(), duration: duration)) != nil {
                    taken.withLock { $0 = true }
                }
                expiry = await store.renewal(of: "duty", after: expiry, now: now)
            }
            return "done"
        }
        #expect(finished == "done")
        #expect(!taken.withLock { $0 }, "the lease was taken over while its work ran")
        #expect(try await store.heldLease(name: "duty", now: now())?.epoch == lease.epoch)

        // Taken over (its holder looked dead): the work is cancelled and nil says so.
        let started = ContinuousClock.now
        let stopped = await store.whileRenewing(lease, duration: duration, now: now, logger: logger) {
            _ = try? await store.claimLease(name: "duty", owner: "B", now: now().addingTimeInterval(2 * duration), duration: 600)
            try? await Task.sleep(for: .seconds(120))
            return Task.isCancelled ? "cancelled" : "ran to the end"
        }
        #expect(stopped == nil)
        #expect(ContinuousClock.now - started < .seconds(60))
        #expect(try await store.heldLease(name: "duty", now: now())?.owner == "B")
    }

    @Test("the request budget spaces every process's requests, and a pause holds all of them back", arguments: StoreImplementation.allCases)
    func requestBudget(_ implementation: StoreImplementation) async throws {
        let (store, lifetime) = try await implementation.make()
        defer { withExtendedLifetime(lifetime) {} }
        let now = Date()
        // Thirty reservations from six tasks at the same moment get thirty distinct slots 0.5 s apart.
        let slots = try await withThrowingTaskGroup(of: [Date].self) { group in
            for _ in 0..<6 {
                group.addTask {
                    var mine: [Date] = []
                    for _ in 0..<5 { mine.append(try await store.reserveRequests(1, budget: "govkz", spacing: 0.5, now: now)) }
                    return mine
                }
            }
            var all: [Date] = []
            for try await dates in group { all += dates }
            return all.sorted()
        }
        #expect(slots.count == 30)
        #expect(abs(slots[0].timeIntervalSince(now)) < 0.01)
        for (earlier, later) in zip(slots, slots.dropFirst()) {
            #expect(abs(later.timeIntervalSince(earlier) - 0.5) < 0.01, "slots \(earlier) and \(later) are not 0.5 s apart")
        }
        // Another budget is separate; a block of three takes three slots.
        #expect(abs(try await store.reserveRequests(3, budget: "engine", spacing: 1, now: now).timeIntervalSince(now)) < 0.01)
        #expect(abs(try await store.reserveRequests(1, budget: "engine", spacing: 1, now: now).timeIntervalSince(now) - 3) < 0.01)
        // gov.kz said wait a minute: the next slot is after it, for everyone.
        try await store.pauseRequests(budget: "govkz", until: now.addingTimeInterval(60))
        #expect(abs(try await store.reserveRequests(1, budget: "govkz", spacing: 0.5, now: now).timeIntervalSince(now) - 60) < 0.01)
        // A pause shorter than what is already reserved changes nothing.
        try await store.pauseRequests(budget: "govkz", until: now.addingTimeInterval(1))
        #expect(abs(try await store.reserveRequests(1, budget: "govkz", spacing: 0.5, now: now).timeIntervalSince(now) - 60.5) < 0.01)
    }
}
