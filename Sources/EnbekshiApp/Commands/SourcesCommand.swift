import ArgumentParser
import EnbekshiCore
import Foundation
import Logging

struct SourcesCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "sources",
        abstract: "List, enable and disable the gov.kz entities that are harvested.",
        subcommands: [List.self, Enable.self, Disable.self])

    struct List: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "List sources: slug, state, kind, region, name.")

        @OptionGroup var store: StoreOptions
        @OptionGroup var logging: LoggingOptions
        @Flag(name: .long, help: "Only enabled sources.") var enabled = false
        @Flag(name: .long, help: "Only disabled sources.") var disabled = false
        @Option(name: .long, help: "Only this kind: \(SourceKind.allCases.map(\.rawValue).joined(separator: ", ")).")
        var kind: String?

        func validate() throws {
            if let kind, SourceKind(rawValue: kind) == nil { throw ValidationError("unknown kind \(kind)") }
        }

        func run() async throws {
            let logger = logging.bootstrap()
            let store = try await store.open(logger: logger)
            var sources = try await store.sources(enabledOnly: enabled)
            if disabled { sources = sources.filter { !$0.enabled } }
            if let kind { sources = sources.filter { $0.kind.rawValue == kind } }
            for source in sources {
                let columns = [
                    source.slug, source.enabled ? "enabled" : "disabled", source.kind.rawValue, source.region ?? "-",
                    source.names[.en] ?? "",
                ]
                print(columns.joined(separator: "\t"))
            }
            let enabledCount = sources.filter(\.enabled).count
            FileHandle.standardError.write(Data("\(sources.count) sources, \(enabledCount) enabled\n".utf8))
        }
    }

    struct Enable: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Enable sources (harvest them).")
        @OptionGroup var change: SourceChange
        func run() async throws { try await change.apply(enabled: true) }
    }

    struct Disable: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Disable sources (stop harvesting them; their news stays).")
        @OptionGroup var change: SourceChange
        func run() async throws { try await change.apply(enabled: false) }
    }

    struct SourceChange: ParsableArguments {
        @OptionGroup var store: StoreOptions
        @OptionGroup var logging: LoggingOptions
        @Flag(name: .long, help: "Every source in the catalog.") var all = false
        @Argument(help: "Source slugs.") var slugs: [String] = []

        func validate() throws {
            if slugs.isEmpty && !all { throw ValidationError("name at least one slug, or --all") }
        }

        func apply(enabled: Bool) async throws {
            let logger = logging.bootstrap()
            let store = try await store.open(logger: logger)
            let targets = all ? try await store.sources(enabledOnly: false).map(\.slug) : slugs
            var unknown: [String] = []
            for slug in targets where try await !store.setEnabled(enabled, slug: slug) {
                unknown.append(slug)
            }
            print("\(enabled ? "enabled" : "disabled") \(targets.count - unknown.count) sources")
            if !unknown.isEmpty {
                logger.error("unknown source slugs", metadata: ["slugs": "\(unknown.joined(separator: ", "))"])
                throw ExitCode(1)
            }
        }
    }
}
