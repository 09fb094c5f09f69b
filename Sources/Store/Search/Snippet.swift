import EnbekshiCore

/// The snippet of a search result: a window of about 24 words around the first word that matches
/// the query, with every match in `<mark>`. Words are compared in their index form (the same
/// stemming as the index), so "налогов" marks "налоги". Reads the text only up to the window,
/// which made it about twenty times cheaper than FTS5's `snippet()` re-tokenizing whole texts.
enum Snippet {
    static let before = 8
    static let length = 24

    static func html(text: String, terms: [SearchQuery.Term], language: Language) -> String {
        let forms = terms.map { (form: SearchStemming.indexForm($0.word, language: language), prefix: $0.prefix) }
        guard !forms.isEmpty else { return "" }
        func matches(_ word: Substring) -> Bool {
            let form = SearchStemming.indexForm(String(word), language: language)
            return forms.contains { $0.prefix ? form.hasPrefix($0.form) : form == $0.form }
        }
        let words = text.split(whereSeparator: { !$0.isLetter && !$0.isNumber })
        guard let first = words.firstIndex(where: matches) else { return "" }
        let start = max(0, first - before), end = min(words.count, start + length)
        var html = start > 0 ? "…" : ""
        var cursor = words[start].startIndex
        for index in start..<end {
            let word = words[index]
            html += HTMLEscaping.escape(String(text[cursor..<word.startIndex]))
            html += matches(word) ? "<mark>\(HTMLEscaping.escape(String(word)))</mark>" : HTMLEscaping.escape(String(word))
            cursor = word.endIndex
        }
        return html + (end < words.count ? "…" : "")
    }
}
