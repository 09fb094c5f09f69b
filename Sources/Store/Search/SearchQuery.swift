import Foundation

/// A reader's search query, checked and parsed into clauses that every storage engine reads in its
/// own syntax (`FTS5Expression` for SQLite). Words, "phrases", prefixes (`салық*`) and the operators
/// AND, OR, NOT (in capitals) are understood; any other character only separates words, so no input
/// can reach an engine as syntax.
public struct SearchQuery: Sendable, Hashable {
    public static let maximumLength = 300
    public static let maximumTerms = 16
    /// Unquoted words at least this long are widened to prefixes when the exact query finds little.
    public static let wideningLength = 5
    /// Letters a prefix needs before its `*`: one letter begins thousands of words, which no index
    /// answers quickly (FTS5 merges all their matches; `SearchTerms` spells out at most 2,000).
    public static let minimumPrefixLength = 2

    public enum Problem: Error, Sendable, Hashable {
        case empty
        case tooLong
        case tooManyTerms
        case unbalancedQuote
        /// An operator with nothing to join on one side (`NOT налог`, `налог OR`, `AND AND`).
        case loneOperator(String)
        /// A prefix with fewer letters than `minimumPrefixLength` before its `*` (`н*`).
        case shortPrefix(String)
    }

    /// The original text, for the search box.
    public let text: String
    /// The query as clauses: operands with the operators the reader typed between them. Adjacent
    /// operands are all required (an implicit AND that binds tighter than any operator).
    public let clauses: [Clause]
    /// The words a result may contain (all but those after NOT), for highlighting.
    public let terms: [Term]
    /// The query with every unquoted word of five letters or more as a prefix ("кредит" → `кредит*`,
    /// which finds "кредитование"), and its terms; nil when no word can be widened. Tried when the exact
    /// query finds less than a page: a prefix costs FTS5 a merge of all its matches, so not always.
    public let widened: Widened?

    public struct Widened: Sendable, Hashable {
        public var clauses: [Clause]
        public var terms: [Term]
    }

    public enum Operator: String, Sendable, Hashable, CaseIterable {
        case and = "AND", or = "OR", not = "NOT"
    }

    public enum Clause: Sendable, Hashable {
        /// Words that stand together in this order (one word, a quoted phrase, or a word written with
        /// a hyphen such as "e-gov"); with `prefix`, the last word may begin a longer one.
        case phrase(words: [String], prefix: Bool)
        /// An operator as the reader typed it, between two operands.
        case `operator`(Operator)
    }

    public struct Term: Sendable, Hashable {
        public var word: String
        public var prefix: Bool
    }

    public init(_ text: String) throws(Problem) {
        let trimmed = text.trimmingCharacters(in: .whitespacesAndNewlines)
        guard !trimmed.isEmpty else { throw .empty }
        guard trimmed.count <= Self.maximumLength else { throw .tooLong }
        guard trimmed.filter({ $0 == "\"" }).count % 2 == 0 else { throw .unbalancedQuote }
        var clauses: [Clause] = []
        var wideClauses: [Clause] = []
        var wideTerms: [Term] = []
        var terms = 0
        var highlighted: [Term] = []
        var negated = false
        var previousWasOperator = true
        var rest = Substring(trimmed)
        while let first = rest.first {
            if first == "\"" {
                let body = rest.dropFirst()
                let end = body.firstIndex(of: "\"") ?? body.endIndex
                let words = Self.words(body[..<end])
                rest = end < body.endIndex ? body[body.index(after: end)...] : ""
                guard !words.isEmpty else { continue }
                clauses.append(.phrase(words: words, prefix: false))
                wideClauses.append(.phrase(words: words, prefix: false))
                if !negated {
                    highlighted += words.map { Term(word: $0, prefix: false) }
                    wideTerms += words.map { Term(word: $0, prefix: false) }
                }
                negated = false
                terms += 1
                previousWasOperator = false
                continue
            }
            if first.isWhitespace || first == "(" || first == ")" {
                rest = rest.dropFirst()
                continue
            }
            let end = rest.firstIndex(where: { $0.isWhitespace || $0 == "\"" }) ?? rest.endIndex
            let chunk = rest[..<end]
            rest = rest[end...]
            if let op = Operator(rawValue: String(chunk)) {
                if previousWasOperator { throw .loneOperator(String(chunk)) }
                clauses.append(.operator(op))
                wideClauses.append(.operator(op))
                negated = op == .not
                previousWasOperator = true
                continue
            }
            let words = Self.words(chunk)
            guard !words.isEmpty else { continue }
            // Word forms are found by stemming; only a trailing * asks for every word that begins so.
            // (Making every long word a prefix found derivatives too, but FTS5 merges all of a
            // prefix's matches before returning one: 16–150 ms for a common stem at a million articles.)
            let prefix = chunk.hasSuffix("*")
            if prefix, let last = words.last, last.count < Self.minimumPrefixLength { throw .shortPrefix(String(chunk)) }
            // "e-gov" is one term of two words; a trailing * makes its last word a prefix.
            clauses.append(.phrase(words: words, prefix: prefix))
            let wide = prefix || (words.count == 1 && words[0].count >= Self.wideningLength)
            wideClauses.append(.phrase(words: words, prefix: wide))
            if !negated {
                highlighted += words.enumerated().map { Term(word: $0.element, prefix: prefix && $0.offset == words.count - 1) }
                wideTerms += words.enumerated().map { Term(word: $0.element, prefix: wide && $0.offset == words.count - 1) }
            }
            negated = false
            terms += 1
            previousWasOperator = false
        }
        if previousWasOperator, case .operator(let last)? = clauses.last { throw .loneOperator(last.rawValue) }
        guard terms > 0 else { throw .empty }
        guard terms <= Self.maximumTerms else { throw .tooManyTerms }
        self.text = trimmed
        self.clauses = clauses
        self.terms = highlighted
        self.widened = wideClauses == clauses ? nil : Widened(clauses: wideClauses, terms: wideTerms)
    }

    static func words(_ text: Substring) -> [String] {
        text.split(whereSeparator: { !$0.isLetter && !$0.isNumber }).map(String.init)
    }
}
