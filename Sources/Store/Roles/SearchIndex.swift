import EnbekshiCore

/// Full-text search over every language's text.
public protocol SearchIndex: Sendable {
    /// Articles whose text in any language matches, one per story, newest first or by relevance.
    func search(_ request: SearchRequest, limit: Int, offset: Int) async throws -> SearchResults
    /// Rebuilds the search index from the stored versions.
    func reindexSearch(progress: @Sendable (Language, Int) -> Void) async throws
}
