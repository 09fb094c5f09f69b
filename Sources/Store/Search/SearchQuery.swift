import Foundation

/// A reader's search query, checked and turned into an FTS5 expression. Words, "phrases",
/// prefixes (`салық*`) and the operators AND, OR, NOT (in capitals) are understood; everything else
/// is quoted, so no input can reach FTS5 as syntax.
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
    /// The FTS5 MATCH expression.
    public let expression: String
    /// The words a result may contain (all but those after NOT), for highlighting.
    public let terms: [Term]
    /// The query with every unquoted word of five letters or more as a prefix ("кредит" → `кредит*`,
    /// which finds "кредитование"), and its terms; nil when no word can be widened. Tried when the exact
    /// query finds less than a page: a prefix costs FTS5 a merge of all its matches, so not always.
    public let widened: Widened?

    public struct Widened: Sendable, Hashable {
        public var expression: String
        public var terms: [Term]
        var parts: [Part]

        /// `expression` with its one-word prefixes spelled out (see `SearchQuery.expression(expandingPrefixes:)`).
        func expression(expandingPrefixes expand: (String) throws -> [String]?) rethrows -> String {
            try SearchQuery.render(parts, expandingPrefixes: expand)
        }
    }

    /// A piece of the expression: an operator or a quoted phrase as FTS5 reads it, or one word asked
    /// for as a prefix (`"слов"*`), which the store may spell out as the index forms beginning so.
    enum Part: Sendable, Hashable {
        case literal(String)
        case prefix(String)
        /// AND, OR or NOT as the reader typed it.
        case `operator`(String)
    }

    let parts: [Part]

    public struct Term: Sendable, Hashable {
        public var word: String
        public var prefix: Bool
    }

    public init(_ text: String) throws(Problem) {
        let trimmed = text.trimmingCharacters(in: .whitespacesAndNewlines)
        guard !trimmed.isEmpty else { throw .empty }
        guard trimmed.count <= Self.maximumLength else { throw .tooLong }
        guard trimmed.filter({ $0 == "\"" }).count % 2 == 0 else { throw .unbalancedQuote }
        var parts: [Part] = []
        var wideParts: [Part] = []
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
                parts.append(.literal("\"" + words.joined(separator: " ") + "\""))
                wideParts.append(parts[parts.count - 1])
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
            if ["AND", "OR", "NOT"].contains(chunk) {
                if previousWasOperator { throw .loneOperator(String(chunk)) }
                parts.append(.operator(String(chunk)))
                wideParts.append(.operator(String(chunk)))
                negated = chunk == "NOT"
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
            parts.append(Self.part(words, prefix: prefix))
            let wide = prefix || (words.count == 1 && words[0].count >= Self.wideningLength)
            wideParts.append(Self.part(words, prefix: wide))
            if !negated {
                highlighted += words.enumerated().map { Term(word: $0.element, prefix: prefix && $0.offset == words.count - 1) }
                wideTerms += words.enumerated().map { Term(word: $0.element, prefix: wide && $0.offset == words.count - 1) }
            }
            negated = false
            terms += 1
            previousWasOperator = false
        }
        if previousWasOperator, case .operator(let last)? = parts.last { throw .loneOperator(last) }
        guard terms > 0 else { throw .empty }
        guard terms <= Self.maximumTerms else { throw .tooManyTerms }
        self.text = trimmed
        self.parts = parts
        self.expression = Self.render(parts) { _ in nil }
        self.terms = highlighted
        let wideExpression = Self.render(wideParts) { _ in nil }
        self.widened = wideExpression == expression ? nil : Widened(expression: wideExpression, terms: wideTerms, parts: wideParts)
    }

    /// The expression with each one-word prefix replaced by the index forms `expand` gives for it,
    /// marked to be read as they are (`SearchTokenizer.verbatimMarker`): `("ǂслово" OR "ǂсловарь")`.
    /// FTS5 merges every match of a prefix before returning the first; an OR of the words walks only
    /// as far as the page needs. Where `expand` gives nil or nothing, the prefix stays.
    func expression(expandingPrefixes expand: (String) throws -> [String]?) rethrows -> String {
        try Self.render(parts, expandingPrefixes: expand)
    }

    static func part(_ words: [String], prefix: Bool) -> Part {
        // "e-gov" is one term of two words; only a single word is spelled out.
        if prefix, words.count == 1 { return .prefix(words[0]) }
        return .literal("\"" + words.joined(separator: " ") + "\"" + (prefix ? "*" : ""))
    }

    /// FTS5 joins adjacent phrases with an implicit AND that binds tighter than any operator, but only
    /// phrases: a bracketed group after a phrase (`"tax" ("ǂregion" OR …)`) is a syntax error. So each
    /// run of operands is written as one bracketed AND, which reads exactly as the implicit AND did.
    static func render(_ parts: [Part], expandingPrefixes expand: (String) throws -> [String]?) rethrows -> String {
        var pieces: [String] = []
        var run: [String] = []
        func endRun() {
            guard !run.isEmpty else { return }
            pieces.append(run.count == 1 ? run[0] : "(" + run.joined(separator: " AND ") + ")")
            run = []
        }
        for part in parts {
            switch part {
            case .operator(let name):
                endRun()
                pieces.append(name)
            case .literal(let text):
                run.append(text)
            case .prefix(let word):
                guard let forms = try expand(word), !forms.isEmpty else {
                    run.append("\"" + word + "\"*")
                    continue
                }
                run.append("(" + forms.map { "\"" + SearchTokenizer.verbatimMarker + $0 + "\"" }.joined(separator: " OR ") + ")")
            }
        }
        endRun()
        return pieces.joined(separator: " ")
    }

    static func words(_ text: Substring) -> [String] {
        text.split(whereSeparator: { !$0.isLetter && !$0.isNumber }).map(String.init)
    }
}
