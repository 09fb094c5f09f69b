/// Whether anything a page shows has changed, for the page cache.
public protocol ChangeFeed: Sendable {
    /// A number that changes whenever anything a page shows changes (articles, versions, topics,
    /// stories, sources, harvest health, glosses): rendered pages are reused while it stays the same.
    func contentGeneration() async throws -> Int64
    /// Whether the engine announces each change (`watchContentGeneration`) to every process using
    /// the database; where it does not, readers poll `contentGeneration`.
    var announcesChanges: Bool { get }
    /// Reports the generation as it changes, whoever changed it, until cancelled: `.listening` with
    /// the generation read after each (re)connection (read after listening starts, so no change
    /// falls between), `.changed` for each change, `.lost` when the connection drops; it then
    /// reconnects by itself. Returns at once where the engine announces nothing.
    func watchContentGeneration(_ report: @escaping @Sendable (ContentChange) -> Void) async throws
}

/// What `ChangeFeed.watchContentGeneration` reports.
public enum ContentChange: Sendable, Hashable {
    case listening(Int64)
    case changed(Int64)
    case lost(String)
}
