import ArgumentParser
import Clean
import EnbekshiCore
import Enrich
import Foundation
import Logging
import Store

struct ReviewCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "review", abstract: "List versions with quality flags, newest first, with the reason.")

    @OptionGroup var store: StoreOptions
    @OptionGroup var logging: LoggingOptions
    @Option(name: .long, help: "At most this many versions.") var limit = 100

    func run() async throws {
        let logger = logging.bootstrap()
        let store = try await store.open(logger: logger)
        let flagged = try await store.flaggedVersions(limit: limit)
        for stored in flagged {
            print("\(stored.articleID)\t\(stored.version.language.rawValue)\t\(stored.key)\t\(stored.version.title.prefix(100))")
            for flag in stored.version.flags { print("\t\t\(flag)") }
        }
        FileHandle.standardError.write(Data("\(flagged.count) flagged versions\n".utf8))
    }
}
