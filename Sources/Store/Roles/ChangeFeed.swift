/// Whether anything a page shows has changed, for the page cache.
public protocol ChangeFeed: Sendable {
    /// A number that changes whenever anything a page shows changes (articles, versions, topics,
    /// stories, sources, harvest health, glosses): rendered pages are reused while it stays the same.
    func contentGeneration() async throws -> Int64
}
