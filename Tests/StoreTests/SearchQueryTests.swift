@testable import Store
import Testing

@Suite("Search queries: reader syntax parsed into clauses, written safely as FTS5 expressions")
struct SearchQueryTests {
    @Test("words, phrases, prefixes and operators", arguments: [
        ("налог", "\"налог\""),
        ("банк", "\"банк\""),
        ("налог штраф", "(\"налог\" AND \"штраф\")"),
        ("\"налоговая отчётность\"", "\"налоговая отчётность\""),
        ("салық*", "\"салық\"*"),
        ("tax OR customs", "\"tax\" OR \"customs\""),
        ("tax NOT fine", "\"tax\" NOT \"fine\""),
        ("e-gov", "\"e gov\""),
        ("(tax) AND \"reporting\"", "\"tax\" AND \"reporting\""),
        ("\"налог\"", "\"налог\""),
        ("NEAR(a b) col:x ^y", "(\"NEAR a\" AND \"b\" AND \"col x\" AND \"y\")"),
        ("tax OR bank news", "\"tax\" OR (\"bank\" AND \"news\")"),
        ("кредит", "\"кредит\""),
        ("кредит*", "\"кредит\"*"),
    ])
    func expressions(_ example: (String, String)) throws {
        #expect(FTS5Expression.render(try SearchQuery(example.0).clauses) == example.1)
    }

    @Test("the widened query makes unquoted words of five letters or more prefixes", arguments: [
        ("кредит", "\"кредит\"*"), ("налог NOT штраф", "\"налог\"* NOT \"штраф\"*"), ("банк", nil),
        ("\"кредит\"", nil), ("кредит*", nil), ("e-gov", nil),
    ] as [(String, String?)])
    func widened(_ example: (String, String?)) throws {
        #expect(try SearchQuery(example.0).widened.map { FTS5Expression.render($0.clauses) } == example.1)
    }

    @Test("one-word prefixes can be spelled out as marked index forms; phrases and unknown prefixes stay")
    func expandedPrefixes() throws {
        let query = try SearchQuery("салық* NOT e-gov* tax* \"кредит\"")
        let forms = ["салық": ["салық", "салықт"], "tax": []]
        let marker = SearchTokenizer.verbatimMarker
        #expect(FTS5Expression.render(query.clauses, expandingPrefixes: { forms[$0] })
            == "(\"\(marker)салық\" OR \"\(marker)салықт\") NOT (\"e gov\"* AND \"tax\"* AND \"кредит\")")
        #expect(FTS5Expression.render(query.clauses, expandingPrefixes: { _ in nil }) == FTS5Expression.render(query.clauses))
        let widened = try #require(try SearchQuery("кредит").widened)
        #expect(FTS5Expression.render(widened.clauses, expandingPrefixes: { _ in ["кредит"] }) == "(\"\(marker)кредит\")")
    }

    @Test("the parsed query names words, phrases, prefixes and operators, not any engine's syntax")
    func clauses() throws {
        let query = try SearchQuery("налог \"срок уплаты\" NOT e-gov* OR (tax)")
        #expect(query.clauses == [
            .phrase(words: ["налог"], prefix: false), .phrase(words: ["срок", "уплаты"], prefix: false), .operator(.not),
            .phrase(words: ["e", "gov"], prefix: true), .operator(.or), .phrase(words: ["tax"], prefix: false),
        ])
        #expect(try SearchQuery("NEAR(a b) col:x").clauses.allSatisfy {
            if case .phrase(let words, _) = $0 { return words.allSatisfy { $0.allSatisfy { $0.isLetter || $0.isNumber } } }
            return false
        })
        #expect(try SearchQuery("кредит").widened?.clauses == [.phrase(words: ["кредит"], prefix: true)])
    }

    @Test("bad queries say what is wrong", arguments: [
        ("", SearchQuery.Problem.empty), ("   ", .empty), ("***", .empty), ("\"налог", .unbalancedQuote),
        ("н*", .shortPrefix("н*")), ("налог e-g*", .shortPrefix("e-g*")), ("NOT налог", .loneOperator("NOT")), ("налог OR", .loneOperator("OR")), ("a AND AND b", .loneOperator("AND")),
        (String(repeating: "налог ", count: 100), .tooLong),
        ((1...20).map { "w\($0)" }.joined(separator: " "), .tooManyTerms),
    ])
    func problems(_ example: (String, SearchQuery.Problem)) {
        #expect(throws: example.1) { try SearchQuery(example.0) }
    }

    @Test("the words to highlight leave out what follows NOT and mark prefixes")
    func terms() throws {
        let query = try SearchQuery("налог \"срок уплаты\" NOT штраф кредит* OR tax")
        #expect(query.terms.map(\.word) == ["налог", "срок", "уплаты", "кредит", "tax"])
        #expect(query.terms.map(\.prefix) == [false, false, false, true, false])
    }
}
