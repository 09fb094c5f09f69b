import EnbekshiCore

/// How well sections and regions are told on labelled articles the model was not fitted on:
/// k-fold cross-validation over one set, or a model fitted on one set and scored on another.
/// Regions are told by rules that learn nothing, so every article of a fold is unseen by them too.
public struct TopicEvaluation: Sendable {
    public struct Tally: Sendable {
        public var total = 0
        /// The labelled section or the editor's acceptable second choice.
        public var sectionAccepted = 0
        public var sectionExact = 0
        public var region = 0

        public var sectionShare: Double { total == 0 ? 0 : Double(sectionAccepted) / Double(total) }
        public var regionShare: Double { total == 0 ? 0 : Double(region) / Double(total) }
    }

    public var overall = Tally()
    public var byLanguage: [String: Tally] = [:]
    /// Articles whose publisher is known and those with none (an empty `project`: an editors' own
    /// article, or an item whose address was lost).
    public var knownPublisher = Tally()
    public var unknownPublisher = Tally()
    /// Labelled section → predicted section → count.
    public var confusion: [String: [String: Int]] = [:]
    public var misses: [String] = []
    /// Each scored article's margins and whether it was right, to choose how uncertain a decision
    /// must be before the review queue shows it.
    public var sectionMargins: [(margin: Double, right: Bool)] = []
    public var regionMargins: [(margin: Double, right: Bool)] = []

    /// Of the decisions under `threshold`: how many there are, and how many of all the wrong ones
    /// they hold.
    public static func review(_ margins: [(margin: Double, right: Bool)], under threshold: Double) -> (shown: Int, wrongShown: Int, wrong: Int) {
        let shown = margins.filter { $0.margin < threshold }
        return (shown.count, shown.filter { !$0.right }.count, margins.filter { !$0.right }.count)
    }

    /// Each article scored by a model fitted on the other folds (starting from `initial`).
    /// Articles are dealt into folds by a hash of their title, so the folds do not depend on the
    /// file's order and stay the same from run to run.
    public static func crossValidate(_ articles: [LabelledArticle], folds: Int, initial: SectionModel = .initial) -> TopicEvaluation {
        let folds = max(2, folds)
        let fold = articles.map { Int(FNV1a.hash($0.title.utf8) % UInt64(folds)) }
        let examples = articles.map(SectionModel.Example.init)
        var evaluation = TopicEvaluation()
        for current in 0..<folds {
            let training = examples.indices.filter { fold[$0] != current }.map { examples[$0] }
            let model = initial.fitted(to: training)
            for index in articles.indices where fold[index] == current {
                evaluation.score(articles[index], model: model, number: index + 1)
            }
        }
        return evaluation
    }

    /// Every article of `test` scored by `model`.
    public static func score(_ test: [LabelledArticle], model: SectionModel) -> TopicEvaluation {
        var evaluation = TopicEvaluation()
        for (index, article) in test.enumerated() { evaluation.score(article, model: model, number: index + 1) }
        return evaluation
    }

    mutating func score(_ article: LabelledArticle, model: SectionModel, number: Int) {
        let source = Source(catalogSlug: article.project)
        let paragraphs = SectionClassifier.paragraphs(ofHTML: article.body)
        let region = RegionResolver.resolve(source: source, title: article.title, paragraphs: paragraphs)
        let section = model.classify(source: source, title: article.title, paragraphs: paragraphs, region: region.code)
        let accepted = article.accepts(section.primary), exact = section.primary.rawValue == article.section
        let regionRight = region.code == article.region
        func add(_ tally: inout Tally) {
            tally.total += 1
            if accepted { tally.sectionAccepted += 1 }
            if exact { tally.sectionExact += 1 }
            if regionRight { tally.region += 1 }
        }
        add(&overall)
        sectionMargins.append((section.margin, accepted))
        regionMargins.append((region.margin, regionRight))
        add(&byLanguage[article.lang, default: Tally()])
        if article.project.isEmpty { add(&unknownPublisher) } else { add(&knownPublisher) }
        confusion[article.section, default: [:]][section.primary.rawValue, default: 0] += 1
        let label = "\(number) [\(article.lang)] \(article.project.isEmpty ? "(no publisher)" : article.project) \(article.title.prefix(60))"
        if !accepted {
            misses.append("section \(label): want \(article.section)\(article.sectionAlternative.map { " or \($0)" } ?? ""), got \(section.primary.rawValue) — \(section.reason)")
        }
        if !regionRight {
            misses.append("region \(label): want \(article.region), got \(region.code) — \(region.reason)")
        }
    }
}
