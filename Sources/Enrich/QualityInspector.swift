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
        if let counter = text.range(of: #"\b\d{1,5} ?/ ?\d{1,3}[  ]?000\b"#, options: .regularExpression) {
            return "character counter “\(text[counter])”"
        }
        guard language == .en || language == .kk else { return nil }
        let hits = Set(text.lowercased().split(whereSeparator: { !$0.isLetter }).filter { romanisedRussian.contains($0) })
        return hits.count >= 2 ? "romanised Russian: " + hits.sorted().prefix(5).joined(separator: ", ") : nil
    }

    /// A title none of whose words (by their first five letters) appears in a body of some length.
    static func titleMismatch(title: String, paragraphs: [String]) -> String? {
        func stems(_ text: String) -> Set<String> {
            Set(text.lowercased().split(whereSeparator: { !$0.isLetter && !$0.isNumber }).filter { $0.count >= 4 }.map { String($0.prefix(5)) })
        }
        let body = paragraphs.joined(separator: " ")
        let bodyStems = stems(body)
        let titleStems = stems(title)
        // Short titles (three content words or fewer) are often paraphrases: too little to judge.
        guard bodyStems.count >= 25, titleStems.count >= 4 else { return nil }
        let shared = titleStems.intersection(bodyStems)
        return shared.isEmpty ? "no word of the title appears in the body" : nil
    }

    /// Years named in the text, all at least three years before publication.
    static func staleContent(paragraphs: [String], published: GovKzDate) -> String? {
        guard let publishedYear = Int(published.day.prefix(4)) else { return nil }
        let text = paragraphs.joined(separator: " ")
        var years: [Int] = []
        var index = text.startIndex
        while let range = text.range(of: #"\b(19[5-9]\d|20\d\d)\b"#, options: .regularExpression, range: index..<text.endIndex) {
            if let year = Int(text[range]) { years.append(year) }
            index = range.upperBound
        }
        guard let latest = years.max(), years.count >= 2, latest <= publishedYear - 3 else { return nil }
        return "latest year named is \(latest), published \(publishedYear)"
    }
}
