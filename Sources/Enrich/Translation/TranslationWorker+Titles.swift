import EnbekshiCore
import Foundation
import Store

extension TranslationWorker {
    /// Translates gov.kz titles written in another language than their body (a Russian title over an
    /// English text) into the body's language, each once, by the first engine: the article page shows
    /// it as the headline, labelled, instead of the headline derived from the body. Stored as a gloss
    /// of the title. A failed request is left for the next pass, and a translation not in the body's
    /// script is not kept.
    func translateForeignTitles(in flagged: [StoredVersion]) async throws -> GlossReport {
        var wanted: [Language: [String: Language]] = [:]
        for stored in flagged where stored.version.machineTranslation == nil {
            guard let title = stored.version.foreignTitle, title.count <= 400,
                let source = LanguageDetector.detect(title), source != stored.version.language
            else { continue }
            wanted[stored.version.language, default: [:]][title] = source
        }
        var report = GlossReport()
        guard let translator = translators.first else { return report }
        for (target, titles) in wanted.sorted(by: { $0.key.rawValue < $1.key.rawValue }) {
            let known = try await store.glosses(of: Array(titles.keys), to: target)
            for source in Language.allCases where source != target {
                let batch = titles.filter { $0.value == source && known[$0.key] == nil }.keys.sorted()
                // Not in the body's script (an engine that echoed the title): the derived headline stays.
                // `script` names Latin `.en` and Cyrillic `.ru`, for Kazakh and Russian alike.
                let sent = try await storeGlosses(batch, from: source, to: target, by: translator, what: "title translation", report: &report) {
                    LanguageDetector.script(of: $0) == (target == .en ? .en : .ru)
                }
                guard sent else { return report }
            }
        }
        return report
    }
}
