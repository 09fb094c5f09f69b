import EnbekshiCore

/// A linear model over the evidence a text gives about its section: the publisher (its kind and
/// slug), the hand-written topical stems of `SectionClassifier`, and the first letters of every
/// word. It starts from the hand-written knowledge (each stem votes for its section, the publisher
/// prior for its own) and is fitted to a labelled set with an averaged margin perceptron:
/// deterministic, a few thousand weights, and every decision explained by the features that
/// carried it.
public struct SectionModel: Sendable {
    /// Feature → one weight per section (in `Section.allCases` order).
    var weights: [String: [Double]]

    static let sections = Section.allCases
    static func index(_ section: Section) -> Int { sections.firstIndex(of: section) ?? 0 }

    /// A feature of one article with its value.
    struct Feature: Hashable {
        var name: String
        var value: Double
    }

    /// The model before fitting: the hand-written rules alone.
    public static let initial: SectionModel = {
        var weights: [String: [Double]] = [:]
        for section in sections {
            var row = Array(repeating: 0.0, count: sections.count)
            row[index(section)] = 1
            weights["prior:\(section.rawValue)"] = row
            if section == .world { weights["place:abroad"] = row }
            for stem in SectionClassifier.stems[section] ?? [] {
                let key = "stem:" + SectionClassifier.stemKey(stem)
                var stemRow = weights[key] ?? Array(repeating: 0.0, count: sections.count)
                stemRow[index(section)] += 1
                weights[key] = stemRow
            }
        }
        return SectionModel(weights: weights)
    }()

    /// The model fitted to the labelled set bundled with the program.
    public static let bundled: SectionModel = initial.fitted(to: LabelledArticle.bundled.map(Example.init))

    // MARK: - Features

    /// How many letters of a word make its feature: enough to tell words apart, few enough that
    /// the forms of one word (case endings, plurals) share it.
    static let prefixLength = 6

    /// `region` is the article's region code when the caller has resolved it already.
    static func features(source: Source, title: String, paragraphs: [String], region: String? = nil) -> [Feature] {
        var features: [Feature] = []
        if let (section, weight, _) = SectionClassifier.prior(for: source) {
            features.append(Feature(name: "prior:\(section.rawValue)", value: weight))
        }
        if !source.slug.isEmpty {
            features.append(Feature(name: "kind:\(source.kind.rawValue)", value: 1))
            for part in source.slug.split(separator: "-") where Region.code(forSlug: String(part)) == nil {
                features.append(Feature(name: "slug:\(part)", value: 1))
            }
        } else {
            features.append(Feature(name: "kind:unknown", value: 1))
        }
        // News from abroad (a mission, talks in a foreign capital) is foreign relations whatever
        // single topic it touches ("trade" in an ambassador's meeting).
        if (region ?? RegionResolver.resolve(source: source, title: title, paragraphs: paragraphs).code) == "abroad" {
            features.append(Feature(name: "place:abroad", value: 1))
        }
        let body = String(paragraphs.joined(separator: " ").prefix(2500))
        let titleCounts = SectionClassifier.matches(in: title, limit: 100)
        let bodyCounts = SectionClassifier.matches(in: body, limit: 400)
        var stems: [String: Double] = [:]
        // A stem counts once in the title and at most twice in the body: one word repeated should
        // not outvote the rest of the text.
        for key in Set(titleCounts.keys).union(bodyCounts.keys) {
            stems["stem:" + key.stem] = max(stems["stem:" + key.stem] ?? 0, Double(min(titleCounts[key] ?? 0, 1)) * 2 + Double(min(bodyCounts[key] ?? 0, 2)))
        }
        features += stems.map { Feature(name: $0.key, value: $0.value) }
        var words: [String: Double] = [:]
        for (text, weight, limit) in [(title, 1.0, 40), (body, 0.5, 150)] {
            for word in wordPrefixes(text, limit: limit) { words[word, default: 0] = min(2, words[word, default: 0] + weight) }
        }
        // A word's feature is its beginning alone: letters only, so it never meets the other
        // features' "kind:name" (and no name is built for every word of every text).
        features += words.map { Feature(name: $0.key, value: $0.value) }
        // In one order whatever the dictionaries' (seeded per process): sums of floating-point
        // weights in another order can break a near tie the other way.
        return features.sorted { $0.name < $1.name }
    }

    /// The lower-cased first letters of the words of four letters or more.
    static func wordPrefixes(_ text: String, limit: Int) -> [String] {
        var result: [String] = []
        var word = String.UnicodeScalarView()
        var length = 0
        func finish() {
            if length >= 4 { result.append(String(word)) }
            word = String.UnicodeScalarView()
            length = 0
        }
        for scalar in text.unicodeScalars {
            if ScalarClass.isAlphabetic(scalar) {
                if length < prefixLength { ScalarClass.forEachLowercase(scalar) { word.append($0) } }
                length += 1
            } else if length > 0 {
                finish()
                if result.count >= limit { return result }
            }
        }
        finish()
        return result
    }

    // MARK: - Scoring

    func scores(_ features: [Feature]) -> [Double] {
        var scores = Array(repeating: 0.0, count: Self.sections.count)
        for feature in features {
            guard let row = weights[feature.name] else { continue }
            for index in scores.indices { scores[index] += row[index] * feature.value }
        }
        return scores
    }

    public func classify(source: Source, title: String, paragraphs: [String], region: String? = nil) -> SectionClassifier.Result {
        let features = Self.features(source: source, title: title, paragraphs: paragraphs, region: region)
        let scores = scores(features)
        let ranked = scores.indices.sorted { scores[$0] > scores[$1] || (scores[$0] == scores[$1] && $0 < $1) }
        guard let best = ranked.first, scores[best] > 0 else {
            return .init(primary: .society, secondary: [], score: 0, reason: "no evidence; society by default")
        }
        let secondary = ranked.dropFirst().filter { scores[$0] > 0 && scores[$0] >= scores[best] * 0.6 }.prefix(2).map { Self.sections[$0] }
        // The reason: the features that gave the winner most, with what each gave.
        let contributions = features.compactMap { feature -> (String, Double)? in
            guard let weight = weights[feature.name]?[best], weight * feature.value > 0.05 else { return nil }
            return (feature.name, weight * feature.value)
        }.sorted { $0.1 > $1.1 || ($0.1 == $1.1 && $0.0 < $1.0) }
        let reason = contributions.prefix(6).map { "\(Self.describe($0.0, source: source)) (+\(Self.format($0.1)))" }.joined(separator: "; ")
        let runnerUp = ranked.dropFirst().first.map { max(0, scores[$0]) } ?? 0
        return .init(
            primary: Self.sections[best], secondary: Array(secondary), score: scores[best], reason: reason,
            margin: (scores[best] - runnerUp) / scores[best])
    }

    static func describe(_ feature: String, source: Source) -> String {
        if feature.hasPrefix("prior:") { return SectionClassifier.prior(for: source)?.2 ?? "publisher" }
        if feature.hasPrefix("stem:") { return "“\(feature.dropFirst(5))”" }
        if !feature.contains(":") { return "“\(feature)…”" }
        if feature.hasPrefix("kind:") { return "publisher kind \(feature.dropFirst(5))" }
        if feature.hasPrefix("slug:") { return "publisher “\(feature.dropFirst(5))”" }
        return feature
    }

    static func format(_ value: Double) -> String {
        let tenths = Int((value * 10).rounded())
        return "\(tenths / 10).\(abs(tenths % 10))"
    }

    // MARK: - Fitting

    /// A labelled article as the model sees it.
    public struct Example: Sendable {
        var features: [Feature]
        var accepted: Set<Int>
        var section: Int

        public init(_ article: LabelledArticle) {
            let paragraphs = SectionClassifier.paragraphs(ofHTML: article.body)
            features = SectionModel.features(source: Source(catalogSlug: article.project), title: article.title, paragraphs: paragraphs)
            section = Section(rawValue: article.section).map(SectionModel.index) ?? 0
            accepted = Set([article.section, article.sectionAlternative].compactMap { $0 }.compactMap(Section.init(rawValue:)).map(SectionModel.index))
        }
    }

    /// Rounds over the set, and how far one mistake moves the weights.
    static let epochs = 4
    static let rate = 0.1
    /// How far ahead of the strongest unaccepted section the labelled one must be for the model to
    /// leave an article alone, as a share of its score. Chosen on earlier sets scored on later
    /// ones (BENCHMARKS.md, session 32).
    static let margin = 0.6

    /// The model fitted to `examples` by an averaged perceptron with a margin: each article the
    /// current weights file wrongly (outside its accepted sections), or rightly by too little, moves
    /// its features toward its section and away from the strongest wrong one; the result is the
    /// average of the weights over every step, which keeps the late, lucky steps from deciding.
    /// Deterministic: the order is the examples' order.
    public func fitted(to examples: [Example]) -> SectionModel {
        guard !examples.isEmpty else { return self }
        let count = Self.sections.count
        var current = weights
        var sums: [String: [Double]] = [:]
        var lastUpdate: [String: Int] = [:]
        var step = 0
        // Averaging without touching every weight at every step: a weight's running sum is brought
        // up to date only when the weight changes, and once at the end.
        func settle(_ name: String) {
            let since = step - (lastUpdate[name] ?? 0)
            if since > 0, let row = current[name] {
                var sum = sums[name] ?? Array(repeating: 0.0, count: count)
                for index in 0..<count { sum[index] += row[index] * Double(since) }
                sums[name] = sum
            }
            lastUpdate[name] = step
        }
        for _ in 0..<Self.epochs {
            for example in examples {
                step += 1
                let model = SectionModel(weights: current)
                let scores = model.scores(example.features)
                // The strongest section the editor would not accept: a step is taken when it wins,
                // and also when the labelled section leads it by less than `margin` of its own
                // score (a decision that one more word would flip is learnt from too).
                let rival = scores.indices.filter { !example.accepted.contains($0) }
                    .max { scores[$0] < scores[$1] || (scores[$0] == scores[$1] && $0 > $1) } ?? 0
                let own = scores[example.section]
                guard own - scores[rival] < Self.margin * max(1, abs(own)) else { continue }
                let predicted = rival
                // The publisher prior keeps its weight; the hand-written stems start from theirs and
                // learn with the words, the publisher's kind and its slug (a stem that misleads in
                // the labelled set, "тенге" in a prosecutor's news, loses some of its pull).
                for feature in example.features where !feature.name.hasPrefix("prior:") {
                    settle(feature.name)
                    var row = current[feature.name] ?? Array(repeating: 0.0, count: count)
                    row[example.section] += Self.rate * feature.value
                    row[predicted] -= Self.rate * feature.value
                    current[feature.name] = row
                }
            }
        }
        step += 1
        for name in current.keys { settle(name) }
        var averaged: [String: [Double]] = [:]
        for (name, sum) in sums {
            let row = sum.map { $0 / Double(step) }
            if row.contains(where: { abs($0) > 1e-9 }) { averaged[name] = row }
        }
        return SectionModel(weights: averaged)
    }
}
