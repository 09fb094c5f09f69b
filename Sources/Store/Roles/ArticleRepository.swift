import EnbekshiCore

/// Articles and their language versions: what gov.kz sent, stored once, with its history.
public protocol ArticleRepository: Sendable {
    /// Stores a version under its own language and remembers that gov.kz sent it in answer to a
    /// request for `requested` (the two differ when gov.kz answers in another language).
    /// With `topics`, the article's section and region are stored in the same transaction, before
    /// the text is indexed (the search rows carry them as filter tokens).
    func save(_ version: ArticleVersion, for key: ArticleKey, requested: Language, topics: ArticleTopics?) async throws
        -> SaveOutcome
    /// Saves versions as `save` does, in order and in one transaction (a page of a feed, a bulk
    /// load); a copy's `copyOf` puts it into that article's story. Returns each outcome and article id.
    /// With a `fence`, nothing is saved and `StoreError.leaseLost` is thrown unless that lease is
    /// still held at its epoch when the transaction runs.
    @discardableResult func saveBatch(_ batch: PreparedSave, fence: Lease?) async throws -> [(outcome: SaveOutcome, articleID: Int64)]
    /// The part of saving a batch that needs no transaction, done before it (`PreparedSave`).
    func prepareSave(_ batch: [BulkArticle]) async -> PreparedSave
    /// Content hashes of what gov.kz answered to these requests (any mix of projects and languages,
    /// read together); requests never answered are absent.
    func storedHashes(of keys: [FetchKey]) async throws -> [FetchKey: String]
    /// Records where an article belongs (replacing an earlier classification).
    func saveTopics(_ topics: ArticleTopics, articleID: Int64) async throws
    func article(id: Int64) async throws -> Article?
    func article(key: ArticleKey) async throws -> Article?
    /// Several articles in full, in one read: keyed by id, unknown ids absent.
    func articles(ids: [Int64]) async throws -> [Int64: Article]
    /// Our id of an article, without loading its versions.
    func articleID(for key: ArticleKey) async throws -> Int64?
    /// Previous originals of one version, newest first.
    func history(articleID: Int64, language: Language) async throws -> [VersionHistoryEntry]
    /// The machines' moves of an article between sections and regions, newest first.
    func topicChanges(articleID: Int64) async throws -> [TopicChange]
    /// Articles in full (every version), newest first, for the JSON API and exports.
    func articles(_ query: ArticleQuery, limit: Int) async throws -> [Article]
}

extension ArticleRepository {
    @discardableResult
    public func saveBatch(_ batch: [BulkArticle], fence: Lease? = nil) async throws -> [(outcome: SaveOutcome, articleID: Int64)] {
        try await saveBatch(await prepareSave(batch), fence: fence)
    }

    public func save(_ version: ArticleVersion, for key: ArticleKey, requested: Language) async throws -> SaveOutcome {
        try await save(version, for: key, requested: requested, topics: nil)
    }
}
