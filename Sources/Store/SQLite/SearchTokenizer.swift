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
    /// Only documents' words enter it: each miss there is noted in the ledger (see below), which a
    /// query's words, never indexed, must not pre-empt.
    private var forms: [Word: [CChar]] = [:]
    static let maximumForms = 100_000
    /// The connection's account of forms new to it, for `search_terms`; the memo is emptied when
    /// the ledger's epoch moves (a rollback), so that every form is noted again.
    private let ledger: NewTermsLedger?
    private var epoch = 0

    init(db: Database, arguments: [String]) throws {
        language = arguments.first.flatMap(Language.init(rawValue:)) ?? .ru
        ledger = NewTermsLedger.ledger(of: db)
        epoch = ledger?.epoch ?? 0
        // Diacritics are kept: folding would turn "й" into "и" and break the stemmers' endings.
        wrappedTokenizer = try db.makeTokenizer(.unicode61(diacritics: .keep))
    }

    /// A query word that starts with this letter is an index form already: it is passed on as it is,
    /// without the marker, instead of being stemmed again (stemming is not idempotent). Search uses
    /// it to spell out a prefix as the index forms that begin with it (`SearchTerms`). Only queries
    /// are read so; a document's words are stemmed whatever they start with. "ǂ" (U+01C2, a letter
    /// to unicode61, so it stays part of the word) does not occur in Kazakh, Russian or English.
    static let verbatimMarker = "\u{01C2}"
    static let verbatimBytes: [CChar] = verbatimMarker.utf8.map { CChar(bitPattern: $0) }

    /// What the C callback needs to pass a stemmed word on to SQLite.
    private struct Call {
        let tokenizer: SearchTokenizer
        let context: UnsafeMutableRawPointer?
        let tokenCallback: FTS5TokenCallback
        let query: Bool
        let document: Bool
    }

    func tokenize(
        context: UnsafeMutableRawPointer?, tokenization: FTS5Tokenization, pText: UnsafePointer<CChar>?, nText: CInt,
        tokenCallback: @escaping FTS5TokenCallback
    ) -> CInt {
        let document = tokenization.contains(.document)
        if document, let ledger, ledger.epoch != epoch {
            forms.removeAll(keepingCapacity: true)
            epoch = ledger.epoch
        }
        var call = Call(
            tokenizer: self, context: context, tokenCallback: tokenCallback, query: tokenization.contains(.query), document: document)
        return withUnsafeMutablePointer(to: &call) { callPointer in
            wrappedTokenizer.tokenize(context: callPointer, tokenization: tokenization, pText: pText, nText: nText) {
                callPointer, flags, pToken, nToken, iStart, iEnd in
                guard let call = callPointer?.assumingMemoryBound(to: Call.self).pointee, let pToken, nToken > 0 else {
                    return 0  // SQLITE_OK: nothing to pass on
                }
                let token = UnsafeBufferPointer(start: pToken, count: Int(nToken))
                if call.query, let verbatim = SearchTokenizer.verbatim(token) {
                    guard let start = verbatim.baseAddress, !verbatim.isEmpty else { return 0 }
                    return call.tokenCallback(call.context, flags, start, CInt(verbatim.count), iStart, iEnd)
                }
                let form = call.tokenizer.form(of: token, document: call.document)
                return form.withUnsafeBufferPointer { buffer in
                    call.tokenCallback(call.context, flags, buffer.baseAddress, CInt(buffer.count), iStart, iEnd)
                }
            }
        }
    }

    /// A query word's bytes after the verbatim marker, when it starts with one.
    static func verbatim(_ token: UnsafeBufferPointer<CChar>) -> UnsafeBufferPointer<CChar>? {
        guard token.starts(with: verbatimBytes) else { return nil }
        return UnsafeBufferPointer(rebasing: token[verbatimBytes.count...])
    }

    /// The index form of one word as unicode61 gave it (lower-case UTF-8).
    func form(of token: UnsafeBufferPointer<CChar>, document: Bool) -> [CChar] {
        let word = Word(bytes: Array(token))
        if let form = forms[word] { return form }
        let text = String(decoding: UnsafeRawBufferPointer(token), as: UTF8.self)
        let form = SearchStemming.indexForm(text, language: language).utf8.map { CChar(bitPattern: $0) }
        guard document else { return form }
        if forms.count >= Self.maximumForms { forms.removeAll(keepingCapacity: true) }
        forms[word] = form
        form.withUnsafeBytes { ledger?.note(language, form: $0) }
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
