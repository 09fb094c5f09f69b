import Clean
import EnbekshiCore
import Foundation

extension ArticleVersion {
    /// What an engine is given to translate: the title, then each paragraph of the cleaned body.
    public func translationTexts(cleaner: HTMLCleaner) -> [String] {
        [title] + cleaner.clean(bodyHTML).paragraphs
    }

    /// This version's machine translation into `target`: `texts` are the translations of
    /// `translationTexts(cleaner:)`, one to one. Keeps this version's address, picture and dates, so
    /// the translation is shown and dated as the original.
    public func machineTranslated(
        into target: Language, texts: [String], engine: String, model: String?, flags: [QualityFlag] = [], at date: Date
    ) -> ArticleVersion {
        ArticleVersion(
            language: target, title: texts.first ?? "", originalTitle: nil,
            bodyHTML: texts.dropFirst().map { "<p>" + HTMLEscaping.escape($0) + "</p>" }.joined(separator: "\n"),
            originalHTML: nil, slug: nil, sourceURL: sourceURL, heropic: heropic, createdRaw: createdRaw,
            published: published, fetchedAt: date, contentHash: ContentHash.of(contentHash, engine, target.rawValue), rawJSON: nil,
            flags: flags,
            machineTranslation: MachineTranslation(engine: engine, model: model, translatedAt: date, sourceLanguage: language))
    }
}
