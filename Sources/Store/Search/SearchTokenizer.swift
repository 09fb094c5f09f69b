import EnbekshiCore
import GRDB

/// The FTS5 tokenizer of the search tables: SQLite's unicode61 splits the text into lower-case
/// words, then each word is stemmed by the language of its table (`tokenize='enbekshi kk'`), so
/// "салықтар" and "салықты" are found by "салық", "налогов" by "налог". Queries pass through the
/// same code, so a query word meets the index in the same form.
///
/// It works on the bytes unicode61 hands over rather than through GRDB's `FTS5WrapperTokenizer`,
/// which makes a Foundation `String` of every word and an array of every stem: that wrapping cost
/// more than the stemming when articles are indexed in bulk.
final class SearchTokenizer: FTS5CustomTokenizer {
    static let name = "enbekshi"
    let wrappedTokenizer: any FTS5Tokenizer
    let language: Language
    /// Index forms (UTF-8) of the words seen, as stemming a word costs far more than looking it up
    /// and news repeats its words (the same few thousand make most of any text). One tokenizer
    /// serves one connection, which runs one statement at a time, so the memo needs no lock; it is
    /// emptied when full rather than kept in order.
    private var forms: [Word: [CChar]] = [:]
    static let maximumForms = 100_000

    init(db: Database, arguments: [String]) throws {
        language = arguments.first.flatMap(Language.init(rawValue:)) ?? .ru
        // Diacritics are kept: folding would turn "й" into "и" and break the stemmers' endings.
        wrappedTokenizer = try db.makeTokenizer(.unicode61(diacritics: .keep))
    }

    /// What the C callback needs to pass a stemmed word on to SQLite.
    private struct Call {
        let tokenizer: SearchTokenizer
        let context: UnsafeMutableRawPointer?
        let tokenCallback: FTS5TokenCallback
    }

    func tokenize(
        context: UnsafeMutableRawPointer?, tokenization: FTS5Tokenization, pText: UnsafePointer<CChar>?, nText: CInt,
        tokenCallback: @escaping FTS5TokenCallback
    ) -> CInt {
        var call = Call(tokenizer: self, context: context, tokenCallback: tokenCallback)
        return withUnsafeMutablePointer(to: &call) { callPointer in
            wrappedTokenizer.tokenize(context: callPointer, tokenization: tokenization, pText: pText, nText: nText) {
                callPointer, flags, pToken, nToken, iStart, iEnd in
                guard let call = callPointer?.assumingMemoryBound(to: Call.self).pointee, let pToken, nToken > 0 else {
                    return 0  // SQLITE_OK: nothing to pass on
                }
                let form = call.tokenizer.form(of: UnsafeBufferPointer(start: pToken, count: Int(nToken)))
                return form.withUnsafeBufferPointer { buffer in
                    call.tokenCallback(call.context, flags, buffer.baseAddress, CInt(buffer.count), iStart, iEnd)
                }
            }
        }
    }

    /// The index form of one word as unicode61 gave it (lower-case UTF-8).
    func form(of token: UnsafeBufferPointer<CChar>) -> [CChar] {
        let word = Word(bytes: Array(token))
        if let form = forms[word] { return form }
        let text = String(decoding: UnsafeRawBufferPointer(token), as: UTF8.self)
        let form = SearchStemming.indexForm(text, language: language).utf8.map { CChar(bitPattern: $0) }
        if forms.count >= Self.maximumForms { forms.removeAll(keepingCapacity: true) }
        forms[word] = form
        return form
    }

    /// A word as the memo's key, hashed as one run of bytes (an array of bytes hashes them one by one).
    struct Word: Hashable {
        let bytes: [CChar]

        func hash(into hasher: inout Hasher) {
            bytes.withUnsafeBytes { hasher.combine(bytes: $0) }
        }
    }
}
