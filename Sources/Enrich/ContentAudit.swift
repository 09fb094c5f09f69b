import Clean
import EnbekshiCore

/// Checks a stored version, as readers would see it, for every defect the old site showed
/// (`../shared/reference/original-site.md`). Used by `enbekshi audit`; a clean store reports zero.
public enum ContentAudit {
    public enum Defect: String, CaseIterable, Sendable, Hashable {
        /// Two sentences, or two blocks, run together inside running text.
        case sentenceGlued = "sentence glued"
        /// A subheading run into its paragraph.
        case headingGlued = "heading glued"
        /// A colon run into the next word.
        case colonGlued = "colon glued"
        /// Two capitalised words written as one, where the text uses one of them alone.
        case wordsGlued = "words glued"
        case emptyTitle = "empty titles"
        case paragraphTitle = "paragraph-long titles"
        case duplicatedFirstSentence = "duplicated first sentence"
        case emptyBodyShownAsArticle = "empty bodies shown as articles"
        case errorText = "error text"
        case leftoverMarkup = "leftover markup"
        case cyrillicInEnglish = "Cyrillic in English"
        case unsanitisedHTML = "unsanitised HTML"
        /// A headline in another script than its body (a Russian title over English text).
        case titleLanguage = "title in another language"
        /// Russian in Latin letters shown as English.
        case romanisedRussian = "romanised Russian as English"
        /// The original carried text that cleaning could not keep (flagged when it was stored).
        case lostText = "text lost in cleaning"
    }

    /// Defects of one version. A version with no headline is never shown, so it has none.
    public static func defects(of version: ArticleVersion, cleaner: HTMLCleaner = HTMLCleaner(repairing: false)) -> Set<Defect> {
        Set(findings(of: version, cleaner: cleaner).keys)
    }

    /// Each defect of one version with an example of it (the glued words, or the headline). The
    /// stored body is read as readers see it: `cleaner` should not repair.
    public static func findings(of version: ArticleVersion, cleaner: HTMLCleaner = HTMLCleaner(repairing: false)) -> [Defect: String] {
        guard !version.title.isEmpty else { return [:] }
        var found: [Defect: String] = [:]
        let paragraphs = cleaner.clean(version.bodyHTML).paragraphs
        let title = version.title
        let words = GlueRepair.standaloneWords([title] + paragraphs)
        for text in [title] + paragraphs {
            for (defect, excerpt) in glue(in: text, words: words) where found[defect] == nil { found[defect] = excerpt }
        }
        var defects = Set<Defect>()
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
        if let titleScript = LanguageDetector.script(of: title), let bodyScript = LanguageDetector.script(of: paragraphs),
            titleScript != bodyScript
        {
            defects.insert(.titleLanguage)
        }
        if version.language == .en, RomanisedRussian.isRomanised(([title] + paragraphs.prefix(5)).joined(separator: " ")) {
            defects.insert(.romanisedRussian)
        }
        if version.flags.contains(where: { $0.kind == .textLost }) { defects.insert(.lostText) }
        for defect in defects where found[defect] == nil { found[defect] = String(title.prefix(80)) }
        return found
    }

    /// The kinds of glue in one text, each with the words around its first join.
    static func glue(in text: String, words: Set<String>) -> [(Defect, String)] {
        var result: [(Defect, String)] = []
        let scalars = Array(text.unicodeScalars)
        func excerpt(_ index: Int) -> String {
            "…" + String(String.UnicodeScalarView(scalars[max(0, index - 30)..<min(scalars.count, index + 30)])) + "…"
        }
        let repaired = TextNormalizer.separateGluedSentences(text)
        if repaired != text, let index = zip(repaired.unicodeScalars, scalars).enumerated().first(where: { $0.element.0 != $0.element.1 })?.offset {
            result.append((.sentenceGlued, excerpt(index)))
        }
        var seen = Set<GlueRepair.Kind>()
        for join in GlueRepair.joins(in: text, standalone: { words.contains($0) }) where seen.insert(join.kind).inserted {
            let defect: Defect = switch join.kind {
            case .sentence: .sentenceGlued
            case .heading: .headingGlued
            case .colon: .colonGlued
            case .words: .wordsGlued
            }
            result.append((defect, excerpt(join.index)))
        }
        return result
    }

    static let markupLeftovers = ["&nbsp;", "&amp;", "&lt;", "&gt;", "&quot;", "<p", "</", "<br", "\\u", "**", "__", "![", "[img", "\u{200B}", "\u{FEFF}"]

    static func hasLeftoverMarkup(_ text: String) -> Bool {
        if markupLeftovers.contains(where: text.contains) { return true }
        return (text.hasPrefix("*") && text.hasSuffix("*")) || text.hasPrefix("#")
    }

    /// Whether HTML uses only the sanitiser's allow-list of tags and attributes.
    public static func isSanitised(_ html: String) -> Bool { AllowList.permits(html) }
}
