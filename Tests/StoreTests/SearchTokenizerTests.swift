import EnbekshiCore
import GRDB
@testable import Store
import Testing

@Suite("SearchTokenizer: unicode61 words in their stemmed index form")
struct SearchTokenizerTests {
    @Test("every word comes out as SearchStemming makes it, the first time and from the memo", arguments: Language.allCases)
    func formsAgreeWithStemming(_ language: Language) throws {
        let database = try DatabaseQueue()
        try database.inDatabase { db in
            SQLiteStore.prepareSearch(db)
            let tokenizer = try db.makeTokenizer(FTS5TokenizerDescriptor(components: [SearchTokenizer.name, language.rawValue]))
            let text = "Салықтар мен САЛЫҚТЫ төлеушілер; налогов, Налоги и ёлки: taxes, TAXATION, 2025 жыл, x, ǅemal «Қазақстан»"
            let words = text.split(whereSeparator: { !$0.isLetter && !$0.isNumber }).map(String.init)
            let expected = words.map { SearchStemming.indexForm($0, language: language) }
            // Twice: the second pass is answered from the memo.
            for _ in 0..<2 {
                #expect(try tokenizer.tokenize(document: text).map(\.token) == expected)
            }
            #expect(try tokenizer.tokenize(query: "налогов*").map(\.token) == [SearchStemming.indexForm("налогов", language: language)])
            #expect(try tokenizer.tokenize(document: "").isEmpty)
        }
    }

    @Test("a query word after the verbatim marker is passed on as it is; in a document the marker means nothing")
    func verbatimQueryWords() throws {
        let database = try DatabaseQueue()
        try database.inDatabase { db in
            SQLiteStore.prepareSearch(db)
            let tokenizer = try db.makeTokenizer(FTS5TokenizerDescriptor(components: [SearchTokenizer.name, "ru"]))
            // Stemming is not idempotent: the stem of "налоговый" stemmed again is another word.
            let stem = SearchStemming.indexForm("налоговый", language: .ru)
            #expect(SearchStemming.indexForm(stem, language: .ru) != stem)
            let marked = SearchTokenizer.verbatimMarker + stem
            #expect(try tokenizer.tokenize(query: "\(marked) налоговый").map(\.token) == [stem, stem])
            #expect(try tokenizer.tokenize(query: SearchTokenizer.verbatimMarker).isEmpty)
            #expect(try tokenizer.tokenize(document: marked).map(\.token) == [SearchStemming.indexForm(marked, language: .ru)])
        }
    }
}
