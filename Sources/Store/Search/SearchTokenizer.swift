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

    init(db: Database, arguments: [String]) throws {
        language = arguments.first.flatMap(Language.init(rawValue:)) ?? .ru
        // Diacritics are kept: folding would turn "й" into "и" and break the stemmers' endings.
        wrappedTokenizer = try db.makeTokenizer(.unicode61(diacritics: .keep))
    }

    func accept(
        token: String, flags: FTS5TokenFlags, for tokenization: FTS5Tokenization, tokenCallback: FTS5WrapperTokenCallback
    ) throws {
        try tokenCallback(SearchStemming.indexForm(token, language: language), flags)
    }
}
