import ArgumentParser
import EnbekshiCore
import Foundation
import Harvest
import Logging

struct IngestCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "ingest",
        abstract: "Store recorded gov.kz API answers exactly as the harvester would.",
        discussion: """
            Each FILE is a recorded answer: a list page (a bare JSON array or {"content": [...]}) or a \
            single item. Project and language come from --project and --lang, or from the file name \
            <project>-<id>-<lang>.json, e.g. kgd-zhetysu-1127933-ru.json (the id part is ignored). \
            Unreadable files are reported by name and skipped; the rest still load. Exits 1 when any \
            file was skipped. Ingesting the same file twice changes nothing.
            """)

    @OptionGroup var store: StoreOptions
    @OptionGroup var logging: LoggingOptions

    @Option(name: .long, help: "gov.kz project (entity slug) of every file.")
    var project: String?

    @Option(name: .customLong("lang"), help: "Language every file was requested in: kk, ru or en.")
    var language: String?

    @Option(name: .long, help: "gov.kz id for a single item recorded without one (e.g. copied from a republisher).")
    var id: String?

    @Argument(help: "Recorded answer files.")
    var files: [String]

    func validate() throws {
        if let language, Language(rawValue: language) == nil { throw ValidationError("--lang must be kk, ru or en") }
        if files.isEmpty { throw ValidationError("name at least one file") }
        if let project, !Source.isValidSlug(project) {
            throw ValidationError("--project must be a gov.kz slug (a-z, 0-9 and -), got \(project.debugDescription)")
        }
    }

    func run() async throws {
        let logger = logging.bootstrap()
        let store = try await store.open(logger: logger)
        let ingestor = NewsIngestor(store: store, logger: logger)
        try await ingestor.finishStoryLinks()
        let progress = ProgressLine(label: "ingest", logger: logger)
        var counts = Counts()
        // Files are stored a thousand items at a time, the next batch cleaned while one is written.
        var pipeline = IngestPipeline(ingestor: ingestor)
        var batch: [IngestPage] = []
        var batchItems = 0
        for (index, path) in files.enumerated() {
            let recorded = RecordedFile(
                path: path, project: project, language: language.flatMap(Language.init), defaultID: id)
            do {
                let (project, language, items, rejected) = try recorded.items()
                for rejection in rejected {
                    logger.error("item left out", metadata: ["file": "\(path)", "item": "\(rejection)"])
                }
                counts.rejected += rejected.count
                if items.isEmpty, rejected.isEmpty { logger.warning("no items in file", metadata: ["file": "\(path)"]) }
                batch.append(IngestPage(items: items, project: project, language: language))
                batchItems += items.count
            } catch {
                counts.skipped += 1
                logger.error("skipped file", metadata: ["file": "\(path)", "reason": "\(error)"])
            }
            if batchItems >= IngestPipeline.batchItems || index == files.count - 1 {
                counts.add(try await pipeline.submit(batch))
                batch.removeAll()
                batchItems = 0
                progress.update(done: index + 1, total: files.count, detail: "files")
            }
        }
        counts.add(try await pipeline.finish())
        print(
            "ingest: \(files.count - counts.skipped) files read, \(counts.skipped) skipped; \(counts.inserted) new, "
                + "\(counts.updated) updated, \(counts.unchanged) unchanged, \(counts.rejected) rejected")
        if counts.skipped > 0 { throw ExitCode(1) }
    }

    struct Counts {
        var inserted = 0, updated = 0, unchanged = 0, rejected = 0, skipped = 0

        mutating func add(_ batch: [[NewsIngestor.Outcome]]?) {
            for outcome in (batch ?? []).joined() {
                switch outcome {
                case .saved(.inserted): inserted += 1
                case .saved(.updated): updated += 1
                case .saved(.unchanged): unchanged += 1
                case .rejected: rejected += 1
                }
            }
        }
    }
}
