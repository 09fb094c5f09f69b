import EnbekshiCore
import Store

/// A compact fingerprint of a text for near-duplicate detection: a MinHash signature over word
/// 3-shingles, and the text's distinctive tokens (numbers and capitalised words) that tell apart
/// releases written from one template ("Clean Kazakhstan" reports from different districts).
public struct TextFingerprint: Sendable, Hashable {
    public static let size = 64
    public var signature: [UInt64]
    /// The distinctive tokens, sorted, one a line: the stored form, turned into a set only when two
    /// texts are alike enough for their numbers to matter.
    public var tokenLines: String
    /// Distinct shingles: with two set sizes, Jaccard similarity gives containment.
    public var shingleCount: Int
    /// MinHash over the text's word stems, order ignored: two releases on one subject written in
    /// different words share many stems but few shingles. Empty for fingerprints stored before it.
    public var topic: [UInt64]

    public var tokens: Set<String> { Set(tokenLines.split(separator: "\n").map(String.init)) }

    public init(signature: [UInt64], tokens: Set<String>, shingleCount: Int, topic: [UInt64] = []) {
        self.signature = signature
        self.tokenLines = tokens.sorted().joined(separator: "\n")
        self.shingleCount = shingleCount
        self.topic = topic
    }

    public init(stored: StoredFingerprint) {
        signature = stored.signature
        tokenLines = stored.tokens
        shingleCount = stored.shingleCount
        topic = stored.topic.count == Self.size ? stored.topic : []
    }

    /// As the store keeps it: slots cut to their low 32 bits (all that `agreement` compares).
    public func stored(articleID: Int64, day: String) -> StoredFingerprint {
        func low(_ values: [UInt64]) -> [UInt64] { values.map { UInt64(UInt32(truncatingIfNeeded: $0)) } }
        return StoredFingerprint(
            articleID: articleID, day: day, signature: low(signature), shingleCount: shingleCount, tokens: tokenLines, topic: low(topic))
    }

    /// Words are runs of letters and digits, lower-cased; a shingle is the FNV-1a of three words
    /// joined by spaces, a stem the FNV-1a of a word's first five letters. Worked on Unicode scalars
    /// and UTF-8 bytes rather than Characters and Strings: this runs for every text ingested.
    public init(title: String, paragraphs: [String]) {
        var words = Words(limit: 600)
        words.add(title)
        for paragraph in paragraphs where !words.full { words.add(paragraph) }

        var signature = [UInt64](repeating: .max, count: Self.size)
        var shingles = Set<UInt64>()
        if words.ranges.count >= 3 {
            for index in 0..<(words.ranges.count - 2) {
                var hasher = FNV1a()
                hasher.add(words.bytes[words.ranges[index].bytes])
                hasher.add(UInt8(ascii: " "))
                hasher.add(words.bytes[words.ranges[index + 1].bytes])
                hasher.add(UInt8(ascii: " "))
                hasher.add(words.bytes[words.ranges[index + 2].bytes])
                guard shingles.insert(hasher.value).inserted else { continue }
                Self.lower(&signature, with: hasher.value)
            }
        }
        var topic = [UInt64](repeating: .max, count: Self.size)
        var stems = Set<UInt64>()
        for word in words.ranges where word.scalars >= 4 && !word.startsWithNumber {
            let bytes = words.bytes[word.bytes]
            guard !Self.stopwords.contains(Array(bytes)) else { continue }
            let stem = FNV1a.hash(words.bytes[word.stem])
            if stems.insert(stem).inserted { Self.lower(&topic, with: stem) }
        }
        self.signature = signature
        self.tokenLines = words.tokens.sorted().joined(separator: "\n")
        self.shingleCount = shingles.count
        self.topic = stems.count >= 12 ? topic : []
    }

    /// A text's words as lower-cased UTF-8 in one buffer, and its distinctive tokens.
    struct Words {
        struct Word {
            var bytes: Range<Int>
            /// The bytes of the first five letters.
            var stem: Range<Int>
            var scalars: Int
            var startsWithNumber: Bool
        }

        let limit: Int
        var bytes: [UInt8] = []
        var ranges: [Word] = []
        var tokens = Set<String>()
        var full: Bool { ranges.count >= limit }

        init(limit: Int) {
            self.limit = limit
            bytes.reserveCapacity(4096)
            ranges.reserveCapacity(limit)
        }

        mutating func add(_ text: String) {
            var start = bytes.count, stemEnd = start, scalars = 0
            var firstIsNumber = false, firstIsUppercase = false
            func finish(_ words: inout Words) {
                guard scalars > 0 else { return }
                let range = start..<words.bytes.count
                // Numbers, and capitalised words after the first (names, places), tell templates apart.
                if firstIsNumber || (firstIsUppercase && scalars > 2 && !words.ranges.isEmpty) {
                    words.tokens.insert(String(decoding: words.bytes[range], as: UTF8.self))
                }
                words.ranges.append(Word(bytes: range, stem: start..<(scalars >= 5 ? stemEnd : range.upperBound),
                                         scalars: scalars, startsWithNumber: firstIsNumber))
            }
            for scalar in text.unicodeScalars {
                let isNumber = ScalarClass.isNumeric(scalar)
                guard isNumber || ScalarClass.isAlphabetic(scalar) else {
                    finish(&self)
                    if full { return }
                    start = bytes.count
                    scalars = 0
                    continue
                }
                if scalars == 0 {
                    firstIsNumber = isNumber
                    firstIsUppercase = ScalarClass.isUppercase(scalar)
                }
                if ScalarClass.changesWhenLowercased(scalar) {
                    for lower in scalar.properties.lowercaseMapping.unicodeScalars { append(lower) }
                } else {
                    append(scalar)
                }
                scalars += 1
                if scalars == 5 { stemEnd = bytes.count }
            }
            finish(&self)
        }

        private mutating func append(_ scalar: Unicode.Scalar) {
            if let encoded = UTF8.encode(scalar) { bytes.append(contentsOf: encoded) }
        }
    }

    /// Folds one hashed element into a MinHash signature.
    static func lower(_ signature: inout [UInt64], with element: UInt64) {
        // Through a buffer pointer: without bounds and exclusivity checks the loop vectorises, and it
        // runs 64 times for every shingle and stem of every text ingested.
        signature.withUnsafeMutableBufferPointer { slots in
            for slot in slots.indices {
                let value = Self.mix(element &+ UInt64(slot) &* 0x9E37_79B9_7F4A_7C15)
                slots[slot] = min(slots[slot], value)
            }
        }
    }

    /// Slots where two signatures agree.
    /// On the low 32 bits: fingerprints are stored with 32-bit slots (`StoredFingerprint`), and
    /// two different minima agree there once in four billion.
    static func agreement(_ a: [UInt64], _ b: [UInt64]) -> Int {
        let count = a.count
        guard count == b.count else { return 0 }
        // Through buffer pointers and without a branch, so it vectorises: story detection compares
        // each new text with a few thousand stored ones.
        return a.withUnsafeBufferPointer { a in
            b.withUnsafeBufferPointer { b in
                guard let a = a.baseAddress, let b = b.baseAddress else { return 0 }
                var equal = 0, index = 0
                while index < count {
                    equal &+= Int(truncatingIfNeeded: (UInt32(truncatingIfNeeded: a[index]) == UInt32(truncatingIfNeeded: b[index])) ? 1 : 0)
                    index &+= 1
                }
                return equal
            }
        }
    }

    /// Estimated Jaccard similarity of the two texts' word-stem sets; 0 when either has none.
    public func topicSimilarity(to other: TextFingerprint) -> Double {
        topicSimilarity(toTopic: other.topic)
    }

    /// The same against a stored topic signature (no copy of the stored fingerprint).
    func topicSimilarity(toTopic other: [UInt64]) -> Double {
        guard topic.count == Self.size, other.count == Self.size else { return 0 }
        return Double(Self.agreement(topic, other)) / Double(Self.size)
    }

    /// Frequent words of four letters or more that say nothing about the subject.
    static let stopwords: Set<[UInt8]> = Set([
        "that", "this", "with", "from", "have", "were", "will", "which", "their", "also", "been", "into", "more",
        "than", "they", "about", "after", "within", "during", "there", "these", "those", "other", "such", "well",
        "этом", "также", "было", "были", "года", "году", "которые", "который", "которая", "более", "того", "после",
        "рамках", "этого", "всех", "между", "может", "если", "только", "чтобы", "является", "время", "целях",
        "және", "бойынша", "үшін", "туралы", "болып", "жылы", "жылдың", "осы", "арқылы", "сондай", "қатар",
        "барлық", "оның", "бірге", "кейін", "бұл", "атты", "сәйкес",
    ].map { Array($0.utf8) })

    /// Estimated share of the shorter text found in the longer one: a republished copy with its own
    /// introduction or a dropped paragraph is still contained in the original.
    public func containment(in other: TextFingerprint) -> Double {
        containment(inSignature: other.signature, shingleCount: other.shingleCount)
    }

    /// The same against a stored signature (no copy of the stored fingerprint).
    func containment(inSignature other: [UInt64], shingleCount otherCount: Int) -> Double {
        let jaccard = similarity(toSignature: other)
        let smaller = min(shingleCount, otherCount)
        guard smaller > 0 else { return 0 }
        let intersection = jaccard * Double(shingleCount + otherCount) / (1 + jaccard)
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
        similarity(toSignature: other.signature)
    }

    func similarity(toSignature other: [UInt64]) -> Double {
        // A text too short for a shingle has every slot at its initial maximum.
        guard signature.count == other.count, !signature.isEmpty, UInt32(truncatingIfNeeded: signature[0]) != .max else { return 0 }
        return Double(Self.agreement(signature, other)) / Double(signature.count)
    }

    /// Share of distinctive tokens the two texts have in common; nil when either has too few.
    public func tokenOverlap(with other: TextFingerprint) -> Double? {
        let mine = tokens, theirs = other.tokens
        guard mine.count >= 4, theirs.count >= 4 else { return nil }
        return Double(mine.intersection(theirs).count) / Double(min(mine.count, theirs.count))
    }

    /// SplitMix64 finaliser: turns one shingle hash into 64 independent-looking ones.
    static func mix(_ value: UInt64) -> UInt64 {
        var generator = SplitMix64(seed: value)
        return generator.next()
    }
}
