import EnbekshiCore
import Foundation
import GRDB
import Synchronization

/// One connection's account of the index forms its search tokenizers produced for the first time,
/// for `search_terms`: the tokenizer notes each form it stems afresh while indexing a document (a
/// miss in its memo), the version triggers take them (`enbekshi_new_terms`) and insert them, so
/// indexing an article costs a table write only for words new to the connection.
///
/// Forms count as written only once their transaction commits. A rollback forgets the forms taken
/// in it and tells the tokenizers to empty their memos (`epoch`), so every word is noted again when
/// next met. Forms are remembered by a 64-bit FNV-1a hash of language and form: two sharing one would
/// leave the second out of the table (its articles missing from prefix searches until `reindex`),
/// at odds of about one in 10^7 at a million forms. SQLite runs a connection's tokenizers, functions
/// and hooks one at a time on that connection, hence `@unchecked Sendable`.
final class NewTermsLedger: TransactionObserver, @unchecked Sendable {
    /// Known forms beyond this are forgotten all at once (inserted again, harmlessly, when next met).
    static let capacity = 500_000
    /// Bumped by a rollback: a tokenizer that saw another value empties its memo.
    private(set) var epoch = 0
    private var known = Set<UInt64>()
    /// Noted by the tokenizers, not yet taken by a trigger (a row leaving the index, or a whole
    /// `rebuild`, is tokenized too: hence each form once, and `reindexSearch` takes them after).
    private var fresh: [Language: [(hash: UInt64, form: String)]] = [:]
    private var freshHashes = Set<UInt64>()
    /// Taken by a trigger in the open transaction.
    private var taken = Set<UInt64>()

    /// Notes a form the tokenizer of `language` stemmed for a document.
    func note(_ language: Language, form: UnsafeRawBufferPointer) {
        let hash = Self.hash(language, form)
        guard !known.contains(hash), freshHashes.insert(hash).inserted else { return }
        fresh[language, default: []].append((hash, String(decoding: form, as: UTF8.self)))
    }

    /// The forms noted for `language` and not yet known, as a JSON array for `json_each`; nil when none.
    func take(_ language: Language) -> String? {
        guard let forms = fresh.removeValue(forKey: language) else { return nil }
        var new: [String] = []
        for (hash, form) in forms {
            freshHashes.remove(hash)
            if !known.contains(hash), taken.insert(hash).inserted { new.append(form) }
        }
        guard !new.isEmpty, let json = try? JSONSerialization.data(withJSONObject: new) else { return nil }
        return String(decoding: json, as: UTF8.self)
    }

    /// Drops what was noted and not taken: after a `rebuild`, whose forms the table was just filled with.
    func forgetFresh() {
        fresh.removeAll()
        freshHashes.removeAll()
    }

    static func hash(_ language: Language, _ form: some Sequence<UInt8>) -> UInt64 {
        var hasher = FNV1a()
        hasher.add(language.rawValue.utf8)
        hasher.add(0)
        hasher.add(form)
        return hasher.value
    }

    // MARK: TransactionObserver (only commits and rollbacks matter)

    func observes(eventsOfKind eventKind: DatabaseEventKind) -> Bool { false }
    func databaseDidChange(with event: DatabaseEvent) {}

    func databaseDidCommit(_ db: Database) {
        if known.count + taken.count > Self.capacity { known.removeAll(keepingCapacity: true) }
        known.formUnion(taken)
        taken.removeAll(keepingCapacity: true)
    }

    func databaseDidRollback(_ db: Database) {
        taken.removeAll(keepingCapacity: true)
        fresh.removeAll()
        freshHashes.removeAll()
        epoch += 1
    }

    // MARK: One ledger per connection

    /// FTS5 makes a tokenizer from its type with only the connection at hand, so the tokenizer finds
    /// its connection's ledger here.
    private static let ledgers = Mutex<[ObjectIdentifier: Weak]>([:])

    private struct Weak: @unchecked Sendable {
        weak var ledger: NewTermsLedger?
    }

    static func register(_ db: Database) -> NewTermsLedger {
        let ledger = NewTermsLedger()
        ledgers.withLock { ledgers in
            ledgers = ledgers.filter { $0.value.ledger != nil }
            ledgers[ObjectIdentifier(db)] = Weak(ledger: ledger)
        }
        db.add(transactionObserver: ledger, extent: .databaseLifetime)
        return ledger
    }

    static func ledger(of db: Database) -> NewTermsLedger? {
        ledgers.withLock { $0[ObjectIdentifier(db)]?.ledger }
    }
}
