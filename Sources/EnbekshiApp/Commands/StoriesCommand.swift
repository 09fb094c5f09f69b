import ArgumentParser
import Clean
import EnbekshiCore
import Enrich
import Foundation

struct StoriesCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "stories",
        abstract: "Measure duplicate-story detection on labelled pairs.",
        discussion: """
            Each line of FILE.jsonl: {"a": {project, lang, title, body}, "b": {…}, "same_story": true|false}, \
            optionally "related": true|false for different releases on one subject. Prints precision and recall \
            of "same story" (and of "related" where labelled), and every wrong decision with its reason.
            """)

    @Option(name: .long, help: "Labelled JSONL file of pairs.") var evaluate: String

    struct Item: Decodable {
        var title: String
        var body: String
    }

    struct Pair: Decodable {
        var a: Item
        var b: Item
        var same_story: Bool
        var related: Bool?
    }

    func run() async throws {
        let pairs = try LabelledFile.read(evaluate, as: Pair.self)
        let cleaner = HTMLCleaner()
        func fingerprint(_ item: Item) -> TextFingerprint {
            TextFingerprint(title: item.title, paragraphs: cleaner.clean(item.body).paragraphs)
        }
        var truePositive = 0, falsePositive = 0, falseNegative = 0, total = 0
        var related = (labelled: 0, found: 0, wrong: 0, missed: 0)
        var wrong: [String] = []
        for (number, pair) in pairs.enumerated() {
            total += 1
            let a = fingerprint(pair.a), b = fingerprint(pair.b)
            let (same, reason) = StoryMatcher.sameStory(a, b)
            if let labelled = pair.related, !pair.same_story {
                related.labelled += 1
                let score = same ? nil : StoryMatcher.related(a, b)
                let similarity = Int(a.topicSimilarity(to: b) * 100)
                switch (score != nil, labelled) {
                case (true, true): related.found += 1
                case (true, false):
                    related.wrong += 1
                    wrong.append("line \(number + 1): linked as related (\(similarity)% stems shared): \(pair.a.title.prefix(50)) / \(pair.b.title.prefix(50))")
                case (false, true):
                    related.missed += 1
                    wrong.append("line \(number + 1): missed a related release (\(similarity)% stems shared): \(pair.a.title.prefix(50))")
                case (false, false): break
                }
            }
            switch (same, pair.same_story) {
            case (true, true): truePositive += 1
            case (true, false):
                falsePositive += 1
                wrong.append("line \(number + 1): merged different releases — \(reason): \(pair.a.title.prefix(50)) / \(pair.b.title.prefix(50))")
            case (false, true):
                falseNegative += 1
                wrong.append("line \(number + 1): missed a duplicate — \(reason): \(pair.a.title.prefix(50))")
            case (false, false): break
            }
        }
        let precision = truePositive + falsePositive == 0 ? 1 : Double(truePositive) / Double(truePositive + falsePositive)
        let recall = truePositive + falseNegative == 0 ? 1 : Double(truePositive) / Double(truePositive + falseNegative)
        print(String(format: "stories: %d pairs; precision %.3f, recall %.3f (%d found, %d wrongly merged, %d missed)",
                     total, precision, recall, truePositive, falsePositive, falseNegative))
        if related.labelled > 0 {
            let linked = related.found + related.wrong, relevant = related.found + related.missed
            print(String(format: "related: %d labelled pairs; precision %.3f, recall %.3f (%d linked, %d wrongly, %d missed)",
                         related.labelled, linked == 0 ? 1 : Double(related.found) / Double(linked),
                         relevant == 0 ? 1 : Double(related.found) / Double(relevant), related.found, related.wrong, related.missed))
        }
        for line in wrong { print("  \(line)") }
    }
}
