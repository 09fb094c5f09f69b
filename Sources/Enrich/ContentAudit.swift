import Clean
import EnbekshiCore

/// Checks a stored version, as readers would see it, for every defect the old site showed
/// (`../shared/reference/original-site.md`). Used by `enbekshi audit`; a clean store reports zero.
public enum ContentAudit {
    public enum Defect: String, CaseIterable, Sendable, Hashable {
        case gluedBlocks = "glued blocks"
        case emptyTitle = "empty titles"
        case paragraphTitle = "paragraph-long titles"
        case duplicatedFirstSentence = "duplicated first sentence"
        case emptyBodyShownAsArticle = "empty bodies shown as articles"
        case errorText = "error text"
        case leftoverMarkup = "leftover markup"
        case cyrillicInEnglish = "Cyrillic in English"
        case unsanitisedHTML = "unsanitised HTML"
        /// The original carried text that cleaning could not keep (flagged when it was stored).
        case lostText = "text lost in cleaning"
    }

    /// Defects of one version. A version with no headline is never shown, so it has none.
    public static func defects(of version: ArticleVersion, cleaner: HTMLCleaner = HTMLCleaner()) -> Set<Defect> {
        guard !version.title.isEmpty else { return [] }
        var defects = Set<Defect>()
        let paragraphs = cleaner.clean(version.bodyHTML).paragraphs
        let title = version.title
        if paragraphs.contains(where: { TextNormalizer.separateGluedSentences($0) != $0 }) { defects.insert(.gluedBlocks) }
        if HeadlineMaker.isPlaceholderTitle(title) { defects.insert(.emptyTitle) }
        if HeadlineMaker.isParagraphTitle(title) {
            defects.insert(.paragraphTitle)
        }
        if let first = paragraphs.first,
            HeadlineMaker.comparable(first) == HeadlineMaker.comparable(title)
                || HeadlineMaker.repeatedOpening(title: title, paragraph: first) != nil
        {
            defects.insert(.duplicatedFirstSentence)
        }
        if !version.bodyHTML.isEmpty, paragraphs.isEmpty, !version.bodyHTML.contains("<img") {
            defects.insert(.emptyBodyShownAsArticle)
        }
        if ErrorTextDetector.looksLikeError(title) || (paragraphs.count <= 2 && ErrorTextDetector.looksLikeError(paragraphs.joined(separator: " "))) {
            defects.insert(.errorText)
        }
        if ([title] + paragraphs).contains(where: hasLeftoverMarkup) { defects.insert(.leftoverMarkup) }
        if version.language == .en, !QualityInspector.cyrillicWords(([title] + paragraphs).joined(separator: " ")).isEmpty {
            defects.insert(.cyrillicInEnglish)
        }
        if !isSanitised(version.bodyHTML) { defects.insert(.unsanitisedHTML) }
        if version.flags.contains(where: { $0.kind == .textLost }) { defects.insert(.lostText) }
        return defects
    }

    static let markupLeftovers = ["&nbsp;", "&amp;", "&lt;", "&gt;", "&quot;", "<p", "</", "<br", "\\u", "**", "__", "![", "[img", "\u{200B}", "\u{FEFF}"]

    static func hasLeftoverMarkup(_ text: String) -> Bool {
        if markupLeftovers.contains(where: text.contains) { return true }
        return (text.hasPrefix("*") && text.hasSuffix("*")) || text.hasPrefix("#")
    }

    /// Whether HTML uses only the sanitiser's allow-list of tags and attributes.
    public static func isSanitised(_ html: String) -> Bool { AllowList.permits(html) }
}
