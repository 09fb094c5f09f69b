import Clean
import EnbekshiCore

/// Everything derived from what gov.kz sent: the cleaned body, the headline, the language the text
/// is really in, and the quality flags. Ingest uses it for new items and `reclean` for stored ones,
/// so improving cleaning improves both.
public struct VersionPreparer: Sendable {
    public struct Prepared: Sendable {
        public var headline: String
        public var body: CleanBody
        public var language: Language
        public var flags: [QualityFlag]
    }

    public let cleaner: HTMLCleaner

    public init(cleaner: HTMLCleaner) {
        self.cleaner = cleaner
    }

    /// `requested` is the language gov.kz was asked for; nil when unknown (reclean keeps the stored
    /// language and its language-mismatch flag). `dateText` is gov.kz's date as sent: when
    /// `published` could not be read from it, the version is flagged.
    public func prepare(
        title: String?, bodyHTML: String?, shortDescription: String? = nil, published: GovKzDate?, dateText: String? = nil,
        requested: Language?, fallbackLanguage: Language
    ) -> Prepared {
        var cleaned = cleaner.clean(bodyHTML)
        if cleaned.isEmpty, let shortDescription { cleaned = cleaner.clean(shortDescription) }
        var (headline, body) = HeadlineMaker.present(title: title.map(cleaner.titleText), body: cleaned)
        let language = requested == nil
            ? fallbackLanguage : LanguageDetector.detect(title: headline, paragraphs: body.paragraphs) ?? fallbackLanguage
        var early: [QualityFlag] = []
        // A title in another script than its body (a Russian title over English text) would put a
        // headline in the wrong language on this edition: the body's first sentence heads it
        // instead, and gov.kz's title stays with the version (`originalTitle`) for editors.
        if let titleLanguage = LanguageDetector.script(of: headline), let bodyLanguage = LanguageDetector.script(of: body.paragraphs),
            titleLanguage != bodyLanguage
        {
            let derived = HeadlineMaker.present(title: nil, body: cleaned)
            early.append(QualityFlag(.titleLanguage, "gov.kz's title is not in the body's language: \"\(headline.prefix(120))\""))
            (headline, body) = derived
        }
        // Russian in Latin letters is not English: held for editors (no headline: never shown), with
        // the text read back into Cyrillic for them.
        if language == .en, RomanisedRussian.isRomanised(([headline] + body.paragraphs.prefix(5)).joined(separator: " ")) {
            let preview = RomanisedRussian.cyrillic(([headline] + body.paragraphs.prefix(2)).joined(separator: " "))
            early.append(QualityFlag(.romanisedRussian, "Russian written in Latin letters, held; in Cyrillic: \(preview.prefix(300))"))
            headline = ""
        }
        var flags = early + QualityInspector.inspect(
            language: language, requested: requested, title: headline, paragraphs: body.paragraphs, published: published)
        if cleaned.lostText {
            flags.append(QualityFlag(.textLost, "gov.kz's HTML carries more text than cleaning kept; compare with the original"))
        }
        if published == nil {
            let sent = dateText.map { "\"\($0.prefix(40))\"" } ?? "none"
            flags.append(QualityFlag(.unknownDate, "no valid publication date (gov.kz sent \(sent)); dated by when it was stored"))
        }
        return Prepared(headline: headline, body: body, language: language, flags: flags)
    }
}
