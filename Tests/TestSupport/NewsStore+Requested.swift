import EnbekshiCore
import Store

extension NewsStore {
    /// Saves a version as if gov.kz had been asked for the language the text is in.
    public func save(_ version: ArticleVersion, for key: ArticleKey) async throws -> SaveOutcome {
        try await save(version, for: key, requested: version.language)
    }
}
