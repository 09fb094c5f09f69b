import EnbekshiCore

/// The snippet of a search result: a window of about 24 words around the first word that matches
/// the query, with every match in `<mark>`. Words are compared in their index form (the same
/// stemming as the index), so "налогов" marks "налоги". Reads the text only up to the window,
/// which made it about twenty times cheaper than FTS5's `snippet()` re-tokenizing whole texts, and
/// stems only words that begin like a term.
enum Snippet {
    static let before = 8
    static let length = 24

    static func html(text: String, terms: [SearchQuery.Term], language: Language) -> String {
        let forms = terms.map { (form: SearchStemming.indexForm($0.word, language: language), prefix: $0.prefix) }
        // Stemming only shortens a word from its end, so a word can match a form only if it begins with
        // the form's first two letters (lower-cased, ё as е): checked before any stemming.
        let openings = Set(forms.map { String(String.UnicodeScalarView($0.form.unicodeScalars.prefix(2))) })
        guard !forms.isEmpty else { return "" }
        let scalars = text.unicodeScalars
        func matches(_ word: Range<String.Index>) -> Bool {
            var opening = String.UnicodeScalarView()
            var index = word.lowerBound
            while index < word.upperBound, opening.count < 2 {
                opening.append(SearchStemming.lowercase(scalars[index]))
                index = scalars.index(after: index)
            }
            let start = String(opening)
            guard openings.contains(start) || openings.contains(String(start.unicodeScalars.prefix(1))) else { return false }
            let form = SearchStemming.indexForm(String(scalars[word]), language: language)
            return forms.contains { $0.prefix ? form.hasPrefix($0.form) : form == $0.form }
        }
        // Words as ranges of letters and digits; the scan stops once the window after the first match is full.
        var words: [Range<String.Index>] = []
        var first: Int?
        var wordStart: String.Index?
        var index = scalars.startIndex
        while index < scalars.endIndex {
            let scalar = scalars[index]
            let inWord = scalar.properties.isAlphabetic || scalar.properties.numericType != nil
            if inWord, wordStart == nil { wordStart = index }
            if !inWord, let start = wordStart {
                words.append(start..<index)
                wordStart = nil
                if first == nil, matches(start..<index) { first = words.count - 1 }
                if let first, words.count > first + length { break }
            }
            index = scalars.index(after: index)
        }
        if let start = wordStart {
            words.append(start..<scalars.endIndex)
            if first == nil, matches(start..<scalars.endIndex) { first = words.count - 1 }
        }
        let complete = index >= scalars.endIndex
        guard let first else { return "" }
        let start = max(0, first - before), end = min(words.count, start + length)
        var html = start > 0 ? "…" : ""
        var cursor = words[start].lowerBound
        for position in start..<end {
            let word = words[position]
            html += HTMLEscaping.escape(String(text[cursor..<word.lowerBound]))
            let shown = HTMLEscaping.escape(String(text[word]))
            html += matches(word) ? "<mark>\(shown)</mark>" : shown
            cursor = word.upperBound
        }
        return html + (end < words.count || !complete ? "…" : "")
    }
}
