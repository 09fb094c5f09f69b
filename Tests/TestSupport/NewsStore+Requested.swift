import EnbekshiCore
import Store

extension NewsStore {
    /// Saves a version as if gov.kz had been asked for the language the text is in.
    public func save(_ version: ArticleVersion, for key: ArticleKey) async throws -> SaveOutcome {
        try await save(version, for: key, requested: version.language)
    }

    /// Content hashes of what gov.kz answered to requests for these ids in `language`, keyed by id.
    public func storedHashes(project: String, language: Language, govkzIDs: [String]) async throws -> [String: String] {
        let hashes = try await storedHashes(of: govkzIDs.map { FetchKey(project: project, language: language, govkzID: $0) })
        return Dictionary(hashes.map { ($0.key.govkzID, $0.value) }, uniquingKeysWith: { first, _ in first })
    }
}
