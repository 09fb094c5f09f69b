import EnbekshiCore
import Foundation

/// Finds what an editor should look at in a cleaned version. Deterministic and explainable:
/// every flag says which words or numbers raised it.
public enum QualityInspector {
    public static func inspect(
        language: Language, requested: Language? = nil, title: String, paragraphs: [String], published: GovKzDate?
    ) -> [QualityFlag] {
        var flags: [QualityFlag] = []
        let text = ([title] + paragraphs).joined(separator: "\n")
        if let requested, requested != language {
            flags.append(QualityFlag(.languageMismatch, "asked gov.kz for \(requested.rawValue), got \(language.rawValue)"))
        }
        if language == .en {
            let words = cyrillicWords(text)
            if !words.isEmpty {
                flags.append(QualityFlag(.cyrillicInEnglish, words.prefix(5).joined(separator: ", ")))
            }
        }
        if let residue = translationResidue(text, language: language) {
            flags.append(QualityFlag(.translationResidue, residue))
        }
        if let mismatch = titleMismatch(title: title, paragraphs: paragraphs) {
            flags.append(QualityFlag(.titleMismatch, mismatch))
        }
        if let published, let stale = staleContent(paragraphs: paragraphs, published: published) {
            flags.append(QualityFlag(.staleContent, stale))
        }
        return flags
    }

    /// Words written (partly) in Cyrillic letters.
    public static func cyrillicWords(_ text: String) -> [String] {
        var seen = Set<String>()
        var words: [String] = []
        for word in text.split(whereSeparator: { !$0.isLetter }) where word.unicodeScalars.contains(where: { (0x0400...0x04FF).contains($0.value) }) {
            let value = String(word)
            if seen.insert(value).inserted { words.append(value) }
        }
        return words
    }

    /// Romanised Russian words common in untranslated text, and "141 / 5 000"-style counters.
    static let romanisedRussian: Set<Substring> = [
        "provel", "provela", "proveli", "vstrechu", "vstrecha", "zhitelyami", "zhiteley", "sostoyalas", "sostoyalos",
        "takzhe", "kotoryy", "kotoraya", "kotorye", "dlya", "goroda", "oblasti", "rayona", "akimata", "budet", "bylo",
        "sovmestno", "meropriyatie", "obrashcheniya", "grazhdan", "soveshchanie",
    ]

    static func translationResidue(_ text: String, language: Language) -> String? {
        if text.utf8.contains(0x2F),
            let counter = text.range(of: #"\b\d{1,5} ?/ ?\d{1,3}[  ]?000\b"#, options: .regularExpression)
        {
            return "character counter “\(text[counter])”"
        }
        guard language == .en || language == .kk else { return nil }
        let hits = romanisedRussianWords(in: text)
        return hits.count >= 2 ? "romanised Russian: " + hits.sorted().prefix(5).joined(separator: ", ") : nil
    }

    /// The words of `romanisedRussian` in a text: runs of letters made only of Latin letters,
    /// lower-cased. One pass over the scalars (lower-casing and splitting the whole text into
    /// Characters cost more than the rest of the inspection).
    static func romanisedRussianWords(in text: String) -> Set<Substring> {
        var hits = Set<Substring>()
        var word: [UInt8] = []
        var latinOnly = true
        func finish() {
            if latinOnly, !word.isEmpty, word.count <= 16 {
                let candidate = Substring(decoding: word, as: UTF8.self)
                if romanisedRussian.contains(candidate) { hits.insert(candidate) }
            }
            word.removeAll(keepingCapacity: true)
            latinOnly = true
        }
        for scalar in text.unicodeScalars {
            switch scalar.value {
            case 0x41...0x5A: word.append(UInt8(scalar.value + 0x20))
            case 0x61...0x7A: word.append(UInt8(scalar.value))
            default:
                // Any other letter (or a mark inside a word) makes the word not a romanised one.
                if ScalarClass.isAlphabetic(scalar) || scalar.properties.generalCategory == .nonspacingMark {
                    latinOnly = false
                    word.append(0)
                } else {
                    finish()
                }
            }
        }
        finish()
        return hits
    }

    /// A title none of whose words (by their first five letters) appears in a body of some length.
    static func titleMismatch(title: String, paragraphs: [String]) -> String? {
        let titleStems = stems([title], maxWords: 100)
        // Short titles (three content words or fewer) are often paraphrases: too little to judge.
        guard titleStems.count >= 4 else { return nil }
        // The opening of the body is where a title's words appear; a long body need not be read whole.
        let bodyStems = stems(paragraphs, maxWords: 600)
        guard bodyStems.count >= 25 else { return nil }
        return titleStems.isDisjoint(with: bodyStems) ? "no word of the title appears in the body" : nil
    }

    /// The first five letters, lower-cased, of words of four letters or more, each as a hash of
    /// its scalars. Works on scalars: it runs for every ingested version.
    static func stems(_ texts: [String], maxWords: Int) -> Set<UInt64> {
        var result = Set<UInt64>()
        var words = 0
        var current = FNV1a()
        var length = 0
        func finish() {
            if length >= 4 { result.insert(current.value) }
            if length > 0 { words += 1 }
            current = FNV1a()
            length = 0
        }
        for text in texts {
            for scalar in text.unicodeScalars {
                let value = scalar.value
                // Letters and digits of the three languages by code range (Unicode property look-ups
                // were the largest cost here); other scripts count as letters too.
                let isWordScalar = (0x30...0x39).contains(value) || (0x41...0x5A).contains(value)
                    || (0x61...0x7A).contains(value) || (0x0400...0x04FF).contains(value)
                    || (value >= 0x00C0 && value < 0x2000 && scalar.properties.isAlphabetic)
                if isWordScalar {
                    if length < 5 {
                        ScalarClass.forEachLowercase(scalar) { lower in
                            for shift in stride(from: 0, to: 24, by: 8) { current.add(UInt8(truncatingIfNeeded: lower.value >> UInt32(shift))) }
                        }
                    }
                    length += 1
                } else if length > 0 {
                    finish()
                    if words >= maxWords { return result }
                }
            }
            finish()
        }
        return result
    }

    /// Years named in the text, all at least three years before publication.
    static func staleContent(paragraphs: [String], published: GovKzDate) -> String? {
        guard let publishedYear = Int(published.day.prefix(4)) else { return nil }
        // Four-digit years 1950–2099 standing alone, read from UTF-8 bytes.
        var years: [Int] = []
        for paragraph in paragraphs {
            let bytes = Array(paragraph.utf8)
            var index = 0
            while index + 4 <= bytes.count {
                let isDigit = { (i: Int) in i >= 0 && i < bytes.count && bytes[i] >= 0x30 && bytes[i] <= 0x39 }
                if isDigit(index), isDigit(index + 1), isDigit(index + 2), isDigit(index + 3), !isDigit(index - 1),
                    !isDigit(index + 4)
                {
                    let year = (0..<4).reduce(0) { $0 * 10 + Int(bytes[index + $1] - 0x30) }
                    if (1950...2099).contains(year) { years.append(year) }
                    index += 4
                } else {
                    index += 1
                }
            }
        }
        guard let latest = years.max(), years.count >= 2, latest <= publishedYear - 3 else { return nil }
        return "latest year named is \(latest), published \(publishedYear)"
    }
}
