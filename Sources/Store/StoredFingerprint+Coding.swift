import Foundation
import GRDB

/// Storage form of fingerprints: the shingle count and the signature as one BLOB of little-endian
/// 64-bit words, the topic signature as another. Rows written before (hex text: "count h1 h2 …")
/// still read. Decoding a BLOB is a copy; parsing the hex text cost more than comparing the
/// signatures, for every candidate of every new article.
extension StoredFingerprint {
    var signatureValue: DatabaseValue { Self.blob([UInt64(shingleCount)] + signature) }
    var topicValue: DatabaseValue { Self.blob(topic) }

    init?(articleID: Int64, day: String, signature: DatabaseValue, tokens: String, topic: DatabaseValue) {
        guard let words = Self.words(signature, leadingCount: true), let count = words.first, count <= UInt64(Int.max) else { return nil }
        self.init(
            articleID: articleID, day: day, signature: Array(words.dropFirst()), shingleCount: Int(count), tokens: tokens,
            topic: Self.words(topic, leadingCount: false) ?? [])
    }

    static func blob(_ words: [UInt64]) -> DatabaseValue {
        var data = Data(capacity: words.count * 8)
        for word in words { withUnsafeBytes(of: word.littleEndian) { data.append(contentsOf: $0) } }
        return data.databaseValue
    }

    static func words(_ value: DatabaseValue, leadingCount: Bool) -> [UInt64]? {
        switch value.storage {
        case .blob(let data):
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
