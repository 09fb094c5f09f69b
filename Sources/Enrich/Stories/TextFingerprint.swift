import EnbekshiCore

/// A compact fingerprint of a text for near-duplicate detection: a MinHash signature over word
/// 3-shingles, and the text's distinctive tokens (numbers and capitalised words) that tell apart
/// releases written from one template ("Clean Kazakhstan" reports from different districts).
public struct TextFingerprint: Sendable, Hashable {
    public static let size = 64
    public var signature: [UInt64]
    public var tokens: Set<String>
    /// Distinct shingles: with two set sizes, Jaccard similarity gives containment.
    public var shingleCount: Int

    public init(signature: [UInt64], tokens: Set<String>, shingleCount: Int) {
        self.signature = signature
        self.tokens = tokens
        self.shingleCount = shingleCount
    }

    public init(title: String, paragraphs: [String]) {
        let text = ([title] + paragraphs).joined(separator: " ")
        var words: [String] = []
        var tokens = Set<String>()
        for raw in text.split(whereSeparator: { !$0.isLetter && !$0.isNumber }).prefix(600) {
            let word = String(raw)
            if word.first?.isNumber == true || (word.first?.isUppercase == true && word.count > 2 && !words.isEmpty) {
                tokens.insert(word.lowercased())
            }
            words.append(word.lowercased())
        }
        var signature = [UInt64](repeating: .max, count: Self.size)
        var shingles = Set<UInt64>()
        if words.count >= 3 {
            for index in 0..<(words.count - 2) {
                let shingle = Self.hash(words[index] + " " + words[index + 1] + " " + words[index + 2])
                guard shingles.insert(shingle).inserted else { continue }
                for slot in 0..<Self.size {
                    let value = Self.mix(shingle &+ UInt64(slot) &* 0x9E37_79B9_7F4A_7C15)
                    if value < signature[slot] { signature[slot] = value }
                }
            }
        }
        self.signature = signature
        self.tokens = tokens
        self.shingleCount = shingles.count
    }

    /// Estimated share of the shorter text found in the longer one: a republished copy with its own
    /// introduction or a dropped paragraph is still contained in the original.
    public func containment(in other: TextFingerprint) -> Double {
        let jaccard = similarity(to: other)
        let smaller = min(shingleCount, other.shingleCount)
        guard smaller > 0 else { return 0 }
        let intersection = jaccard * Double(shingleCount + other.shingleCount) / (1 + jaccard)
        return min(1, intersection / Double(smaller))
    }

    /// Numbers in the text: releases from one template differ in them.
    var numbers: Set<String> { tokens.filter { $0.first?.isNumber == true } }

    /// Share of numbers the two texts have in common; nil when either has fewer than two.
    public func numberOverlap(with other: TextFingerprint) -> Double? {
        let mine = numbers, theirs = other.numbers
        guard mine.count >= 2, theirs.count >= 2 else { return nil }
        return Double(mine.intersection(theirs).count) / Double(min(mine.count, theirs.count))
    }

    /// Estimated Jaccard similarity of the two texts' shingle sets.
    public func similarity(to other: TextFingerprint) -> Double {
        guard signature.count == other.signature.count, !signature.isEmpty, signature[0] != .max else { return 0 }
        let equal = zip(signature, other.signature).filter { $0 == $1 }.count
        return Double(equal) / Double(signature.count)
    }

    /// Share of distinctive tokens the two texts have in common; nil when either has too few.
    public func tokenOverlap(with other: TextFingerprint) -> Double? {
        guard tokens.count >= 4, other.tokens.count >= 4 else { return nil }
        return Double(tokens.intersection(other.tokens).count) / Double(min(tokens.count, other.tokens.count))
    }

    static func hash(_ text: String) -> UInt64 {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        for byte in text.utf8 {
            hash ^= UInt64(byte)
            hash &*= 0x0000_0100_0000_01B3
        }
        return hash
    }

    /// SplitMix64 finaliser: turns one shingle hash into 64 independent-looking ones.
    static func mix(_ value: UInt64) -> UInt64 {
        var z = value &+ 0x9E37_79B9_7F4A_7C15
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }

    /// Storage form: the shingle count and 64 hex words, then the tokens, one line each.
    public var encoded: (signature: String, tokens: String) {
        (([String(shingleCount)] + signature.map { String($0, radix: 16) }).joined(separator: " "),
         tokens.sorted().joined(separator: "\n"))
    }

    public init?(signature text: String, tokens: String) {
        let parts = text.split(separator: " ")
        guard let count = parts.first.flatMap({ Int($0) }) else { return nil }
        let values = parts.dropFirst().compactMap { UInt64($0, radix: 16) }
        guard values.count == Self.size else { return nil }
        self.init(signature: values, tokens: Set(tokens.split(separator: "\n").map(String.init)), shingleCount: count)
    }
}
