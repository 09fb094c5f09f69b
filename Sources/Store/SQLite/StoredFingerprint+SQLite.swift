import Foundation
import GRDB

/// Fingerprints as SQLite holds them: BLOBs (`StoredFingerprint+Coding`), or the hex text
/// "count h1 h2 …" of databases written before BLOBs.
extension StoredFingerprint {
    var signatureValue: DatabaseValue { signatureBytes.databaseValue }
    var topicValue: DatabaseValue { topicBytes.databaseValue }

    init?(articleID: Int64, day: String, signature: DatabaseValue, tokens: String, topic: DatabaseValue) {
        guard let words = Self.words(signature, leadingCount: true) else { return nil }
        self.init(articleID: articleID, day: day, signatureWords: words, tokens: tokens, topic: Self.words(topic, leadingCount: false) ?? [])
    }

    static func words(_ value: DatabaseValue, leadingCount: Bool) -> [UInt64]? {
        switch value.storage {
        case .blob(let data): return words(data, leadingCount: leadingCount)
        case .string(let text):
            // An old signature starts with the decimal shingle count; the rest are hex.
            var words: [UInt64] = []
            for (index, part) in text.split(separator: " ").enumerated() {
                guard let word = UInt64(part, radix: index == 0 && leadingCount ? 10 : 16) else { return nil }
                words.append(word)
            }
            return words
        default: return nil
        }
    }
}
