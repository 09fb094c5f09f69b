import EnbekshiCore
import Store

/// Source names for pages, read from the store at most once a minute instead of once per article.
actor SourceDirectory {
    private let store: any NewsStore
    private var sources: [String: Source] = [:]
    private var loadedAt: ContinuousClock.Instant?
    private let maxAge: Duration = .seconds(60)

    init(store: any NewsStore) {
        self.store = store
    }

    func source(_ slug: String) async -> Source? {
        if loadedAt.map({ ContinuousClock.now - $0 > maxAge }) ?? true {
            if let all = try? await store.sources(enabledOnly: false) {
                sources = Dictionary(all.map { ($0.slug, $0) }, uniquingKeysWith: { first, _ in first })
                loadedAt = .now
            }
        }
        return sources[slug]
    }

    func name(_ slug: String, in language: Language) async -> String {
        await source(slug)?.displayName(in: language) ?? slug
    }
}
