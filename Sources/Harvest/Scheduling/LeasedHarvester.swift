import EnbekshiCore
import Foundation
import Logging
import Store
import Synchronization

/// The harvest loop of a worker that shares the database with other workers: the schedule (when
/// each feed is next due) lives in the store, each feed is claimed under a lease before it is read
/// and every write made for it is fenced by the lease's epoch, and every request draws from the
/// deployment's budget (`SharedRequestBudget`, wired into the client). A worker that dies holds its
/// feeds only until their leases expire; one that stalls past its lease writes nothing after waking.
///
/// The intervals come from this worker's own `PollSchedule` (rates from the store's history and
/// from what it finds); since a feed's due time is shared, all workers together poll each feed once
/// per interval, whatever their number.
public struct LeasedHarvester: Sendable {
    public struct Settings: Sendable {
        public var schedule = PollSchedule.Settings()
        /// Feeds this worker reads at once.
        public var concurrency = 2
        /// Seconds a claimed feed stays this worker's; renewed every third of it while being read.
        public var leaseDuration: TimeInterval = 60
        /// Longest wait between two looks for due feeds (others may have scheduled some).
        public var idleWait: TimeInterval = 2
        /// Wait after a poll found gov.kz unreachable.
        public var unreachableRetry: TimeInterval = 60
        /// Per-source list polls per second, for the deployment, while the leader finds that the
        /// all-sources listing works (`Lease.listingWorksName`); `schedule`'s rate otherwise.
        public var fallbackRequestsPerSecond = PollingHarvester.Settings().fallbackRequestsPerSecond
        /// How often a worker looks whether the listing works.
        public var listingCheck: TimeInterval = 30
        /// How long the leader's word that the listing works lasts, renewed at each good read.
        public var listingSignal: TimeInterval = 120

        public init() {}
    }

    public let harvester: Harvester
    public let leases: any WorkLeases
    public let owner: String
    public let settings: Settings
    public let clock: any HarvestClock
    let logger: Logger

    public init(
        harvester: Harvester, leases: any WorkLeases, owner: String = WorkerName.current, settings: Settings = Settings(),
        clock: any HarvestClock = WallClock(), logger: Logger
    ) {
        self.harvester = harvester
        self.leases = leases
        self.owner = owner
        self.settings = settings
        self.clock = clock
        self.logger = logger
    }

    /// What this worker did.
    public struct Statistics: Sendable {
        public var polls = 0
        public var inserted = 0
        public var leasesLost = 0
    }

    /// Adds the feeds to the shared schedule and reads due feeds until cancelled or `end`.
    @discardableResult
    public func run(
        feeds: [PollSchedule.Feed], history: [PollSchedule.Feed: (items: Double, seconds: TimeInterval)], until end: Date? = nil
    ) async throws -> Statistics {
        let start = clock.now
        let state = State(schedule: PollSchedule(feeds: feeds, settings: settings.schedule, now: start, history: history))
        try await leases.scheduleFeeds(state.schedule.withLock { schedule in
            feeds.map { FeedDue(source: $0.source, language: $0.language, due: schedule.firstDue($0, now: start, known: history[$0] != nil)) }
        })
        try await withThrowingTaskGroup(of: Void.self) { group in
            for _ in 0..<max(1, settings.concurrency) {
                group.addTask { try await work(state, until: end) }
            }
            try await group.waitForAll()
        }
        return state.statistics.withLock { $0 }
    }

    /// What the readers of one run share.
    final class State: Sendable {
        let schedule: Mutex<PollSchedule>
        let statistics = Mutex(Statistics())
        /// Whether the all-sources listing works, as last looked up, and when to look again.
        let listing = Mutex((works: false, next: Date.distantPast))

        init(schedule: PollSchedule) {
            self.schedule = Mutex(schedule)
        }
    }

    /// One reader: claims a due feed, reads it under its lease, gives it back with its next due time.
    func work(_ state: State, until end: Date?) async throws {
        var failures = 0
        while !Task.isCancelled {
            if let end, clock.now >= end { return }
            await followListing(state)
            let lease: Lease?
            do {
                lease = try await leases.claimDueFeeds(owner: owner, now: clock.now, limit: 1, duration: settings.leaseDuration).first
                failures = 0
            } catch is CancellationError {
                return
            } catch {
                failures += 1
                let wait = min(30, Double(1 << min(failures, 5)))
                logger.error("cannot claim feeds; trying again", metadata: ["error": "\(error)", "retry_in_s": "\(Int(wait))"])
                try await clock.sleep(until: clock.now.addingTimeInterval(wait))
                continue
            }
            guard let lease, let source = lease.source, let language = lease.language else {
                let next = (try? await leases.nextFeedDue()) ?? nil
                var until = clock.now.addingTimeInterval(settings.idleWait)
                if let next, next < until { until = max(next, clock.now.addingTimeInterval(0.05)) }
                if let end { until = min(until, end) }
                try await clock.sleep(until: until)
                continue
            }
            let feed = PollSchedule.Feed(source: source, language: language)
            let clock = self.clock
            let report = await leases.whileRenewing(lease, duration: settings.leaseDuration, now: { clock.now }, logger: logger) {
                await harvester.harvestFeed(source: source, language: language, lease: lease)
            }
            guard let report else {
                state.statistics.withLock { $0.leasesLost += 1 }
                continue
            }
            if report.error == .cancelled { return }
            if report.error == .leaseLost {
                state.statistics.withLock { $0.leasesLost += 1 }
                continue
            }
            state.statistics.withLock {
                $0.polls += 1
                $0.inserted += report.inserted
            }
            let now = clock.now
            let next: Date = state.schedule.withLock { schedule in
                if let error = report.error {
                    return now.addingTimeInterval(error.isUnreachable ? settings.unreachableRetry : schedule.interval(feed))
                }
                schedule.polled(feed, at: now, newItems: report.inserted)
                return now.addingTimeInterval(schedule.interval(feed))
            }
            do {
                if try await !leases.releaseLease(lease, nextDue: next) {
                    state.statistics.withLock { $0.leasesLost += 1 }
                    logger.warning("feed lease expired while reading; another worker has it", metadata: ["lease": "\(lease)"])
                }
            } catch {
                // The lease expires by itself; the feed is read again then.
                logger.error("cannot release a feed lease", metadata: ["lease": "\(lease)", "error": "\(error)"])
            }
        }
    }

    /// Per-source polling drops to the safety net's rate while the leader says the all-sources
    /// listing works, and takes the whole budget again once that word lapses.
    func followListing(_ state: State) async {
        let now = clock.now
        guard state.listing.withLock({ now >= $0.next }) else { return }
        let works: Bool
        do {
            works = try await leases.heldLease(name: Lease.listingWorksName, now: now) != nil
        } catch {
            // Unknown: keep the rate as it is and look again later.
            state.listing.withLock { $0.next = now.addingTimeInterval(settings.listingCheck) }
            return
        }
        let changed = state.listing.withLock { listing in
            defer { listing = (works, now.addingTimeInterval(settings.listingCheck)) }
            return listing.works != works
        }
        guard changed else { return }
        state.schedule.withLock { schedule in
            schedule.settings.requestsPerSecond = works ? settings.fallbackRequestsPerSecond : settings.schedule.requestsPerSecond
            schedule.rebalance()
        }
        logger.info(works
            ? "the leader reads gov.kz's all-sources listing; per-source polling becomes the safety net"
            : "the all-sources listing is not being read; polling each source at the full rate")
    }
}

extension LeasedHarvester {
    /// The leader's pass over gov.kz's all-sources listing, each language in turn, storing items of
    /// `known` sources; every save is fenced by the leader's lease. Returns the items new to us.
    public func readAllSourcesListing(under lease: Lease, known: Set<String>, settings: PollingHarvester.Settings) async -> Int {
        let polling = PollingHarvester(harvester: harvester, clock: clock, settings: settings, logger: logger)
        var inserted = 0
        for language in harvester.options.languages {
            if Task.isCancelled { break }
            let read = await polling.readAllSources(language: language, known: known, fence: lease)
            inserted += read.inserted
            if read.works == true {
                // The word lapses by itself when the listing stops working, or the leader dies.
                do {
                    _ = try await leases.claimLease(
                        name: Lease.listingWorksName, owner: lease.owner, now: clock.now, duration: self.settings.listingSignal)
                } catch {
                    logger.warning("cannot tell the workers that the all-sources listing works", metadata: ["error": "\(error)"])
                }
            }
        }
        return inserted
    }
}
