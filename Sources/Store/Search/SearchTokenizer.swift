import EnbekshiCore
import GRDB

/// The FTS5 tokenizer of the search tables: SQLite's unicode61 splits the text into lower-case
/// words, then each word is stemmed by the language of its table (`tokenize='enbekshi kk'`), so
/// "салықтар" and "салықты" are found by "салық", "налогов" by "налог". Queries pass through the
/// same code, so a query word meets the index in the same form.
final class SearchTokenizer: FTS5WrapperTokenizer {
    static let name = "enbekshi"
    let wrappedTokenizer: any FTS5Tokenizer
    let language: Language
    /// Index forms of the words seen, as stemming a word costs far more than looking it up and news
    /// repeats its words (the same few thousand make most of any text). One tokenizer serves one
    /// connection, which runs one statement at a time, so the memo needs no lock; it is emptied
    /// when full rather than kept in order.
    private var forms: [Word: String] = [:]
    static let maximumForms = 100_000

    init(db: Database, arguments: [String]) throws {
        language = arguments.first.flatMap(Language.init(rawValue:)) ?? .ru
        // Diacritics are kept: folding would turn "й" into "и" and break the stemmers' endings.
        wrappedTokenizer = try db.makeTokenizer(.unicode61(diacritics: .keep))
    }

    func accept(
        token: String, flags: FTS5TokenFlags, for tokenization: FTS5Tokenization, tokenCallback: FTS5WrapperTokenCallback
    ) throws {
        if let form = forms[Word(token)] { return try tokenCallback(form, flags) }
        let form = SearchStemming.indexForm(token, language: language)
        if forms.count >= Self.maximumForms { forms.removeAll(keepingCapacity: true) }
        forms[Word(token)] = form
        try tokenCallback(form, flags)
    }
}

extension SearchTokenizer {
    /// A word as the memo's key, hashed and compared by its UTF-8 bytes: `String` hashes Cyrillic
    /// text through Unicode normalisation, which cost as much as the lookup saved. Words from
    /// unicode61 come one way for one input, so bytes are the right identity here.
    struct Word: Hashable {
        let text: String

        init(_ text: String) { self.text = text }

        func hash(into hasher: inout Hasher) {
            var text = text
            text.withUTF8 { hasher.combine(bytes: UnsafeRawBufferPointer($0)) }
        }

        static func == (a: Word, b: Word) -> Bool { a.text.utf8.elementsEqual(b.text.utf8) }
    }
}
