import ArgumentParser
import EnbekshiCore
import Foundation
import Harvest
import Logging
import Synchronization

struct HarvestCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "harvest",
        abstract: "Run one harvest pass over the enabled sources and exit.",
        discussion: """
            Each (source, language) feed is read newest first until a page brings nothing new. \
            With --since YYYY-MM-DD it backfills: it keeps paging until items are older than that day. \
            Exits 0 when the pass ran (failed feeds are logged and retried next pass), 3 when gov.kz \
            could not be reached at all.
            """)

    @OptionGroup var store: StoreOptions
    @OptionGroup var govkz: GovKzOptions
    @OptionGroup var logging: LoggingOptions

    @Option(name: .long, help: "Backfill back to this day (YYYY-MM-DD).")
    var since: String?

    @Option(name: .customLong("source"), help: "Harvest only this source slug (repeatable); default all enabled.")
    var sources: [String] = []

    @Option(name: .customLong("lang"), help: "Harvest only this language: kk, ru or en (repeatable); default all three.")
    var languages: [String] = []

    func validate() throws {
        if let since, GovKzDate(since) == nil { throw ValidationError("--since must be a date like 2025-12-01, got \(since)") }
        for language in languages where Language(rawValue: language) == nil {
            throw ValidationError("--lang must be kk, ru or en, got \(language)")
        }
        for source in sources where !Source.isValidSlug(source) {
            throw ValidationError("--source must be a gov.kz slug (a-z, 0-9 and -), got \(source.debugDescription)")
        }
    }

    func run() async throws {
        let logger = logging.bootstrap()
        var configuration = try govkz.configuration()
        if since != nil, govkz.maxPages == nil { configuration.maxPages = 1000 }
        let store = try await store.open(logger: logger)
        var selected = try await store.sources(enabledOnly: sources.isEmpty)
        if !sources.isEmpty {
            let wanted = Set(sources)
            let known = Set(selected.map(\.slug))
            for missing in wanted.subtracting(known).sorted() {
                // An unknown slug is harvested anyway: the catalog is not complete.
                selected.append(Source(catalogSlug: missing))
                try await store.seed(sources: [Source(catalogSlug: missing)])
            }
            selected = selected.filter { wanted.contains($0.slug) }
        }
        var options = Harvester.Options(configuration: configuration)
        options.since = since.flatMap(GovKzDate.init)
        if !languages.isEmpty { options.languages = languages.compactMap(Language.init) }
        let client = HTTPGovKzClient(configuration: configuration, logger: logger)
        let ingestor = NewsIngestor(store: store, publicBaseURL: configuration.publicBaseURL, logger: logger)
        try await ingestor.finishStoryLinks()
        let harvester = Harvester(client: client, ingestor: ingestor, options: options, logger: logger)
        let progress = ProgressLine(label: "harvest", logger: logger)
        let tally = Mutex((new: 0, updated: 0, failed: 0))
        logger.info(
            "harvest pass starting",
            metadata: ["sources": "\(selected.count)", "base_url": "\(configuration.baseURL)", "since": "\(since ?? "-")"])
        let report: PassReport
        do {
            report = try await harvester.runPass(sources: selected) { feed, done, total in
                let counts = tally.withLock { tally in
                    tally.new += feed.inserted
                    tally.updated += feed.updated
                    if feed.error != nil { tally.failed += 1 }
                    return tally
                }
                progress.update(done: done, total: total, detail: "feeds · \(counts.new) new · \(counts.updated) updated · \(counts.failed) failed")
            }
        } catch {
            await client.shutdown()
            throw error
        }
        await client.shutdown()
        print(
            "harvest: \(report.feeds) feeds, \(report.pages) pages, \(report.inserted) new, \(report.updated) updated, "
                + "\(report.unchanged) unchanged, \(report.rejected) rejected, \(report.feedsFailed) feeds failed, "
                + String(format: "%.1f s", report.seconds))
        if let error = report.unreachable {
            logger.error("gov.kz cannot be reached; nothing was harvested", metadata: ["base_url": "\(configuration.baseURL)", "error": "\(error)"])
            throw ExitCode(3)
        }
    }
}
