import EnbekshiCore
import Store

/// Decides which articles need which machine translations: every edition should have every
/// article, and gov.kz's own versions are never replaced.
public enum TranslationPlanner {
    /// The language to translate from, among those gov.kz published, for a target edition:
    /// Russian and Kazakh are the best-filled sources, and each other's nearest language.
    public static func source(for target: Language, among originals: [Language]) -> Language? {
        let preference: [Language] = switch target {
        case .en: [.ru, .kk]
        case .kk: [.ru, .en]
        case .ru: [.kk, .en]
        }
        return preference.first { originals.contains($0) }
    }

    /// Queues a job for every missing (article, language). Returns how many were added.
    @discardableResult
    public static func plan(store: any NewsStore, targets: [Language] = Language.allCases) async throws -> Int {
        var added = 0
        var cursor: VersionCursor?
        var currentArticle: Int64?
        var originals: [Language] = []
        var translated: [Language] = []
        func flush() async throws {
            guard let article = currentArticle, !originals.isEmpty else { return }
            for target in targets where !originals.contains(target) && !translated.contains(target) {
                if let source = source(for: target, among: originals),
                    try await store.enqueueTranslation(articleID: article, from: source, to: target)
                {
                    added += 1
                }
            }
        }
        while true {
            let batch = try await store.versions(after: cursor, limit: 500)
            guard let last = batch.last else { break }
            for stored in batch {
                if stored.articleID != currentArticle {
                    try await flush()
                    currentArticle = stored.articleID
                    originals = []
                    translated = []
                }
                if stored.version.machineTranslation != nil {
                    translated.append(stored.version.language)
                } else if !stored.version.title.isEmpty {
                    originals.append(stored.version.language)
                }
            }
            cursor = last.cursor
        }
        try await flush()
        return added
    }
}
