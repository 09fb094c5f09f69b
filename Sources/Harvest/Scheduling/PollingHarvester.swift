import EnbekshiCore
import Foundation
import Logging
import Store

/// The harvest loop of `serve`: reads one feed at a time when `PollSchedule` says it is due, and,
/// where gov.kz lists every source's news in one call, reads that listing every few seconds as a
/// cheap first pass; per-source polls then drop to a small budget and only catch what it missed.
/// If the listing fails or its items do not name their source, it is set aside for an hour and
/// per-source polling takes the whole budget again.
public struct PollingHarvester: Sendable {
    public struct Settings: Sendable {
        public var schedule = PollSchedule.Settings()
        /// Never more than this many requests per second, even when many feeds are due together.
        public var peakRequestsPerSecond = 2.0
        /// Seconds between reads of the all-sources listing, per language; nil turns it off.
        public var allSourcesInterval: TimeInterval? = 30
        public var allSourcesPageSize = 100
        public var allSourcesMaxPages = 5
        /// Per-source list polls per second while the all-sources listing works.
        public var fallbackRequestsPerSecond = 0.25
        public var allSourcesRetry: TimeInterval = 3600
        /// Wait after a poll found gov.kz unreachable.
        public var unreachableRetry: TimeInterval = 60

        public init() {}
    }

    /// What the loop did, for logs and the freshness benchmark.
    public struct Statistics: Sendable {
        public var polls = 0
        public var allSourcesReads = 0
        public var requests = 0
        public var inserted = 0
        public var allSourcesWorks: Bool?
    }

    public let harvester: Harvester
    public let clock: any HarvestClock
    public let settings: Settings
    let logger: Logger

    public init(harvester: Harvester, clock: any HarvestClock = WallClock(), settings: Settings = Settings(), logger: Logger) {
        self.harvester = harvester
        self.clock = clock
        self.settings = settings
        self.logger = logger
    }

    /// The feeds of the enabled sources and what the store knows of their recent publishing.
    public func feeds() async throws -> (feeds: [PollSchedule.Feed], history: [PollSchedule.Feed: (items: Double, seconds: TimeInterval)]) {
        try await Self.feeds(of: harvester, now: clock.now)
    }

    /// The feeds `harvester` reads (its languages of every enabled source) and their recent history.
    public static func feeds(of harvester: Harvester, now: Date) async throws
        -> (feeds: [PollSchedule.Feed], history: [PollSchedule.Feed: (items: Double, seconds: TimeInterval)])
    {
        let store = harvester.ingestor.store
        let sources = try await store.sources(enabledOnly: true).filter(\.isHarvested)
        let feeds = sources.flatMap { source in harvester.options.languages.map { PollSchedule.Feed(source: source.slug, language: $0) } }
        let window: TimeInterval = 30 * 86_400
        var history: [PollSchedule.Feed: (items: Double, seconds: TimeInterval)] = [:]
        for activity in try await store.feedActivity(since: now.addingTimeInterval(-window)) {
            history[PollSchedule.Feed(source: activity.source, language: activity.language)] = (Double(activity.items), window)
        }
        for state in try await store.harvestStates() where state.lastSuccessAt != nil {
            let feed = PollSchedule.Feed(source: state.source, language: state.language)
            if history[feed] == nil { history[feed] = (0, window) }
        }
        return (feeds, history)
    }

    /// Runs until cancelled, or until `end` on the loop's clock.
    @discardableResult
    public func run(
        feeds: [PollSchedule.Feed], history: [PollSchedule.Feed: (items: Double, seconds: TimeInterval)], until end: Date? = nil
    ) async throws -> Statistics {
        let start = clock.now
        var schedule = PollSchedule(feeds: feeds, settings: settings.schedule, now: start, history: history)
        let known = Set(feeds.map(\.source))
        var statistics = Statistics()
        var allSourcesDue: [Language: Date] = [:]
        if settings.allSourcesInterval != nil {
            for language in harvester.options.languages { allSourcesDue[language] = start }
        }
        var earliest = start
        var unreachable = false
        let spacing = 1 / max(0.001, settings.peakRequestsPerSecond)
        while !Task.isCancelled {
            // The listing goes first whenever it is due by the time the next request may go: overdue
            // feeds (thousands, on a first start) must not hold it back.
            let listing: Language?, feed: PollSchedule.Feed?, due: Date
            switch (schedule.next(), allSourcesDue.min { $0.value < $1.value }) {
            case (nil, nil):
                return statistics
            case (let poll?, let next?) where next.value > max(poll.due, earliest):
                (listing, feed, due) = (nil, poll.feed, poll.due)
            case (let poll?, nil):
                (listing, feed, due) = (nil, poll.feed, poll.due)
            case (_, let next?):
                (listing, feed, due) = (next.key, nil, next.value)
            }
            let at = max(earliest, due)
            if let end, at >= end { break }
            let what = listing.map { "all-sources listing, \($0.rawValue)" } ?? feed.map { "\($0)" } ?? ""
            logger.debug("next harvest step", metadata: ["what": "\(what)", "at": "\(at)"])
            try await clock.sleep(until: at)
            if let language = listing {
                let read = await readAllSources(language: language, known: known)
                statistics.allSourcesReads += 1
                statistics.requests += read.requests
                statistics.inserted += read.inserted
                earliest = clock.now.addingTimeInterval(Double(read.requests) * spacing)
                if read.works == nil {
                    // An empty listing says nothing either way (a quiet night, or gov.kz ignoring the call).
                    allSourcesDue[language] = clock.now.addingTimeInterval(settings.allSourcesInterval ?? 30)
                } else if read.works == true {
                    if statistics.allSourcesWorks != true {
                        logger.info("gov.kz lists all sources' news at once; per-source polling becomes the safety net")
                        schedule.settings.requestsPerSecond = settings.fallbackRequestsPerSecond
                        schedule.rebalance()
                    }
                    statistics.allSourcesWorks = true
                    for (feed, count) in read.found { schedule.found(feed, newItems: count) }
                    allSourcesDue[language] = clock.now.addingTimeInterval(settings.allSourcesInterval ?? 30)
                } else {
                    if statistics.allSourcesWorks != false {
                        logger.info(
                            "the all-sources listing is not usable; polling each source",
                            metadata: ["lang": "\(language.rawValue)", "retry_in_s": "\(Int(settings.allSourcesRetry))"])
                        schedule.settings.requestsPerSecond = settings.schedule.requestsPerSecond
                        schedule.rebalance()
                    }
                    statistics.allSourcesWorks = false
                    allSourcesDue[language] = clock.now.addingTimeInterval(settings.allSourcesRetry)
                }
                continue
            }
            guard let feed else { continue }
            let report = await harvester.harvestFeed(source: feed.source, language: feed.language)
            statistics.polls += 1
            statistics.requests += max(1, report.pages)
            statistics.inserted += report.inserted
            earliest = clock.now.addingTimeInterval(Double(max(1, report.pages)) * spacing)
            if let error = report.error, error.isUnreachable {
                if !unreachable {
                    logger.warning(
                        "gov.kz cannot be reached; serving the news already stored and retrying",
                        metadata: ["error": "\(error)", "retry_in_s": "\(settings.unreachableRetry)"])
                    unreachable = true
                }
                schedule.retry(feed, at: clock.now.addingTimeInterval(settings.unreachableRetry))
                earliest = clock.now.addingTimeInterval(settings.unreachableRetry)
                continue
            }
            if unreachable {
                logger.info("gov.kz is reachable again")
                unreachable = false
            }
            if report.error != nil {
                // A failing feed keeps its rate and is tried again at its usual interval.
                schedule.retry(feed, at: clock.now.addingTimeInterval(schedule.interval(feed)))
            } else {
                schedule.polled(feed, at: clock.now, newItems: report.inserted)
            }
        }
        return statistics
    }

    struct ListingRead {
        /// Whether the listing's items name their sources; nil when it listed nothing.
        var works: Bool? = false
        var requests = 0
        var inserted = 0
        var found: [PollSchedule.Feed: Int] = [:]
    }

    /// Reads the all-sources listing newest first until a page brings nothing new, storing items of
    /// known sources. It "works" when its items name their sources. Its requests go into the
    /// deployment's hourly figures (source ""), its items into their sources'.
    func readAllSources(language: Language, known: Set<String>, fence: Lease? = nil) async -> ListingRead {
        let tally = HarvestMetrics.Tally()
        var reports: [String: (report: FeedReport, lags: [Double])] = [:]
        let read = await HarvestMetrics.Tally.$current.withValue(tally) {
            await readAllSources(language: language, known: known, fence: fence, reports: &reports)
        }
        let store = harvester.ingestor.store
        do {
            for (source, found) in reports {
                HarvestMetrics.items(new: found.report.inserted, updated: found.report.updated, rejected: found.report.rejected)
                try await store.recordHarvestFigures(HarvestMetrics.figures(of: found.report, requests: [:], source: source, lags: found.lags))
            }
            let requests = tally.all
            if !requests.isEmpty {
                try await store.recordHarvestFigures(
                    HarvestMetrics.figures(of: FeedReport(source: "", language: language), requests: requests, source: "", lags: []))
            }
        } catch {
            logger.error("could not record the all-sources listing's figures", metadata: ["error": "\(error)"])
        }
        return read
    }

    private func readAllSources(
        language: Language, known: Set<String>, fence: Lease?, reports: inout [String: (report: FeedReport, lags: [Double])]
    ) async -> ListingRead {
        var read = ListingRead()
        for page in 0..<max(1, settings.allSourcesMaxPages) {
            let items: [GovKzItem]
            do {
                read.requests += 1
                items = try await harvester.client.latestNews(
                    language: language, page: harvester.options.firstPage + page, size: settings.allSourcesPageSize)
            } catch {
                logger.info("the all-sources listing failed", metadata: ["lang": "\(language.rawValue)", "error": "\(error)"])
                return read
            }
            if items.isEmpty {
                if page == 0 { read.works = nil }
                return read
            }
            let attributed = Dictionary(grouping: items.filter { !$0.projects.isEmpty }) { $0.projects[0] }
            guard !attributed.isEmpty else { return read }
            read.works = true
            var newOnPage = 0
            for (source, group) in attributed where known.contains(source) {
                let client = harvester.client
                let outcomes: [NewsIngestor.Outcome]
                do {
                    outcomes = try await harvester.ingestor.ingest(group, project: source, language: language, fence: fence) { item in
                        try? await client.newsItem(project: source, id: item.id, language: language)
                    }
                } catch StoreError.leaseLost {
                    // Another worker leads now and reads the listing itself.
                    logger.warning("the leader's lease was taken over while reading the all-sources listing; stopping")
                    return read
                } catch {
                    // Not stored: the next read of the listing, or the source's own poll, brings them again.
                    logger.warning(
                        "could not store items of the all-sources listing",
                        metadata: ["source": "\(source)", "lang": "\(language.rawValue)", "error": "\(error)"])
                    continue
                }
                var found = reports[source] ?? (FeedReport(source: source, language: language), [])
                let before = found.report.inserted
                let lags = found.report.count(group, outcomes)
                HarvestMetrics.lag(seconds: lags)
                found.lags += lags
                reports[source] = found
                let inserted = found.report.inserted - before
                newOnPage += inserted
                if inserted > 0 { read.found[PollSchedule.Feed(source: source, language: language), default: 0] += inserted }
            }
            read.inserted += newOnPage
            if newOnPage == 0 || items.count < settings.allSourcesPageSize { return read }
        }
        return read
    }
}
