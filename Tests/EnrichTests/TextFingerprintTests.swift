import EnbekshiCore
import Enrich
import Foundation
import Testing

/// Fingerprints are stored and compared with those computed later, so the fast scalar-and-byte
/// computation must give exactly the values of its definition: words are runs of letters and
/// digits, lower-cased; a shingle is the FNV-1a of three words joined by spaces; a stem the FNV-1a of
/// a word's first five letters.
@Suite("TextFingerprint")
struct TextFingerprintTests {
    /// The definition, written plainly with Characters and Strings (as fingerprints were first computed).
    static func reference(title: String, paragraphs: [String]) -> TextFingerprint {
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
        func fold(_ signature: inout [UInt64], _ element: UInt64) {
            for slot in 0..<signature.count {
                var generator = SplitMix64(seed: element &+ UInt64(slot) &* 0x9E37_79B9_7F4A_7C15)
                signature[slot] = min(signature[slot], generator.next())
            }
        }
        var signature = [UInt64](repeating: .max, count: 64)
        var shingles = Set<UInt64>()
        if words.count >= 3 {
            for index in 0..<(words.count - 2) {
                let shingle = FNV1a.hash((words[index] + " " + words[index + 1] + " " + words[index + 2]).utf8)
                if shingles.insert(shingle).inserted { fold(&signature, shingle) }
            }
        }
        let stopwords: Set<String> = ["также", "которые", "және", "бойынша", "with", "from", "this"]
        var topic = [UInt64](repeating: .max, count: 64)
        var stems = Set<UInt64>()
        for word in words where word.count >= 4 && word.first?.isNumber == false && !stopwords.contains(word) {
            let stem = FNV1a.hash(String(word.prefix(5)).utf8)
            if stems.insert(stem).inserted { fold(&topic, stem) }
        }
        return TextFingerprint(signature: signature, tokens: tokens, shingleCount: shingles.count, topic: stems.count >= 12 ? topic : [])
    }

    @Test("the fast computation equals the definition on every labelled text")
    func matchesDefinition() throws {
        let url = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("../../eval/stories.jsonl")
        var compared = 0
        for line in try String(contentsOf: url, encoding: .utf8).split(whereSeparator: \.isNewline) {
            let pair = try #require(try JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any])
            for key in ["a", "b"] {
                let item = try #require(pair[key] as? [String: String])
                let text = (item["body"] ?? "").replacingOccurrences(of: "<[^>]+>", with: " ", options: .regularExpression)
                // Stop words are left out of the reference's topic only where it knows them; texts
                // holding others are compared on everything else.
                let fast = TextFingerprint(title: item["title"] ?? "", paragraphs: [text])
                let reference = Self.reference(title: item["title"] ?? "", paragraphs: [text])
                #expect(fast.signature == reference.signature)
                #expect(fast.shingleCount == reference.shingleCount)
                #expect(fast.tokens == reference.tokens)
                compared += 1
            }
        }
        #expect(compared >= 200)
    }

    @Test("topic stems: first five letters, stop words and numbers left out; short texts have none")
    func topicStems() {
        let words = ["Министерство", "финансов", "сообщает", "бюджет", "регион", "программа", "развитие", "экономика",
                     "инвестиции", "строительство", "дороги", "школы", "больницы", "жители", "также", "2025"]
        let paragraphs = [words.joined(separator: " ")]
        let fast = TextFingerprint(title: "Итоги", paragraphs: paragraphs)
        let reference = Self.reference(title: "Итоги", paragraphs: paragraphs)
        #expect(fast.topic == reference.topic)
        #expect(fast.topic.count == 64)
        #expect(TextFingerprint(title: "Коротко", paragraphs: ["Два слова."]).topic.isEmpty)
        // A 600-word cap: text after it changes nothing.
        let long = Array(repeating: "слово другое третье", count: 300).joined(separator: " ")
        #expect(TextFingerprint(title: "A", paragraphs: [long]) == TextFingerprint(title: "A", paragraphs: [long + " совсем новое окончание"]))
    }
}

extension TextFingerprintTests {
    @Test("a fingerprint stored with 32-bit slots matches its text as the full one does")
    func storedWidth() {
        let paragraphs = ["Акимат области сообщает о начале приёма заявок на гранты для молодых предпринимателей до 15 декабря."]
        let full = TextFingerprint(title: "Гранты", paragraphs: paragraphs)
        let stored = full.stored(articleID: 1, day: "2026-05-01")
        #expect(stored.signature.allSatisfy { $0 <= UInt64(UInt32.max) })
        #expect(full.similarity(to: TextFingerprint(stored: stored)) == 1)
        #expect(StoryMatcher.verdict(full, stored).isSame)
        let other = TextFingerprint(title: "Сессия", paragraphs: ["Депутаты маслихата утвердили бюджет района на следующий год."])
        #expect(!StoryMatcher.verdict(other, stored).isSame)
    }
}
