import Foundation

/// Storage form of fingerprints: the shingle count and the signature as one run of little-endian
/// 32-bit words, the topic signature as another. MinHash slots are compared on their low 32 bits
/// (`TextFingerprint.agreement`), so the high half was never needed: 64-bit rows (8-byte words)
/// still read and compare the same. Decoding the bytes is a copy; parsing text cost more than
/// comparing the signatures, for every candidate of every new article.
extension StoredFingerprint {
    var signatureBytes: Data { Self.bytes([UInt32(clamping: shingleCount)] + signature.map { UInt32(truncatingIfNeeded: $0) }) }
    var topicBytes: Data { Self.bytes(topic.map { UInt32(truncatingIfNeeded: $0) }) }

    init?(articleID: Int64, day: String, signatureBytes: Data, tokens: String, topicBytes: Data) {
        guard let words = Self.words(signatureBytes, leadingCount: true) else { return nil }
        self.init(articleID: articleID, day: day, signatureWords: words, tokens: tokens, topic: Self.words(topicBytes, leadingCount: false) ?? [])
    }

    /// From the shingle count followed by the signature's slots.
    init?(articleID: Int64, day: String, signatureWords words: [UInt64], tokens: String, topic: [UInt64]) {
        guard let count = words.first, count <= UInt64(Int.max) else { return nil }
        self.init(
            articleID: articleID, day: day, signature: Array(words.dropFirst()), shingleCount: Int(count), tokens: tokens, topic: topic)
    }

    static func bytes(_ words: [UInt32]) -> Data {
        var data = Data(capacity: words.count * 4)
        for word in words { withUnsafeBytes(of: word.littleEndian) { data.append(contentsOf: $0) } }
        return data
    }

    /// MinHash slots per signature (`TextFingerprint.size`).
    static let slots = 64

    static func words(_ data: Data, leadingCount: Bool) -> [UInt64]? {
        // 32-bit words: the count and 64 slots, or 64 slots; otherwise the 64-bit form.
        if data.count == (slots + (leadingCount ? 1 : 0)) * 4 {
            var words = [UInt32](repeating: 0, count: data.count / 4)
            words.withUnsafeMutableBytes { target in data.withUnsafeBytes { target.copyMemory(from: $0) } }
            return words.map { UInt64(UInt32(littleEndian: $0)) }
        }
        guard data.count % 8 == 0 else { return nil }
        var words = [UInt64](repeating: 0, count: data.count / 8)
        words.withUnsafeMutableBytes { target in data.withUnsafeBytes { target.copyMemory(from: $0) } }
        return words.map(UInt64.init(littleEndian:))
    }
}
