import EnbekshiCore
import Foundation
import GRDB

/// The index forms each language's search index holds, in a table a prefix can be looked up in
/// (`search_terms`). FTS5 answers a prefix query by merging every match of every form that begins so
/// before it returns the first (150 ms for a common four-letter prefix at a million articles); spelled
/// out as an OR of those forms the query walks newest first only as far as the page needs
/// (`FTS5Expression.render`).
///
/// The table is kept by the triggers that index a version: after the row enters the index they
/// insert the forms the tokenizer met for the first time on this connection (`NewTermsLedger`,
/// through `enbekshi_new_terms`). It is filled from FTS5's own vocabulary when it is created and
/// after `reindex`. Forms only enter it: one whose last article is gone stays and
/// matches nothing.
enum SearchTerms {
    /// A prefix with more forms than this is left to FTS5's own prefix query. An OR costs about
    /// 0.09 ms a form at a million articles (23 ms at 256, 83 ms at 1,000, 157 ms at 2,000,
    /// measured), FTS5's merge grows with the matches instead: 2.4 s for "п*" (317 forms) there.
    static let maximumExpansion = 2_000

    /// Every form of a language's index in the title and body (not the filter tokens), from FTS5's
    /// vocabulary of it (a walk of the whole index).
    static func fill(_ db: Database, language: Language) throws {
        let vocabulary = try openVocabulary(db, language)
        defer { try? db.execute(sql: "DROP TABLE \(vocabulary)") }
        try db.execute(
            sql: """
                INSERT OR IGNORE INTO search_terms (lang, term)
                SELECT '\(language.rawValue)', term FROM \(vocabulary) WHERE col IN ('title', 'body')
                """)
    }

    /// FTS5's vocabulary of a language's index, per column, as a temporary table (its name).
    private static func openVocabulary(_ db: Database, _ language: Language) throws -> String {
        let table = SQLiteStore.searchTable(language)
        try db.execute(sql: "CREATE VIRTUAL TABLE IF NOT EXISTS temp.\(table)_vocabulary USING fts5vocab(main, \(table), col)")
        return "temp.\(table)_vocabulary"
    }

    /// Forms of a language's index that the table lacks (a few, for the error message).
    static func missing(_ db: Database, language: Language) throws -> [String] {
        let vocabulary = try openVocabulary(db, language)
        defer { try? db.execute(sql: "DROP TABLE \(vocabulary)") }
        return try String.fetchAll(
            db,
            sql: """
                SELECT DISTINCT term FROM \(vocabulary) WHERE col IN ('title', 'body')
                AND term NOT IN (SELECT term FROM search_terms WHERE lang = ?) LIMIT 10
                """, arguments: [language.rawValue])
    }

    /// Index forms missing from `search_terms`: prefix searches would not find their articles.
    struct Missing: Error, CustomStringConvertible {
        let language: Language
        let forms: [String]
        var description: String { "search_terms lacks index forms of \(language.rawValue), e.g. \(forms.joined(separator: ", ")); run `enbekshi reindex`" }
    }

    /// The index forms of `language` that begin as `word` does once tokenized as a query; nil when
    /// the prefix is better left to FTS5 (not one word, or more forms than `maximumExpansion`).
    static func forms(beginning word: String, language: Language, _ db: Database) throws -> [String]? {
        let tokenizer = try db.makeTokenizer(FTS5TokenizerDescriptor(components: [SearchTokenizer.name, language.rawValue]))
        let tokens = try tokenizer.tokenize(query: word)
        guard tokens.count == 1, let prefix = tokens.first?.token, !prefix.isEmpty else { return nil }
        let found = try String.fetchAll(
            db.cachedStatement(sql: "SELECT term FROM search_terms WHERE lang = ? AND term >= ? AND term < ? ORDER BY term LIMIT ?"),
            arguments: [language.rawValue, prefix, prefix + "\u{10FFFF}", maximumExpansion + 1]
        ).filter { $0.utf8.starts(with: prefix.utf8) }
        return found.count > maximumExpansion ? nil : found
    }

    /// Registers `enbekshi_new_terms(lang)` and `enbekshi_forget_new_terms()` on a connection, with its ledger.
    static func register(_ db: Database) {
        let ledger = NewTermsLedger.register(db)
        db.add(function: DatabaseFunction("enbekshi_new_terms", argumentCount: 1, pure: false) { values in
            String.fromDatabaseValue(values[0]).flatMap(Language.init(rawValue:)).flatMap(ledger.take)
        })
        db.add(function: DatabaseFunction("enbekshi_forget_new_terms", argumentCount: 0, pure: false) { _ in
            ledger.forgetFresh()
            return nil
        })
    }
}
