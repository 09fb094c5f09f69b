import Foundation
import GRDB

/// Storage form of fingerprints: the shingle count and the signature as one BLOB of little-endian
/// 32-bit words, the topic signature as another. MinHash slots are compared on their low 32 bits
/// (`TextFingerprint.agreement`), so the high half was never needed: 64-bit rows (BLOBs of 8-byte
/// words, or hex text "count h1 h2 …" from before BLOBs) still read and compare the same. Decoding a
/// BLOB is a copy; parsing the hex text cost more than comparing the signatures, for every candidate
/// of every new article.
extension StoredFingerprint {
    var signatureValue: DatabaseValue { Self.blob([UInt32(clamping: shingleCount)] + signature.map { UInt32(truncatingIfNeeded: $0) }) }
    var topicValue: DatabaseValue { Self.blob(topic.map { UInt32(truncatingIfNeeded: $0) }) }

    init?(articleID: Int64, day: String, signature: DatabaseValue, tokens: String, topic: DatabaseValue) {
        guard let words = Self.words(signature, leadingCount: true), let count = words.first, count <= UInt64(Int.max) else { return nil }
        self.init(
            articleID: articleID, day: day, signature: Array(words.dropFirst()), shingleCount: Int(count), tokens: tokens,
            topic: Self.words(topic, leadingCount: false) ?? [])
    }

    static func blob(_ words: [UInt32]) -> DatabaseValue {
        var data = Data(capacity: words.count * 4)
        for word in words { withUnsafeBytes(of: word.littleEndian) { data.append(contentsOf: $0) } }
        return data.databaseValue
    }

    /// MinHash slots per signature (`TextFingerprint.size`).
    static let slots = 64

    static func words(_ value: DatabaseValue, leadingCount: Bool) -> [UInt64]? {
        switch value.storage {
        case .blob(let data):
            // 32-bit words: the count and 64 slots, or 64 slots; otherwise the 64-bit form.
            let slots = Self.slots
            if data.count == (slots + (leadingCount ? 1 : 0)) * 4 {
                var words = [UInt32](repeating: 0, count: data.count / 4)
                words.withUnsafeMutableBytes { target in data.withUnsafeBytes { target.copyMemory(from: $0) } }
                return words.map { UInt64(UInt32(littleEndian: $0)) }
            }
            guard data.count % 8 == 0 else { return nil }
            var words = [UInt64](repeating: 0, count: data.count / 8)
            words.withUnsafeMutableBytes { target in data.withUnsafeBytes { target.copyMemory(from: $0) } }
            return words.map(UInt64.init(littleEndian:))
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
