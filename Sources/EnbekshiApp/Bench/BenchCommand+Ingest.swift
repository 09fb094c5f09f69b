import ArgumentParser
import EnbekshiCore
import Foundation
import Harvest
import Logging
import Store

extension BenchCommand {
    /// The whole ingest path on recorded-shape JSON: decode a list answer, clean, detect language,
    /// classify, fingerprint and link stories, store and index — what a harvest does per page.
    struct Ingest: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Ingest throughput: synthetic gov.kz list answers through decode, clean, classify, stories, store and index.")

        @Option(name: .long, help: "Articles to ingest.") var articles = 20_000
        @Option(name: .long, help: "Random seed.") var seed: UInt64 = 42
        @Option(name: .long, help: "Items per list answer (a page of gov.kz's list).") var pageSize = 20
        @Option(name: .long, help: "Articles a day, as dense as the corpus they join (a million over ten years is 274).")
        var perDay = 274
        @Option(name: .long, help: "Items ingested together, as `enbekshi ingest` batches recorded files, the next batch prepared while one is written (1 = page by page, as a harvest).")
        var batch = IngestPipeline.batchItems
        @Option(name: .long, help: "Ingest into this database (a copy of a `bench corpus` file: it is written to) instead of a new one.")
        var database: String?

        func run() async throws {
            let directory = FileManager.default.temporaryDirectory.appendingPathComponent("enbekshi-ingest-\(UUID().uuidString)")
            try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
            defer { try? FileManager.default.removeItem(at: directory) }
            let store = try StoreFactory.open(database ?? directory.appendingPathComponent("ingest.sqlite").path)
            try await store.migrate()
            var corpus = try SyntheticCorpus(seed: seed)
            try await store.seed(sources: corpus.sources)
            let ingestor = NewsIngestor(store: store, logger: Logger(label: "bench") { _ in SwiftLogNoOpLogHandler() })

            // Pages of list answers per (project, language), as gov.kz returns them; built before timing.
            var pages: [(project: String, language: Language, json: Data)] = []
            var pending: [String: [[String: Any]]] = [:]
            var versions = 0
            // The first days of a corpus of national density: story detection compares each text with
            // everything published in its language within three days, so density matters.
            let corpusSize = max(articles, perDay * corpus.days)
            for index in 0..<articles {
                for item in corpus.article(index, of: corpusSize, previous: []) {
                    let version = item.version
                    let key = "\(item.key.project)|\(version.language.rawValue)"
                    // Ids of their own, so that ingesting into a corpus file adds articles.
                    pending[key, default: []].append([
                        "id": 500_000_000 + index, "title": version.title,
                        "body": "<!DOCTYPE html>\n<html>\n<head>\n</head>\n<body>\n\(version.bodyHTML)\n</body>\n</html>",
                        "created_date": (version.createdRaw ?? "") + ".000Z", "heropic": NSNull(),
                    ])
                    versions += 1
                    if (pending[key]?.count ?? 0) >= pageSize, let items = pending.removeValue(forKey: key) {
                        pages.append((item.key.project, version.language, try JSONSerialization.data(withJSONObject: items)))
                    }
                }
            }
            for (key, items) in pending {
                let parts = key.split(separator: "|").map(String.init)
                guard parts.count == 2, let language = Language(rawValue: parts[1]) else { continue }
                pages.append((parts[0], language, try JSONSerialization.data(withJSONObject: items)))
            }
            let bytes = pages.reduce(0) { $0 + $1.json.count }
            let clock = ContinuousClock()
            var saved = 0
            let elapsed = try await clock.measure {
                var pipeline = IngestPipeline(ingestor: ingestor)
                var pending: [IngestPage] = []
                var pendingItems = 0
                for (index, page) in pages.enumerated() {
                    let items = try GovKzDecoder.decodeList(page.json).items
                    pending.append(IngestPage(items: items, project: page.project, language: page.language))
                    pendingItems += items.count
                    guard pendingItems >= batch || index == pages.count - 1 else { continue }
                    if batch <= 1 {
                        // Page by page, as a harvest stores what it fetches.
                        saved += try await ingestor.ingest(pending).reduce(0) { $0 + $1.count }
                    } else if let done = try await pipeline.submit(pending) {
                        saved += done.reduce(0) { $0 + $1.count }
                    }
                    pending.removeAll()
                    pendingItems = 0
                }
                saved += try await pipeline.finish()?.reduce(0) { $0 + $1.count } ?? 0
            }
            let seconds = elapsed.seconds
            print(String(format: "ingest: %d articles (%d versions, %d list answers, %.1f MB of JSON) in %.1f s: %.0f articles/s, %.0f versions/s",
                         articles, saved, pages.count, Double(bytes) / 1e6, seconds, Double(articles) / seconds, Double(versions) / seconds))
        }
    }
}
