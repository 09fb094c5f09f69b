import ArgumentParser
import EnbekshiCore
import Enrich
import Foundation

struct ClassifyCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "classify",
        abstract: "Measure section and region classification on labelled articles the model was not fitted on.",
        discussion: """
            Each line of FILE (JSONL): {"project", "lang", "title", "body", "section", "section_alt"?, "region"}; \
            body may be HTML, project is empty when the publisher is unknown, and a prediction matching \
            section or section_alt counts as right. With --folds K, FILE is cut into K folds and each is \
            scored by a model fitted on the others (cross-validation); without it, the model fitted on the \
            bundled set (or --train FILE) scores FILE. Prints the figures per language and for known and \
            unknown publishers, a confusion table and every miss with its reason.
            """)

    @Option(name: .long, help: "Labelled JSONL file to score.") var evaluate: String
    @Option(name: .long, help: "Cross-validate over K folds of the evaluated file.") var folds: Int?
    @Option(name: .long, help: "Fit on this labelled file instead of the bundled set (without --folds).") var train: String?
    @Flag(name: .long, help: "Print only the figures, not every miss.") var quiet = false
    @OptionGroup var logging: LoggingOptions

    func validate() throws {
        if let folds, !(2...20).contains(folds) { throw ValidationError("--folds must be 2…20") }
        if folds != nil, train != nil { throw ValidationError("--train fits the model for a held-out file; --folds fits it on the other folds") }
    }

    static func read(_ path: String) throws -> [LabelledArticle] {
        let text: String
        do {
            text = try String(contentsOfFile: path, encoding: .utf8)
        } catch {
            throw ValidationError("cannot read \(path): \(error.localizedDescription)")
        }
        do {
            let articles = try LabelledArticle.parse(text)
            guard !articles.isEmpty else { throw ValidationError("\(path) has no labelled lines") }
            return articles
        } catch let error as LabelledArticle.ParseError {
            throw ValidationError("\(path), \(error)")
        }
    }

    func run() async throws {
        _ = logging.bootstrap()
        let articles = try Self.read(evaluate)
        let evaluation: TopicEvaluation
        let method: String
        if let folds {
            evaluation = TopicEvaluation.crossValidate(articles, folds: folds)
            method = "\(folds)-fold cross-validation: each fold scored by a model fitted on the others"
        } else {
            let training = try train.map(Self.read) ?? LabelledArticle.bundled
            let seen = Set(training.map(\.title))
            let overlap = articles.filter { seen.contains($0.title) }.count
            evaluation = TopicEvaluation.score(articles, model: SectionModel.initial.fitted(to: training.map(SectionModel.Example.init)))
            method = "model fitted on \(train ?? "the bundled set") (\(training.count) articles)"
                + (overlap > 0 ? "; \(overlap) of these articles were in its training set: not held-out figures" : "")
        }
        print(Self.report(evaluation, articles: articles, method: method))
        if !quiet { for miss in evaluation.misses { print("  miss: \(miss)") } }
    }

    static func report(_ evaluation: TopicEvaluation, articles: [LabelledArticle], method: String) -> String {
        func percent(_ share: Double) -> String { String(format: "%.1f%%", share * 100) }
        func line(_ name: String, _ tally: TopicEvaluation.Tally) -> String {
            "  \(name.padding(toLength: 20, withPad: " ", startingAt: 0)) \(String(tally.total).padding(toLength: 5, withPad: " ", startingAt: 0))"
                + " section \(percent(tally.sectionShare)) (\(tally.sectionAccepted); exact \(tally.sectionExact))"
                + "  region \(percent(tally.regionShare)) (\(tally.region))"
        }
        var out = "classify: \(articles.count) articles; \(method)\n"
        out += line("all", evaluation.overall) + "\n"
        for language in ["kk", "ru", "en"] {
            if let tally = evaluation.byLanguage[language] { out += line(language, tally) + "\n" }
        }
        out += line("known publisher", evaluation.knownPublisher) + "\n"
        out += line("unknown publisher", evaluation.unknownPublisher) + "\n"
        func reviewLine(_ name: String, _ margins: [(margin: Double, right: Bool)], _ threshold: Double) -> String {
            let review = TopicEvaluation.review(margins, under: threshold)
            return "  \(name) margin under \(threshold): \(review.shown) articles (\(percent(Double(review.shown) / Double(max(1, margins.count))))) "
                + "hold \(review.wrongShown) of \(review.wrong) wrong decisions\n"
        }
        out += "review queue (uncertain decisions):\n"
        for threshold in Set([0.1, 0.5, TopicReview.sectionMargin]).sorted() { out += reviewLine("section", evaluation.sectionMargins, threshold) }
        for threshold in Set([0.1, 0.75, TopicReview.regionMargin]).sorted() { out += reviewLine("region", evaluation.regionMargins, threshold) }
        out += "confusion (rows: labelled, columns: predicted, only non-zero):\n"
        for (label, row) in evaluation.confusion.sorted(by: { $0.key < $1.key }) {
            let cells = row.sorted { $0.value > $1.value || ($0.value == $1.value && $0.key < $1.key) }.map { "\($0.key) \($0.value)" }
            out += "  \(label.padding(toLength: 12, withPad: " ", startingAt: 0)) \(cells.joined(separator: ", "))\n"
        }
        return out
    }
}
