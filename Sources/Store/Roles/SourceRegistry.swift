import EnbekshiCore

/// The publishing bodies: which exist, what the catalog says of them, which are harvested.
public protocol SourceRegistry: Sendable {
    /// Adds catalog entries that are not stored yet and refreshes the catalog-derived fields (kind,
    /// region, names) of the others; never changes whether a source is enabled.
    /// Returns how many were added.
    @discardableResult func seed(sources: [Source]) async throws -> Int
    func sources(enabledOnly: Bool) async throws -> [Source]
    func source(slug: String) async throws -> Source?
    /// The sources of these slugs that are known, keyed by slug (one read for a batch of feeds).
    func sources(slugs: [String]) async throws -> [String: Source]
    /// Returns false when no source has that slug.
    func setEnabled(_ enabled: Bool, slug: String) async throws -> Bool
}
