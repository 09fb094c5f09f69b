import Foundation

/// Something about a stored version an editor should look at. Flags never hide or change text;
/// they are listed by `enbekshi review` and counted by `enbekshi audit`.
public struct QualityFlag: Sendable, Hashable, Codable, CustomStringConvertible {
    public enum Kind: String, Sendable, Hashable, Codable, CaseIterable {
        /// Cyrillic words inside English text ("is celebrating her юбилей").
        case cyrillicInEnglish = "cyrillic-in-english"
        /// Leftovers of a translation tool: romanised Russian, character counters ("141 / 5 000").
        case translationResidue = "translation-residue"
        /// The title shares almost no words with the body.
        case titleMismatch = "title-mismatch"
        /// The text speaks only of years long before its publication date.
        case staleContent = "stale-content"
        /// gov.kz answered a request for one language with text in another.
        case languageMismatch = "language-mismatch"
        /// Cleaning kept clearly less text than the original carried (see `HTMLCleaner.clean`).
        case textLost = "text-lost"
        /// gov.kz gave no valid publication date: the item is dated by when it was stored.
        case unknownDate = "unknown-date"
        /// Russian written in Latin letters: held for editors, never shown as English.
        case romanisedRussian = "romanised-russian"
        /// gov.kz's title is in another language than the body: the headline comes from the body.
        case titleLanguage = "title-language"
    }

    public var kind: Kind
    public var detail: String

    public init(_ kind: Kind, _ detail: String) {
        self.kind = kind
        self.detail = detail
    }

    public var description: String { "\(kind.rawValue): \(detail)" }

    /// One flag a line, `kind<TAB>detail`: plain text, portable to any SQL store.
    public static func encode(_ flags: [QualityFlag]) -> String {
        flags.map { "\($0.kind.rawValue)\t\($0.detail.replacingOccurrences(of: "\n", with: " "))" }.joined(separator: "\n")
    }

    public static func decode(_ text: String?) -> [QualityFlag] {
        guard let text, !text.isEmpty else { return [] }
        return text.split(separator: "\n").compactMap { line in
            let parts = line.split(separator: "\t", maxSplits: 1, omittingEmptySubsequences: false)
            guard let kind = Kind(rawValue: String(parts[0])) else { return nil }
            return QualityFlag(kind, parts.count > 1 ? String(parts[1]) : "")
        }
    }
}
