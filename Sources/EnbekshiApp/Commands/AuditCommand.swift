import ArgumentParser
import Clean
import EnbekshiCore
import Enrich
import Foundation
import Logging
import Store

struct AuditCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "audit",
        abstract: "Count, over the whole database, every defect the old site showed; a clean store reports zero.",
        discussion: "Exits 1 when any defect is found, so it can guard a deployment.")

    @OptionGroup var store: StoreOptions
    @OptionGroup var logging: LoggingOptions
    @Option(name: .long, help: "Also list up to N examples per defect.") var examples = 0

    func run() async throws {
        let logger = logging.bootstrap()
        let store = try await store.open(logger: logger)
        var counts: [ContentAudit.Defect: Int] = [:]
        var samples: [ContentAudit.Defect: [String]] = [:]
        var held = 0
        let cleaner = HTMLCleaner(repairing: false)
        let total = try await VersionWalk.forEach(store, label: "audit", logger: logger) { stored in
            if stored.version.title.isEmpty { held += 1 }
            for (defect, example) in ContentAudit.findings(of: stored.version, cleaner: cleaner) {
                counts[defect, default: 0] += 1
                if samples[defect, default: []].count < examples {
                    samples[defect, default: []].append("\(stored.articleID) \(stored.version.language.rawValue) \(stored.key): \(example)")
                }
            }
        }
        print("audit: \(total) versions (\(held) held for editors: no title and no body)")
        for defect in ContentAudit.Defect.allCases {
            print("  \(defect.rawValue.padding(toLength: 32, withPad: " ", startingAt: 0)) \(counts[defect] ?? 0)")
            for sample in samples[defect] ?? [] { print("      \(sample)") }
        }
        if counts.values.contains(where: { $0 > 0 }) { throw ExitCode(1) }
    }
}
