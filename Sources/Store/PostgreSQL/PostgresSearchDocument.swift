import EnbekshiCore

/// Search on PostgreSQL: PostgreSQL 15 has no Kazakh stemmer, so a version's words are stemmed here
/// by the same code SQLite's tokenizer runs (`SearchStemming`) and handed over as a `tsvector`
/// literal with positions (phrases need them); queries are written as a `tsquery` of the same
/// forms. Both are literals cast by the server, so its text-search parser and locale never touch
/// the words. Each document also holds its language as a lexeme of its own (`mark`), so one index
/// answers "this word, in a version of that language" without reading a row.
enum PostgresSearchDocument {
    /// Positions a `tsvector` can hold; words after the last are not indexed.
    static let maximumPosition = 16_383
    /// Lexemes longer than this (bytes) are not words anyone searches for, and PostgreSQL refuses
    /// lexemes over 2 KB.
    static let maximumLexemeBytes = 256

    /// The lexeme that says a document's language: "#" is in no word, so no query word matches it.
    static func mark(_ language: Language) -> String {
        "#" + language.rawValue
    }

    /// The `tsvector` literal of a headline and body, the way SQLite's search view reads them; the
    /// headline's words weigh most (`A`) when results are ranked. Each two adjacent words are a
    /// lexeme of their own too (`pair`), at the first one's position; the language's `mark` has
    /// none (ranking reads positions, and it is no word of the text).
    static func vector(title: String, bodyHTML: String, language: Language) -> String {
        var positions: [Lexeme: [String]] = [:]
        var order: [Lexeme] = []
        // Words repeat within a text: each is stemmed once.
        var forms: [Lexeme: Lexeme] = [:]
        let headline = words(title)
        var position = 0
        var previous: (form: String, position: Int)?
        func add(_ lexeme: Lexeme, at position: Int) {
            guard lexeme.text.utf8.count <= maximumLexemeBytes else { return }
            if positions[lexeme] == nil { order.append(lexeme) }
            positions[lexeme, default: []].append(position <= headline.count ? "\(position)A" : String(position))
        }
        for word in headline + words(PlainText.from(html: bodyHTML)) {
            position += 1
            guard position <= maximumPosition else { break }
            let form: Lexeme
            if let known = forms[Lexeme(word)] {
                form = known
            } else {
                form = Lexeme(SearchStemming.indexForm(word, language: language))
                forms[Lexeme(word)] = form
            }
            guard !form.text.isEmpty, form.text.utf8.count <= maximumLexemeBytes else { continue }
            add(form, at: position)
            if let previous, previous.position == position - 1 { add(Lexeme(pair(previous.form, form.text)), at: previous.position) }
            previous = (form.text, position)
        }
        let lexemes = order.map { form in quoted(form.text) + ":" + (positions[form] ?? []).joined(separator: ",") }
        return (lexemes + [quoted(mark(language))]).joined(separator: " ")
    }

    /// Two adjacent words as one lexeme, so a phrase is found in the index itself: matching
    /// `a <-> b` reads every row holding both words to compare positions (seconds for two common
    /// words at a million articles). "_" is in no word, and leading, keeps pairs out of the
    /// prefix scans of single words.
    static func pair(_ first: String, _ second: String) -> String {
        "_" + first + "_" + second
    }

    /// A word hashed and compared by its bytes, as PostgreSQL compares lexemes: a String hashes by
    /// canonical equivalence, a normalisation check for every non-ASCII word.
    struct Lexeme: Hashable {
        let text: String

        init(_ text: String) {
            self.text = text
        }

        func hash(into hasher: inout Hasher) {
            var text = text
            text.withUTF8 { hasher.combine(bytes: UnsafeRawBufferPointer($0)) }
        }

        static func == (a: Lexeme, b: Lexeme) -> Bool {
            a.text.utf8.elementsEqual(b.text.utf8)
        }
    }

    /// Lower-case words as SQLite's unicode61 splits them: runs of letters and digits.
    static func words(_ text: String) -> [String] {
        wordsByScalar(text) ?? wordsByCharacter(text)
    }

    static func wordsByCharacter(_ text: String) -> [String] {
        text.lowercased().split(whereSeparator: { !$0.isLetter && !$0.isNumber }).map(String.init)
    }

    /// `wordsByCharacter` for text in which every scalar is a character of its own and lowercases
    /// to one scalar (Latin, Cyrillic, Kazakh, common punctuation: nearly all of gov.kz), without
    /// the grapheme breaking and whole-text lowercasing that were most of the cost of a document;
    /// nil for any other text.
    static func wordsByScalar(_ text: String) -> [String]? {
        var words: [String] = []
        var word = String.UnicodeScalarView()
        for scalar in text.unicodeScalars {
            let value = scalar.value
            var letter: Unicode.Scalar?
            switch value {
            case 0x61...0x7A, 0x30...0x39, 0x430...0x45F: letter = scalar
            case 0x41...0x5A: letter = Unicode.Scalar(value + 0x20)
            case 0...0x7F, 0x2010...0x2027, 0x2030...0x205E, 0x20A0...0x20BF, 0x2116: letter = nil
            case 0x80...0x2FF, 0x400...0x482, 0x48A...0x4FF:
                let properties = scalar.properties
                guard properties.isAlphabetic || properties.numericType != nil else { break }
                guard properties.changesWhenLowercased else {
                    letter = scalar
                    break
                }
                let lower = properties.lowercaseMapping.unicodeScalars
                guard lower.count == 1, let first = lower.first else { return nil }
                letter = first
            default:
                return nil
            }
            if let letter {
                word.append(letter)
            } else if !word.isEmpty {
                words.append(String(word))
                word = String.UnicodeScalarView()
            }
        }
        if !word.isEmpty { words.append(String(word)) }
        return words
    }

    /// The `tsquery` literal of a parsed query in one language's forms, nil when no word has a
    /// form. Clauses read as FTS5 reads them: adjacent operands are required together, then NOT,
    /// AND and OR bind in that order (`x NOT y` is x without y).
    /// With `pairs` (every document has its word pairs: `search_format`), a phrase is asked as its
    /// pairs ("a b c" as `_a_b <-> _b_c`).
    static func query(_ clauses: [SearchQuery.Clause], language: Language, pairs: Bool = true) -> String? {
        // Operands and operators in order, each run of adjacent operands one AND group.
        var items: [Item] = []
        var run: [String] = []
        func endRun() {
            guard !run.isEmpty else { return }
            items.append(.operand(run.count == 1 ? run[0] : "(" + run.joined(separator: " & ") + ")"))
            run = []
        }
        for clause in clauses {
            switch clause {
            case .operator(let op):
                endRun()
                items.append(.operator(op))
            case .phrase(let words, let prefix):
                let forms = words.map { SearchStemming.indexForm($0.lowercased(), language: language) }.filter { !$0.isEmpty }
                guard !forms.isEmpty else { continue }
                var lexemes = pairs && forms.count > 1 ? zip(forms, forms.dropFirst()).map { quoted(pair($0, $1)) } : forms.map(quoted)
                if prefix, let last = lexemes.popLast() { lexemes.append(last + ":*") }
                run.append(lexemes.count == 1 ? lexemes[0] : "(" + lexemes.joined(separator: " <-> ") + ")")
            }
        }
        endRun()
        return combine(items)
    }

    /// The `tsquery` literal that matches a version holding the query in its own language's forms:
    /// each language's query joined to that language's `mark`, the languages as alternatives. Nil
    /// when no language has a form of any word.
    static func anyLanguage(_ clauses: [SearchQuery.Clause], pairs: Bool = true) -> String? {
        let branches = Language.allCases.compactMap { language in
            query(clauses, language: language, pairs: pairs).map { "(" + $0 + ") & " + quoted(mark(language)) }
        }
        return branches.isEmpty ? nil : branches.map { "(" + $0 + ")" }.joined(separator: " | ")
    }

    enum Item {
        case operand(String)
        case `operator`(SearchQuery.Operator)
    }

    /// OR of ANDs of NOT chains, an AND of several bracketed.
    static func combine(_ items: [Item]) -> String? {
        func split(_ items: [Item], on op: SearchQuery.Operator) -> [[Item]] {
            var parts: [[Item]] = [[]]
            for item in items {
                if case .operator(let found) = item, found == op { parts.append([]) } else { parts[parts.count - 1].append(item) }
            }
            return parts.filter { !$0.isEmpty }
        }
        func notChain(_ items: [Item]) -> String? {
            let operands = split(items, on: .not).compactMap { part -> String? in
                guard case .operand(let text)? = part.first else { return nil }
                return text
            }
            guard let first = operands.first else { return nil }
            return ([first] + operands.dropFirst().map { "!" + $0 }).joined(separator: " & ")
        }
        let alternatives = split(items, on: .or).compactMap { alternative -> String? in
            let required = split(alternative, on: .and).compactMap(notChain)
            return required.count > 1 ? "(" + required.joined(separator: " & ") + ")" : required.first
        }
        return alternatives.isEmpty ? nil : alternatives.joined(separator: " | ")
    }

    /// A lexeme quoted for a `tsvector` or `tsquery` literal.
    static func quoted(_ lexeme: String) -> String {
        guard lexeme.utf8.contains(where: { $0 == UInt8(ascii: "'") || $0 == UInt8(ascii: "\\") }) else { return "'" + lexeme + "'" }
        // By scalar: a quote followed by a combining mark is one Character, and must still be doubled.
        var escaped = String.UnicodeScalarView()
        escaped.append("'")
        for scalar in lexeme.unicodeScalars {
            if scalar == "'" || scalar == "\\" { escaped.append(scalar) }
            escaped.append(scalar)
        }
        escaped.append("'")
        return String(escaped)
    }
}
