import EnbekshiCore

/// Whole-database walks for `reclean`, `audit`, `review`, `export` and `status`.
public protocol VersionMaintenance: Sendable {
    /// Every stored version in a stable order, a batch at a time: pass the last one seen as `after`.
    func versions(after: VersionCursor?, limit: Int) async throws -> [StoredVersion]
    /// Replaces what cleaning derives from the original (headline, body, flags) without touching the
    /// original or its history: the source did not change, our cleaning did.
    func updateCleaned(articleID: Int64, language: Language, title: String, bodyHTML: String, flags: [QualityFlag])
        async throws
    /// Versions with at least one quality flag that no editor has approved as they stand, newest first.
    func flaggedVersions(limit: Int) async throws -> [StoredVersion]
    func statistics() async throws -> StoreStatistics
    /// Bytes the data takes on disk, for benchmarks and `status`.
    func storageBytes() async throws -> Int
}
