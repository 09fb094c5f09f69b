import EnbekshiCore
import Foundation
import Logging
import Store

/// One harvest pass over the enabled sources: for each (source, language) feed, read pages newest
/// first and hand them to the ingestor, until a page brings nothing new (or, when backfilling,
/// until the items are older than `since`).
public struct Harvester: Sendable {
    public struct Options: Sendable {
        public var languages: [Language] = Language.allCases
        /// Backfill: keep paging past known items until items older than this day.
        public var since: GovKzDate?
        public var firstPage = 1
        public var pageSize = 50
        public var maxPages = 20
        public var concurrency = 2

        public init() {}

        public init(configuration: GovKzConfiguration) {
            firstPage = configuration.firstPage
            pageSize = configuration.pageSize
            maxPages = configuration.maxPages
            concurrency = configuration.concurrency
        }
    }

    public let client: any GovKzClient
    public let ingestor: NewsIngestor
    public let options: Options
    let logger: Logger

    public init(client: any GovKzClient, ingestor: NewsIngestor, options: Options, logger: Logger) {
        self.client = client
        self.ingestor = ingestor
        self.options = options
        self.logger = logger
    }

    public typealias Progress = @Sendable (_ feed: FeedReport, _ completed: Int, _ total: Int) -> Void

    /// Harvests `sources` (by default every enabled source in the store).
    public func runPass(sources: [Source]? = nil, progress: Progress? = nil) async throws -> PassReport {
        let started = ContinuousClock.now
        let list: [Source]
        // The newsroom's own articles are never asked of gov.kz, even if its source is named.
        if let sources { list = sources.filter { $0.kind != .newsroom } } else { list = try await ingestor.store.sources(enabledOnly: true).filter(\.isHarvested) }
        let feeds = list.flatMap { source in options.languages.map { (source.slug, $0) } }
        var report = PassReport()
        var next = 0
        var completed = 0
        var succeeded = false
        var unreachableInARow = 0
        await withTaskGroup(of: FeedReport.self) { group in
            func startNext() {
                guard next < feeds.count else { return }
                let (slug, language) = feeds[next]
                next += 1
                group.addTask { await harvestFeed(source: slug, language: language) }
            }
            for _ in 0..<max(1, options.concurrency) { startNext() }
            while let feed = await group.next() {
                completed += 1
                report.add(feed)
                progress?(feed, completed, feeds.count)
                if feed.error == .cancelled { break }
                if let error = feed.error, error.isUnreachable {
                    unreachableInARow += 1
                    // Nothing answered yet, or every recent feed failed to connect: gov.kz is down
                    // or out of reach. Stop here rather than fail thousands of feeds one by one.
                    if !succeeded || unreachableInARow > max(2, options.concurrency) {
                        report.unreachable = error
                        group.cancelAll()
                        break
                    }
                } else {
                    if feed.error == nil { succeeded = true }
                    unreachableInARow = 0
                }
                if Task.isCancelled { break }
                startNext()
            }
        }
        report.seconds = Double((ContinuousClock.now - started).components.seconds)
            + Double((ContinuousClock.now - started).components.attoseconds) / 1e18
        return report
    }

    /// Harvests one feed and records its health. Never throws: failures go into the report and the
    /// harvest state, and the feed is tried again next pass. Under a `lease`, every write is fenced
    /// by it: once another worker has claimed the feed, this one stops and writes nothing more.
    public func harvestFeed(source: String, language: Language, lease: Lease? = nil) async -> FeedReport {
        let tally = HarvestMetrics.Tally()
        return await HarvestMetrics.Tally.$current.withValue(tally) {
            await harvestFeed(source: source, language: language, lease: lease, tally: tally)
        }
    }

    private func harvestFeed(source: String, language: Language, lease: Lease?, tally: HarvestMetrics.Tally) async -> FeedReport {
        var report = FeedReport(source: source, language: language)
        let store = ingestor.store
        var state = (try? await store.harvestState(source: source, language: language))
            ?? HarvestState(source: source, language: language)
        state.lastAttemptAt = Date()
        var seen = Set<String>()
        var lags: [Double] = []
        // Advanced only when a poll reads to its end, so the next one pages past what a broken one stored.
        let completedNewest = state.newestSeen
        var newestThisPoll = state.newestSeen
        var page = options.firstPage
        do {
            for _ in 0..<max(1, options.maxPages) {
                try Task.checkCancellation()
                let items = try await fetchPage(source: source, language: language, page: page)
                report.pages += 1
                if items.isEmpty { break }
                let ids = Set(items.map(\.id))
                if ids.isSubset(of: seen) {
                    logger.warning(
                        "gov.kz repeated a page; stopping this feed",
                        metadata: ["source": "\(source)", "lang": "\(language.rawValue)", "page": "\(page)"])
                    break
                }
                seen.formUnion(ids)
                let client = self.client
                let outcomes = try await ingestor.ingest(items, project: source, language: language, fence: lease) { item in
                    try? await client.newsItem(project: source, id: item.id, language: language)
                }
                let pageLags = report.count(items, outcomes)
                let changed = outcomes.contains { $0.isNewOrChanged }
                HarvestMetrics.lag(seconds: pageLags)
                lags += pageLags
                let dates = items.compactMap { $0.createdDate.flatMap(GovKzDate.init) }
                if let newest = dates.max(), newest.local > (newestThisPoll ?? "") { newestThisPoll = newest.local }
                if let since = options.since {
                    if let oldest = dates.min(), oldest < since { break }
                } else if !changed, dates.min().map({ $0.local <= (completedNewest ?? "") }) ?? true {
                    // Nothing new, and nothing newer than what the last complete poll reached: a poll
                    // that stopped half-way (a failure, a kill) left no gap behind this page.
                    break
                }
                if items.count < options.pageSize { break }
                page += 1
            }
            HarvestMetrics.items(new: report.inserted, updated: report.updated, rejected: report.rejected)
            state.newestSeen = newestThisPoll
            state.lastSuccessAt = Date()
            state.consecutiveFailures = 0
            state.itemsStored += report.inserted
        } catch let error as GovKzError {
            report.error = error
        } catch is CancellationError {
            report.error = .cancelled
        } catch StoreError.leaseLost(let lease) {
            logger.warning(
                "feed lease taken over by another worker; stopping this feed",
                metadata: ["source": "\(source)", "lang": "\(language.rawValue)", "lease": "\(lease)"])
            report.error = .leaseLost
            return report
        } catch {
            // A store failure: the feed is tried again next pass.
            report.error = .transport("store: \(error)")
        }
        if report.error == .cancelled { return report }
        if let error = report.error {
            state.lastError = error.description
            state.lastErrorAt = Date()
            state.consecutiveFailures += 1
            if !error.isUnreachable {
                logger.warning(
                    "feed failed; will retry next pass",
                    metadata: ["source": "\(source)", "lang": "\(language.rawValue)", "error": "\(error)"])
            }
        }
        do {
            try await store.record(state, fence: lease)
            try await store.recordHarvestFigures(HarvestMetrics.figures(of: report, requests: tally.all, source: source, lags: lags))
        } catch StoreError.leaseLost {
            report.error = .leaseLost
        } catch {
            logger.error("could not record harvest state", metadata: ["source": "\(source)", "error": "\(error)"])
        }
        return report
    }

    private func fetchPage(source: String, language: Language, page: Int) async throws(GovKzError) -> [GovKzItem] {
        try await client.newsPage(project: source, language: language, page: page, size: options.pageSize)
    }
}
