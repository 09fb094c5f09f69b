import EnbekshiCore
import Store

/// Machine translations of gov.kz titles written in another language than their body, for the
/// versions a page, listing or feed shows: one read per language for the whole page.
enum TranslatedHeadlines {
    /// Article id → (headline, the title's language), for the articles whose shown version has one.
    static func load(for articles: [Article], edition: Language, store: any NewsStore) async throws
        -> [Int64: (text: String, from: Language)]
    {
        var titles: [Language: [(id: Int64, title: String)]] = [:]
        for article in articles {
            guard let version = article.bestVersion(for: edition), let title = version.foreignTitle else { continue }
            titles[version.language, default: []].append((article.id, title))
        }
        var found: [Int64: (text: String, from: Language)] = [:]
        for (language, wanted) in titles {
            let glosses = try await store.glosses(of: Array(Set(wanted.map(\.title))), to: language)
            for (id, title) in wanted {
                if let gloss = glosses[title] { found[id] = (gloss.text, gloss.source) }
            }
        }
        return found
    }
}
