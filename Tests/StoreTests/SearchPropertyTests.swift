import EnbekshiCore
import Foundation
import GRDB
@testable import Store
import TestSupport
import Testing

/// Random queries built from the index's own vocabulary, over a real index: every shape readers
/// type (one to five words, phrases, prefixes, operators, filters, mixed scripts) must answer, plain
/// words must find only texts holding a form of each, and what the store finds must be what FTS5
/// finds for the same query written directly.
@Suite("Search: random queries over a real index")
struct SearchPropertyTests {
    static let vocabulary: [Language: [String]] = [
        .ru: [
            "налог", "налоги", "налогов", "налоговая", "отчётность", "банк", "банки", "кредит", "кредитование", "регион",
            "регионы", "область", "аким", "акимат", "район", "жители", "дороги", "ремонт", "школа", "школы", "больница",
            "здоровье", "министр", "встреча", "программа", "поддержка", "бизнес", "предприниматели", "субсидии",
            "урожай", "зерно", "вода", "экология", "граждане", "услуги",
        ],
        .en: [
            "tax", "taxes", "taxation", "region", "regional", "regions", "bank", "banks", "banking", "credit", "loan",
            "loans", "school", "schools", "health", "hospital", "minister", "meeting", "program", "support", "business",
            "farmers", "water", "roads", "repair", "residents", "district", "services",
        ],
        .kk: [
            "салық", "салықтар", "салықтық", "өңір", "банк", "мектеп", "денсаулық", "министр", "кездесу", "бағдарлама",
            "қолдау", "бизнес", "су", "жол", "жөндеу", "тұрғындар", "аудан", "қызмет",
        ],
    ]
    static let projects = ["kgd-pavlodar", "kgd-zhetysu", "ardfm"]

    /// A store with `count` articles of random text from the vocabulary, over 60 days.
    static func corpus(_ count: Int, seed: UInt64) async throws -> TemporaryDatabase {
        var random = SplitMix64(seed: seed)
        let database = try await TemporaryDatabase()
        for index in 0..<count {
            let language = Language.allCases.randomElement(using: &random) ?? .ru
            let words = vocabulary[language] ?? []
            func sentence(_ length: ClosedRange<Int>) -> String {
                (0..<Int.random(in: length, using: &random)).map { _ in
                    // Now and then a word of another script, as gov.kz's texts have.
                    let pool = Int.random(in: 0..<10, using: &random) == 0 ? (vocabulary[.en] ?? words) : words
                    return pool.randomElement(using: &random) ?? "x"
                }.joined(separator: " ")
            }
            let day = ("2025-10-01" as Day).adding(days: index % 60).description
            let version = NewsStoreContractTests.version(
                language, title: sentence(3...6), body: "<p>\(sentence(8...15)).</p><p>\(sentence(8...15)).</p>", hash: "\(index)",
                published: "\(day)T10:00:00.000Z")
            let topics = ArticleTopics(
                section: Section.allCases.randomElement(using: &random) ?? .economics, secondary: [], sectionScore: 1, sectionReason: "test",
                region: ["pavlodar", "astana", "zhetysu"].randomElement(using: &random) ?? "astana", place: nil, regionReason: "test")
            _ = try await database.store.save(
                version, for: ArticleKey(project: projects[index % projects.count], govkzID: "\(index + 1)"), requested: language,
                topics: topics)
        }
        try await database.store.checkSearchIndex()
        return database
    }

    struct Case: CustomStringConvertible {
        var text: String
        var plainWords: [String]?
        var filtered: Bool
        var description: String { text }
    }

    static func queries(_ count: Int, seed: UInt64) -> [Case] {
        var random = SplitMix64(seed: seed)
        let all = vocabulary.values.flatMap { $0 }
        func word() -> String { all.randomElement(using: &random) ?? "налог" }
        return (0..<count).map { _ in
            switch Int.random(in: 0..<6, using: &random) {
            case 0, 1:
                let words = (0..<Int.random(in: 1...5, using: &random)).map { _ in word() }
                return Case(text: words.joined(separator: " "), plainWords: words, filtered: false)
            case 2:
                let stem = word()
                let prefix = String(stem.prefix(Int.random(in: 2...max(2, stem.count), using: &random)))
                return Case(text: "\(word()) \(prefix)*", plainWords: nil, filtered: false)
            case 3:
                return Case(text: "\"\(word()) \(word())\" \(word())", plainWords: nil, filtered: false)
            case 4:
                let op = ["AND", "OR", "NOT"].randomElement(using: &random) ?? "OR"
                return Case(text: "\(word()) \(op) \(word()) \(word())", plainWords: nil, filtered: false)
            default:
                return Case(text: "\(word()) \(word())", plainWords: nil, filtered: true)
            }
        }
    }

    /// The index forms of a stored article's words, per language version.
    static func forms(of article: Article) -> [(Language, Set<String>)] {
        article.versions.values.map { version in
            let text = version.title + " " + PlainText.from(html: version.bodyHTML)
            let words = text.split { !$0.isLetter && !$0.isNumber }.map { SearchStemming.indexForm(String($0), language: version.language) }
            return (version.language, Set(words))
        }
    }

    @Test("no query fails; plain words find only texts holding a form of each; results are FTS5's own", arguments: [1, 2] as [UInt64])
    func randomQueries(_ seed: UInt64) async throws {
        let database = try await Self.corpus(240, seed: seed)
        let store = database.store
        var random = SplitMix64(seed: seed * 7)
        var compared = 0
        for example in Self.queries(120, seed: seed) {
            var request = SearchRequest(query: try SearchQuery(example.text))
            if example.filtered {
                request.source = Self.projects.randomElement(using: &random)
                request.fromDay = Day("2025-10-\(10 + Int.random(in: 0...9, using: &random))")
                request.toDay = Day("2025-11-\(10 + Int.random(in: 0...9, using: &random))")
                request.section = Bool.random(using: &random) ? Section.allCases.randomElement(using: &random) : nil
                request.region = Bool.random(using: &random) ? "astana" : nil
            }
            request.order = Bool.random(using: &random) ? .newest : .relevance
            let results = try await store.search(request, limit: 20, offset: 0)
            _ = try await store.search(request, limit: 20, offset: 20)
            if let words = example.plainWords {
                for hit in results.hits {
                    let article = try #require(try await store.article(id: hit.articleID))
                    let found = Self.forms(of: article).contains { language, forms in
                        words.allSatisfy { word in
                            let wanted = SearchStemming.indexForm(word, language: language)
                            return results.widened ? forms.contains { $0.hasPrefix(wanted) } : forms.contains(wanted)
                        }
                    }
                    #expect(found, "\(example.text) found article \(hit.articleID) without every word")
                }
            }
            // Whole answers (under a page, no filters, newest first) are compared with FTS5's own.
            guard !example.filtered, request.order == .newest, results.total < 20 else { continue }
            let expression = FTS5Expression.render(results.widened ? request.query.widened?.clauses ?? request.query.clauses : request.query.clauses)
            let native = try await store.database.read { db in
                try Set(Language.allCases.flatMap { language in
                    let table = SQLiteStore.searchTable(language)
                    return try Int64.fetchAll(db, sql: "SELECT rowid FROM \(table) WHERE \(table) MATCH ?", arguments: ["{title body} : (\(expression))"])
                })
            }
            #expect(Set(results.hits.map(\.articleID)) == native, "\(example.text)")
            compared += 1
        }
        #expect(compared >= 20)
    }
}
