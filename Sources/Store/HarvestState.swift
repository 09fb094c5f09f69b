import EnbekshiCore
import Foundation

/// What the harvester knows about one (source, language) feed.
public struct HarvestState: Sendable, Hashable {
    public var source: String
    public var language: Language
    public var lastAttemptAt: Date?
    public var lastSuccessAt: Date?
    public var lastErrorAt: Date?
    public var lastError: String?
    /// Newest `created_date` (local wall time) seen in this feed.
    public var newestSeen: String?
    public var itemsStored: Int
    /// Failed fetches since the last success.
    public var consecutiveFailures: Int

    public init(
        source: String, language: Language, lastAttemptAt: Date? = nil, lastSuccessAt: Date? = nil,
        lastErrorAt: Date? = nil, lastError: String? = nil, newestSeen: String? = nil, itemsStored: Int = 0,
        consecutiveFailures: Int = 0
    ) {
        self.source = source
        self.language = language
        self.lastAttemptAt = lastAttemptAt
        self.lastSuccessAt = lastSuccessAt
        self.lastErrorAt = lastErrorAt
        self.lastError = lastError
        self.newestSeen = newestSeen
        self.itemsStored = itemsStored
        self.consecutiveFailures = consecutiveFailures
    }
}
