import ArgumentParser
import Foundation

struct StatusCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "status", abstract: "Print what the database holds.")

    @OptionGroup var store: StoreOptions
    @OptionGroup var logging: LoggingOptions

    func run() async throws {
        let logger = logging.bootstrap()
        let store = try await store.open(logger: logger)
        let stats = try await store.statistics()
        print("database: \(self.store.shown)")
        print("sources: \(stats.sources) (\(stats.enabledSources) enabled)")
        print("articles: \(stats.articles) (\(stats.publishedArticles) shown on the site)")
        print("language versions: \(stats.versions)")
        let pictures = try await store.pictureCounts()
        print("pictures: \(pictures.ready) stored, \(pictures.pending) waiting to be fetched, \(pictures.refused) refused")
    }
}
