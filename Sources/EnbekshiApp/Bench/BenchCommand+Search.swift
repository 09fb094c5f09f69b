import ArgumentParser
import EnbekshiCore
import Foundation
import Logging
import Store

extension BenchCommand {
    /// Search latency per query class on a generated database, through the store as the site calls it
    /// (first page of 20, result count, snippets).
    struct Search: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Search latency (p50/p95/p99) per query class on a corpus database.")

        @Option(name: .long, help: "Database made by `bench corpus`.") var database = "bench.sqlite"
        @Option(name: .long, help: "Queries per class.") var queries = 100
        @Option(name: .long, help: "Random seed for the choice of words.") var seed: UInt64 = 7
        @Flag(name: .long, help: "Leave out the snippets (as the API and feeds do).") var noSnippets = false

        func run() async throws {
            let store = try StoreFactory.open(database)
            try await store.migrate()
            let vocabulary = try SyntheticCorpus.vocabulary()
            var random = SplitMix64(seed: seed)
            func word(_ language: Language, rank: ClosedRange<Double>) -> String {
                let words = vocabulary[language] ?? []
                let fraction = rank.lowerBound + random.unit() * (rank.upperBound - rank.lowerBound)
                return words[min(words.count - 1, Int(fraction * Double(words.count)))]
            }
            let languages: [Language] = [.ru, .kk, .en]
            typealias Make = () -> (String, (inout SearchRequest) -> Void)
            let classes: [(String, Make)] = [
                ("rare word", { (word(languages[Int(random.unit() * 3)], rank: 0.85...0.99), { _ in }) }),
                ("common word, newest first", { (word(languages[Int(random.unit() * 3)], rank: 0.0...0.01), { _ in }) }),
                ("common word, by relevance", { (word(.ru, rank: 0.0...0.01), { $0.order = .relevance }) }),
                ("phrase", { ("\"\(word(.ru, rank: 0.0...0.02)) \(word(.ru, rank: 0.0...0.02))\"", { _ in }) }),
                ("prefix", { (String(word(.ru, rank: 0.05...0.3).prefix(4)) + "*", { _ in }) }),
                ("filtered (section, region, dates)", {
                    (word(.ru, rank: 0.0...0.05), { request in
                        request.section = Section.allCases[Int(random.unit() * 15) % 15]
                        request.region = ["republic", "almaty", "astana", "zhambyl", "karaganda"][Int(random.unit() * 5) % 5]
                        request.fromDay = Day("2019-01-01")
                        request.toDay = Day("2023-12-31")
                    })
                }),
                // Last, so the classes before it draw the same words as before it was added. The
                // shortest prefix a reader may type: the most index forms to spell out.
                ("two-letter prefix", { (String(word(.ru, rank: 0.0...0.3).prefix(2)) + "*", { _ in }) }),
                // What readers type most (and where multi-word queries once failed): plain words that
                // rarely meet, so the exact query finds less than a page and is widened to prefixes.
                ("two plain words", {
                    let language = languages[Int(random.unit() * 3) % 3]
                    return ("\(word(language, rank: 0.0...0.5)) \(word(language, rank: 0.0...0.5))", { _ in })
                }),
                ("three plain words", {
                    let language = languages[Int(random.unit() * 3) % 3]
                    return ("\(word(language, rank: 0.0...0.3)) \(word(language, rank: 0.0...0.5)) \(word(language, rank: 0.0...0.5))", { _ in })
                }),
                ("words and a prefix", {
                    ("\(word(.ru, rank: 0.0...0.3)) \(String(word(.ru, rank: 0.05...0.3).prefix(4)))*", { _ in })
                }),
                // Two rare words seldom meet: the exact query finds less than a page, so both words are
                // matched by their beginning too (the widened path, the one that answered 500).
                ("two rare words, widened", { ("\(word(.ru, rank: 0.85...0.99)) \(word(.ru, rank: 0.85...0.99))", { _ in }) }),
            ]
            print("search: \(queries) queries per class, first page of 20 with count\(noSnippets ? "" : " and snippets"), \(database)")
            for (name, make) in classes {
                var timings: [Double] = []
                var matches = 0
                for _ in 0..<queries {
                    let (text, configure) = make()
                    guard let query = try? SearchQuery(text) else { continue }
                    var request = SearchRequest(query: query)
                    configure(&request)
                    request.snippets = !noSnippets
                    let clock = ContinuousClock()
                    var found = 0
                    let elapsed = try await clock.measure { found = try await store.search(request, limit: 20, offset: 0).total }
                    matches += found
                    timings.append(elapsed.seconds * 1000)
                }
                timings.sort()
                func percentile(_ p: Double) -> Double { timings.isEmpty ? 0 : timings[min(timings.count - 1, Int(Double(timings.count) * p))] }
                let label = name.padding(toLength: 36, withPad: " ", startingAt: 0)
                print(label + String(format: " p50 %7.2f ms  p95 %7.2f ms  p99 %7.2f ms  (mean matches counted %.0f)",
                                     percentile(0.5), percentile(0.95), percentile(0.99), Double(matches) / Double(max(1, timings.count))))
            }
        }
    }
}
