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
    /// MinHash over the text's word stems, order ignored: two releases on one subject written in
    /// different words share many stems but few shingles. Empty for fingerprints stored before it.
    public var topic: [UInt64]

    public init(signature: [UInt64], tokens: Set<String>, shingleCount: Int, topic: [UInt64] = []) {
        self.signature = signature
        self.tokens = tokens
        self.shingleCount = shingleCount
        self.topic = topic
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
                Self.lower(&signature, with: shingle)
            }
        }
        var topic = [UInt64](repeating: .max, count: Self.size)
        var stems = Set<UInt64>()
        for word in words where word.count >= 4 && word.first?.isNumber == false && !Self.stopwords.contains(word) {
            let stem = Self.hash(String(word.prefix(5)))
            if stems.insert(stem).inserted { Self.lower(&topic, with: stem) }
        }
        self.signature = signature
        self.tokens = tokens
        self.shingleCount = shingles.count
        self.topic = stems.count >= 12 ? topic : []
    }

    /// Folds one hashed element into a MinHash signature.
    static func lower(_ signature: inout [UInt64], with element: UInt64) {
        for slot in 0..<signature.count {
            let value = Self.mix(element &+ UInt64(slot) &* 0x9E37_79B9_7F4A_7C15)
            if value < signature[slot] { signature[slot] = value }
        }
    }

    /// Estimated Jaccard similarity of the two texts' word-stem sets; 0 when either has none.
    public func topicSimilarity(to other: TextFingerprint) -> Double {
        guard topic.count == Self.size, other.topic.count == Self.size else { return 0 }
        return Double(zip(topic, other.topic).filter { $0 == $1 }.count) / Double(Self.size)
    }

    /// Frequent words of four letters or more that say nothing about the subject.
    static let stopwords: Set<String> = [
        "that", "this", "with", "from", "have", "were", "will", "which", "their", "also", "been", "into", "more",
        "than", "they", "about", "after", "within", "during", "there", "these", "those", "other", "such", "well",
        "этом", "также", "было", "были", "года", "году", "которые", "который", "которая", "более", "того", "после",
        "рамках", "этого", "всех", "между", "может", "если", "только", "чтобы", "является", "время", "целях",
        "және", "бойынша", "үшін", "туралы", "болып", "жылы", "жылдың", "осы", "арқылы", "сондай", "қатар",
        "барлық", "оның", "бірге", "кейін", "бұл", "атты", "сәйкес",
    ]

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

    static func hash(_ text: String) -> UInt64 { FNV1a.hash(text.utf8) }

    /// SplitMix64 finaliser: turns one shingle hash into 64 independent-looking ones.
    static func mix(_ value: UInt64) -> UInt64 {
        var generator = SplitMix64(seed: value)
        return generator.next()
    }

    /// Storage form: the shingle count and 64 hex words, the tokens one a line, the topic hex words.
    public var encoded: (signature: String, tokens: String, topic: String) {
        (([String(shingleCount)] + signature.map { String($0, radix: 16) }).joined(separator: " "),
         tokens.sorted().joined(separator: "\n"), topic.map { String($0, radix: 16) }.joined(separator: " "))
    }

    public init?(signature text: String, tokens: String, topic: String = "") {
        let parts = text.split(separator: " ")
        guard let count = parts.first.flatMap({ Int($0) }) else { return nil }
        let values = parts.dropFirst().compactMap { UInt64($0, radix: 16) }
        guard values.count == Self.size else { return nil }
        let topicValues = topic.split(separator: " ").compactMap { UInt64($0, radix: 16) }
        self.init(
            signature: values, tokens: Set(tokens.split(separator: "\n").map(String.init)), shingleCount: count,
            topic: topicValues.count == Self.size ? topicValues : [])
    }
}
