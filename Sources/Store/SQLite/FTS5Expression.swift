/// A parsed search query written as an FTS5 MATCH expression: each operand a quoted phrase, so no
/// reader input is read as FTS5 syntax.
enum FTS5Expression {
    /// The expression with every prefix left to FTS5 (`"слов"*`).
    static func render(_ clauses: [SearchQuery.Clause]) -> String {
        render(clauses, expandingPrefixes: { _ in nil })
    }

    /// The expression with each one-word prefix replaced by the index forms `expand` gives for it,
    /// marked to be read as they are (`SearchTokenizer.verbatimMarker`): `("ǂслово" OR "ǂсловарь")`.
    /// FTS5 merges every match of a prefix before returning the first; an OR of the words walks only
    /// as far as the page needs. Where `expand` gives nil or nothing, the prefix stays (`"слов"*`).
    ///
    /// FTS5 joins adjacent phrases with an implicit AND that binds tighter than any operator, but only
    /// phrases: a bracketed group after a phrase (`"tax" ("ǂregion" OR …)`) is a syntax error. So each
    /// run of operands is written as one bracketed AND, which reads exactly as the implicit AND did.
    static func render(
        _ clauses: [SearchQuery.Clause], expandingPrefixes expand: (String) throws -> [String]?
    ) rethrows -> String {
        var pieces: [String] = []
        var run: [String] = []
        func endRun() {
            guard !run.isEmpty else { return }
            pieces.append(run.count == 1 ? run[0] : "(" + run.joined(separator: " AND ") + ")")
            run = []
        }
        for clause in clauses {
            switch clause {
            case .operator(let op):
                endRun()
                pieces.append(op.rawValue)
            case .phrase(let words, let prefix):
                // Only a single word is spelled out: "e-gov*" stays a phrase prefix.
                if prefix, words.count == 1, let forms = try expand(words[0]), !forms.isEmpty {
                    run.append("(" + forms.map { "\"" + SearchTokenizer.verbatimMarker + $0 + "\"" }.joined(separator: " OR ") + ")")
                } else {
                    run.append("\"" + words.joined(separator: " ") + "\"" + (prefix ? "*" : ""))
                }
            }
        }
        endRun()
        return pieces.joined(separator: " ")
    }
}
