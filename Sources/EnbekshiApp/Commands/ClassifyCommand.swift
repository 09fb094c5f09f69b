import ArgumentParser
import Clean
import EnbekshiCore
import Enrich
import Foundation

struct ClassifyCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "classify",
        abstract: "Measure section and region classification on a labelled set.",
        discussion: """
            Each line of FILE.jsonl: {"project", "lang", "title", "body", "section", "region"}; body may be HTML. \
            Prints accuracy for section and region, a confusion table, and every miss with its reason.
            """)

    @Option(name: .long, help: "Labelled JSONL file.") var evaluate: String

    struct Labelled: Decodable {
        var project: String
        var lang: String
        var title: String
        var body: String
        var section: String
        var region: String
    }

    func run() async throws {
        let labelled = try LabelledFile.read(evaluate, as: Labelled.self)
        let cleaner = HTMLCleaner()
        var total = 0, sectionHits = 0, regionHits = 0
        var confusion: [String: [String: Int]] = [:]
        var misses: [String] = []
        for (number, item) in labelled.enumerated() {
            total += 1
            let source = Source(catalogSlug: item.project)
            let paragraphs = cleaner.clean(item.body).paragraphs
            let section = SectionClassifier.classify(source: source, title: item.title, paragraphs: paragraphs)
            let region = RegionResolver.resolve(source: source, title: item.title, paragraphs: paragraphs)
            confusion[item.section, default: [:]][section.primary.rawValue, default: 0] += 1
            if section.primary.rawValue == item.section { sectionHits += 1 } else {
                misses.append("section \(number + 1) [\(item.lang)] \(item.title.prefix(60)): want \(item.section), got \(section.primary.rawValue) — \(section.reason)")
            }
            if region.code == item.region { regionHits += 1 } else {
                misses.append("region \(number + 1) [\(item.lang)] \(item.title.prefix(60)): want \(item.region), got \(region.code) — \(region.reason)")
            }
        }
        print(String(format: "classify: %d articles; section accuracy %.1f%% (%d), region accuracy %.1f%% (%d)",
                     total, 100 * Double(sectionHits) / Double(total), sectionHits, 100 * Double(regionHits) / Double(total), regionHits))
        print("confusion (rows: labelled, columns: predicted, only non-zero):")
        for (label, row) in confusion.sorted(by: { $0.key < $1.key }) {
            let cells = row.sorted { $0.value > $1.value }.map { "\($0.key) \($0.value)" }.joined(separator: ", ")
            print("  \(label.padding(toLength: 12, withPad: " ", startingAt: 0)) \(cells)")
        }
        for miss in misses { print("  miss: \(miss)") }
    }
}
