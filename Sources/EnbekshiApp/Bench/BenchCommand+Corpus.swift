import ArgumentParser
import EnbekshiCore
import Foundation
import Logging
import Store

extension BenchCommand {
    /// Generates the synthetic database once; the other benchmarks reuse it.
    struct Corpus: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Generate a synthetic database: N articles over ten years from 2,000 sources (deterministic from --seed).")

        @Option(name: .long, help: "Articles to generate.") var articles = 1_000_000
        @Option(name: .long, help: "Random seed.") var seed: UInt64 = 42
        @Option(name: .long, help: "Database file to create (must not exist).") var database = "bench.sqlite"
        @OptionGroup var logging: LoggingOptions

        func run() async throws {
            let logger = logging.bootstrap()
            guard !FileManager.default.fileExists(atPath: database) else {
                throw ValidationError("\(database) exists; the corpus is generated once into a new file")
            }
            let store = try StoreFactory.open(database)
            try await store.migrate()
            var corpus = try SyntheticCorpus(seed: seed)
            try await store.seed(sources: corpus.sources)
            let progress = ProgressLine(label: "corpus", logger: logger, logEvery: 50_000)
            let clock = ContinuousClock()
            let started = clock.now
            var recent: [ArticleKey] = []
            var versions = 0
            var index = 0
            // The next batch is generated while the store writes the previous one (two cores).
            var writing: Task<Void, any Error>?
            while index < articles {
                var batch: [BulkArticle] = []
                let end = min(articles, index + 2000)
                while index < end {
                    let items = corpus.article(index, of: articles, previous: recent)
                    if let key = items.first?.key {
                        recent.append(key)
                        if recent.count > 50 { recent.removeFirst() }
                    }
                    batch += items
                    index += 1
                }
                versions += batch.count
                try await writing?.value
                progress.update(done: index - batch.count, total: articles, detail: "articles")
                writing = Task { [batch] in try await store.saveBatch(batch) }
            }
            try await writing?.value
            progress.update(done: index, total: articles, detail: "articles")
            let seconds = (clock.now - started).seconds
            let bytes = try await store.storageBytes()
            print(String(format: "corpus: %d articles, %d versions in %.0f s (%.0f articles/s); %.2f GB, %.0f bytes per article",
                         articles, versions, seconds, Double(articles) / seconds, Double(bytes) / 1e9, Double(bytes) / Double(articles)))
        }
    }
}

extension Duration {
    var seconds: Double { Double(components.seconds) + Double(components.attoseconds) / 1e18 }
}
