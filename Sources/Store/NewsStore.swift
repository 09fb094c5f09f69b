import EnbekshiCore
import Foundation

/// What became of a version handed to the store.
public enum SaveOutcome: Sendable, Equatable {
    /// A language version we did not have.
    case inserted
    /// Same content as stored: nothing was written.
    case unchanged
    /// Changed at the source: our copy was updated and the previous original kept in history.
    case updated
}

/// The storage seam: every role the product needs of a database, in one value. Each role has its
/// own contract tests, run on every engine; code that needs one role takes that role.
public protocol NewsStore: SourceRegistry, ArticleRepository, ListingReader, VersionMaintenance, TranslationQueue,
    StoryRepository, SearchIndex, HarvestLedger, ChangeFeed, EditorAccounts, AuditTrail,
    ArticleModeration, ArticleCorrections, NewsroomArticles, StoryEditing, ReviewQueue, SourceCorrections, WorkLeases, HarvestFigures, QueueFigures, Readership,
    PictureLibrary
{
    /// Creates or upgrades the schema. Safe to call on every start.
    func migrate() async throws
    /// Every schema step, in order.
    var migrationSteps: [String] { get }
    /// Schema steps not applied yet, in order: some read a whole large database, so callers say so
    /// before `migrate`.
    func pendingMigrations() async throws -> [String]
    /// Where the data is, for logs: a file path, or a server address without its password.
    var location: String { get }
    /// Waits until the store answers, or throws why it cannot: a server that refuses us or does
    /// not answer in time. Commands call it first, so a wrong URL or password is an error, not a hang.
    func connect() async throws
    /// Ends the store's connections (a server's pool); nothing is answered after.
    func shutdown() async
}

extension NewsStore {
    public func connect() async throws {}
    public func shutdown() async {}
}

/// A version with the article it belongs to, for maintenance commands.
public struct StoredVersion: Sendable, Hashable {
    public var articleID: Int64
    public var key: ArticleKey
    public var version: ArticleVersion

    public init(articleID: Int64, key: ArticleKey, version: ArticleVersion) {
        self.articleID = articleID
        self.key = key
        self.version = version
    }

    public var cursor: VersionCursor { VersionCursor(articleID: articleID, language: version.language) }
}

/// A position in the stable order of all versions.
public struct VersionCursor: Sendable, Hashable {
    public var articleID: Int64
    public var language: Language

    public init(articleID: Int64, language: Language) {
        self.articleID = articleID
        self.language = language
    }
}

/// What a listing is narrowed to.
public enum ListingFilter: Sendable, Hashable {
    case section(Section)
    case region(String)
    case source(String)
    /// One day's news (Kazakhstan wall time).
    case day(Day)
    /// Articles with a version in this language that has a headline: gov.kz's own, or a machine
    /// translation (an edition's own news).
    case inLanguage(Language)
    /// Articles with no such version (an edition shows them apart, as not yet in its language).
    case notInLanguage(Language)
}
