import ArgumentParser
import Foundation
import Logging

struct ReindexCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "reindex",
        abstract: "Rebuild the full-text search index from the stored versions.",
        discussion: "Needed only after the stemmers or the plain-text derivation change; the index otherwise follows every save.")

    @OptionGroup var store: StoreOptions
    @OptionGroup var logging: LoggingOptions

    func run() async throws {
        let logger = logging.bootstrap()
        let store = try await store.open(logger: logger)
        let started = ContinuousClock.now
        try await store.reindexSearch { language, count in
            logger.info("search index rebuilt", metadata: ["language": "\(language.rawValue)", "versions": "\(count)"])
        }
        logger.info("reindex done", metadata: ["seconds": "\(ContinuousClock.now - started)"])
    }
}
