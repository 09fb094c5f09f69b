import Clean
import EnbekshiCore
import Foundation
import Harvest
import Store

/// A deterministic synthetic corpus for benchmarks: articles over ten years from 2,000 sources with
/// a heavy-tailed publishing rate, in Kazakh, Russian and English drawn from the vocabulary of the
/// real demo texts (word frequencies Zipf-like), 3–8 paragraphs, sections, regions and republished
/// copies. The same seed gives the same corpus.
struct SyntheticCorpus {
    var random: SplitMix64
    let vocabulary: [Language: [String]]
    let sources: [Source]
    /// Cumulative publishing weights of the sources (a few publish daily, most rarely).
    let cumulativeWeights: [Double]
    let start: Date
    let days: Int

    init(seed: UInt64, sourceCount: Int = 2000, years: Int = 10) throws {
        random = SplitMix64(seed: seed)
        vocabulary = try Self.vocabulary()
        sources = Array(try SourceCatalog.bundled().prefix(sourceCount))
        var total = 0.0
        cumulativeWeights = sources.indices.map { rank in
            total += 1 / pow(Double(rank + 1), 1.1)
            return total
        }
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = .gmt
        start = calendar.date(from: DateComponents(year: 2016, month: 1, day: 1)) ?? Date(timeIntervalSince1970: 1_451_606_400)
        days = years * 365
    }

    /// Words of the demo texts per language, most frequent first; Kazakh words also in some of their
    /// inflected forms so that stemming has work to do.
    static func vocabulary() throws -> [Language: [String]] {
        var counts: [Language: [String: Int]] = [:]
        let cleaner = HTMLCleaner()
        for entry in try DemoCorpus.entries() {
            let (_, _, items, _) = try RecordedFile(path: entry.file.path, project: entry.project, language: entry.language).items()
            for item in items {
                let text = ([item.title ?? ""] + cleaner.clean(item.body ?? "").paragraphs).joined(separator: " ")
                for word in text.split(whereSeparator: { !$0.isLetter }) where word.count >= 2 {
                    counts[entry.language, default: [:]][word.lowercased(), default: 0] += 1
                }
            }
        }
        var vocabulary = counts.mapValues { $0.sorted { $0.value > $1.value || ($0.value == $1.value && $0.key < $1.key) }.map(\.key) }
        let kazakh = vocabulary[.kk] ?? []
        vocabulary[.kk] = kazakh + kazakh.prefix(400).flatMap { word in ["лар", "ды", "ның", "да", "ға"].map { word + $0 } }
        return vocabulary
    }

    mutating func word(_ language: Language) -> String {
        let words = vocabulary[language] ?? ["news"]
        // Log-uniform rank: frequent words often, the long tail rarely (Zipf-like).
        let rank = Int(pow(Double(words.count), random.unit())) - 1
        return words[max(0, min(words.count - 1, rank))]
    }

    mutating func sentence(_ language: Language, words count: Int) -> String {
        var text = (0..<count).map { _ in word(language) }.joined(separator: " ")
        if let first = text.first { text = first.uppercased() + text.dropFirst() }
        return text + "."
    }

    struct Item {
        var article: BulkArticle
        var published: String
    }

    /// The `index`-th of `total` articles: dates grow with the index, so ids grow with time.
    mutating func article(_ index: Int, of total: Int, previous: [ArticleKey]) -> [BulkArticle] {
        let dayOffset = Int(Double(index) / Double(max(1, total)) * Double(days))
        let day = Day("2016-01-01")?.adding(days: dayOffset).description ?? "2016-01-01"
        let hour = 9 + Int(random.unit() * 9), minute = Int(random.unit() * 60)
        func two(_ value: Int) -> String { value < 10 ? "0\(value)" : "\(value)" }
        let local = "\(day)T\(two(hour)):\(two(minute)):00"
        let date = start.addingTimeInterval(Double(dayOffset) * 86_400)
        let pick = random.unit() * (cumulativeWeights.last ?? 1)
        let sourceIndex = cumulativeWeights.firstIndex { $0 >= pick } ?? 0
        let source = sources[sourceIndex]
        let key = ArticleKey(project: source.slug, govkzID: String(1_000_000 + index))
        let roll = random.unit()
        let languages: [Language] = roll < 0.35 ? [.ru, .kk] : roll < 0.7 ? [.ru] : roll < 0.92 ? [.kk] : roll < 0.97 ? [.en] : [.ru, .kk, .en]
        let section = Section.allCases[Int(random.unit() * Double(Section.allCases.count)) % Section.allCases.count]
        let topics = ArticleTopics(
            section: section, secondary: [], sectionScore: 4, sectionReason: "synthetic", region: source.region ?? "republic",
            place: nil, regionReason: "synthetic")
        // About 3% are another body's copy of a recent release.
        let copyOf = random.unit() < 0.03 ? previous.last : nil
        return languages.map { language in
            let paragraphs = (0..<(3 + Int(random.unit() * 6))).map { _ in
                (0..<(2 + Int(random.unit() * 3))).map { _ in sentence(language, words: 8 + Int(random.unit() * 14)) }
                    .joined(separator: " ")
            }
            let title = String(sentence(language, words: 6 + Int(random.unit() * 7)).dropLast())
            let body = paragraphs.map { "<p>\(HTMLEscaping.escape($0))</p>" }.joined(separator: "\n")
            let version = ArticleVersion(
                language: language, title: title, originalTitle: title, bodyHTML: body, originalHTML: body, slug: nil,
                sourceURL: GovKzURL.newsPage(project: key.project, id: key.govkzID, language: language), heropic: nil,
                createdRaw: local, published: GovKzDate(local), fetchedAt: date, contentHash: String(random.next(), radix: 16),
                rawJSON: nil)
            var article = BulkArticle(key: key, version: version, topics: topics, copyOf: copyOf)
            article.owesStoryLinks = false
            return article
        }
    }
}
