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

/// The storage seam. SQLite implements it now; a PostgreSQL store will implement the same contract,
/// so keep queries portable and behaviour defined here, not in the implementation.
public protocol NewsStore: Sendable {
    /// Creates or upgrades the schema. Safe to call on every start.
    func migrate() async throws

    // MARK: Sources
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

    // MARK: Articles
    /// Stores a version under its own language and remembers that gov.kz sent it in answer to a
    /// request for `requested` (the two differ when gov.kz answers in another language).
    /// With `topics`, the article's section and region are stored in the same transaction, before
    /// the text is indexed (the search rows carry them as filter tokens).
    func save(_ version: ArticleVersion, for key: ArticleKey, requested: Language, topics: ArticleTopics?) async throws
        -> SaveOutcome
    /// Saves versions as `save` does, in order and in one transaction (a page of a feed, a bulk
    /// load); a copy's `copyOf` puts it into that article's story. Returns each outcome and article id.
    @discardableResult func saveBatch(_ batch: [BulkArticle]) async throws -> [(outcome: SaveOutcome, articleID: Int64)]
    /// Content hashes of what gov.kz answered to these requests (any mix of projects and languages,
    /// read together); requests never answered are absent.
    func storedHashes(of keys: [FetchKey]) async throws -> [FetchKey: String]
    /// Articles that can be shown (at least one version with a headline), newest first, for listings:
    /// each version's `bodyHTML` holds the body (enough for a lead), and
    /// `originalHTML` and `rawJSON` are nil. `article(id:)` returns versions in full.
    func latestArticles(limit: Int, offset: Int, filter: ListingFilter?) async throws -> [Article]
    /// Listed articles of a listing, one per story, counted up to `limit` when one is given (so a
    /// page count never walks a million rows).
    func publishedArticleCount(filter: ListingFilter?, limit: Int?) async throws -> Int
    /// The stories published from `fromDay` on that the most bodies published, most first, then newest;
    /// only stories with at least `minimumPublishers`. Each is given by its first article.
    func topStories(fromDay: String, minimumPublishers: Int, limit: Int) async throws -> [Article]
    /// The day of the newest listed article, nil when there is none.
    func newestDay() async throws -> String?
    /// The nearest days before and after `day` (`YYYY-MM-DD`) with listed news, nil where there is none.
    func daysWithNews(around day: String) async throws -> (before: String?, after: String?)
    /// Records where an article belongs (replacing an earlier classification).
    func saveTopics(_ topics: ArticleTopics, articleID: Int64) async throws
    func article(id: Int64) async throws -> Article?
    func article(key: ArticleKey) async throws -> Article?
    /// Our id of an article, without loading its versions.
    func articleID(for key: ArticleKey) async throws -> Int64?
    /// Previous originals of one version, newest first.
    func history(articleID: Int64, language: Language) async throws -> [VersionHistoryEntry]

    // MARK: Maintenance (reclean, audit, review)
    /// Every stored version in a stable order, a batch at a time: pass the last one seen as `after`.
    func versions(after: VersionCursor?, limit: Int) async throws -> [StoredVersion]
    /// Replaces what cleaning derives from the original (headline, body, flags) without touching the
    /// original or its history: the source did not change, our cleaning did.
    func updateCleaned(articleID: Int64, language: Language, title: String, bodyHTML: String, flags: [QualityFlag])
        async throws
    /// Versions with at least one quality flag, newest first.
    func flaggedVersions(limit: Int) async throws -> [StoredVersion]

    // MARK: Machine translation
    /// Stores a machine translation. Returns false, storing nothing, when gov.kz's own version in that
    /// language exists: a source version always wins.
    func saveTranslation(_ version: ArticleVersion, articleID: Int64) async throws -> Bool
    /// Queues a job unless one for (article, target) exists. Returns whether it was added.
    @discardableResult func enqueueTranslation(articleID: Int64, from source: Language, to target: Language)
        async throws -> Bool
    /// Pending jobs due by `now`, oldest first.
    func dueTranslationJobs(now: Date, limit: Int) async throws -> [TranslationJob]
    func finishTranslationJob(id: Int64) async throws
    /// Records a failed attempt; `retryAt` nil marks the job failed for good.
    func failTranslationJob(id: Int64, error: String, retryAt: Date?) async throws
    func translationQueueCounts() async throws -> TranslationQueueCounts
    /// Cached translations of paragraphs by source-text hash, for one engine and language pair.
    func cachedTranslations(hashes: [String], from: Language, to: Language, engine: String) async throws -> [String: String]
    func cacheTranslations(_ texts: [String: String], from: Language, to: Language, engine: String) async throws
    /// Glosses of runs into `target`, by run text; runs never glossed are absent.
    func glosses(of runs: [String], to target: Language) async throws -> [String: Gloss]
    /// Stores glosses, replacing an earlier gloss of the same run into the same language.
    func saveGlosses(_ glosses: [Gloss]) async throws

    // MARK: Stories
    /// Fingerprints of the articles in one language published between two days (inclusive), day by
    /// day. At most 32 days at once (story detection reads a batch's windows a month at a time).
    func fingerprints(language: Language, fromDay: String, toDay: String) async throws
        -> [StoredFingerprint]
    /// The story each article belongs to (its own id when it has none).
    func storyLeaders(of articleIDs: [Int64]) async throws -> [Int64: Int64]
    /// Stores fingerprints with the story each joins and the articles each relates to, in order and
    /// in one transaction; each text so placed is no longer owed its links.
    func saveStoryLinks(_ links: [StoryLinks]) async throws
    /// Texts saved by `saveBatch` whose story links were never written (the process was stopped
    /// between the two transactions), oldest first.
    func pendingStoryTexts(limit: Int) async throws -> [PendingStoryText]
    /// Puts `articleID` into the story of `other` (which becomes its leader if it had no story).
    func joinStory(articleID: Int64, with other: Int64) async throws
    /// The articles of a story, leader first.
    func storyMembers(storyID: Int64) async throws -> [(id: Int64, key: ArticleKey)]
    /// Publishing bodies of each story, in the order their copies were stored.
    func storyPublishers(storyIDs: [Int64]) async throws -> [Int64: [String]]
    /// Links two articles of different stories on one subject, both ways, with their similarity.
    func relate(_ articleID: Int64, to others: [(id: Int64, score: Double)]) async throws
    /// Articles related to this one (not of its story), most similar first.
    func relatedArticles(to articleID: Int64, limit: Int) async throws -> [Int64]

    /// Articles in full (every version), newest first, for the JSON API and exports.
    func articles(_ query: ArticleQuery, limit: Int) async throws -> [Article]

    // MARK: Caching
    /// A number that changes whenever anything a page shows changes (articles, versions, topics,
    /// stories, sources, harvest health): rendered pages are reused while it stays the same.
    func contentGeneration() async throws -> Int64

    // MARK: Sitemap
    /// Months with listed news, newest first.
    func sitemapMonths() async throws -> [SitemapMonth]
    /// The listed articles of one month (`YYYY-MM`), newest first, at most 50,000.
    func sitemapEntries(month: String) async throws -> [SitemapEntry]

    // MARK: Search
    /// Articles whose text in any language matches, one per story, newest first or by relevance.
    func search(_ request: SearchRequest, limit: Int, offset: Int) async throws -> SearchResults
    /// Rebuilds the search index from the stored versions.
    func reindexSearch(progress: @Sendable (Language, Int) -> Void) async throws

    // MARK: Harvest state
    func harvestState(source: String, language: Language) async throws -> HarvestState?
    /// Every feed's harvest state.
    func harvestStates() async throws -> [HarvestState]
    func record(_ state: HarvestState) async throws
    /// Versions per feed published since a moment (gov.kz's own, not translations): how busy each
    /// feed is, for the poll schedule.
    func feedActivity(since: Date) async throws -> [FeedActivity]

    func statistics() async throws -> StoreStatistics
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
    /// One day's news (`YYYY-MM-DD`, Kazakhstan wall time).
    case day(String)
}

extension NewsStore {
    public func save(_ version: ArticleVersion, for key: ArticleKey, requested: Language) async throws -> SaveOutcome {
        try await save(version, for: key, requested: requested, topics: nil)
    }

    public func latestArticles(limit: Int, offset: Int) async throws -> [Article] {
        try await latestArticles(limit: limit, offset: offset, filter: nil)
    }

    public func publishedArticleCount(filter: ListingFilter?) async throws -> Int {
        try await publishedArticleCount(filter: filter, limit: nil)
    }

    public func publishedArticleCount() async throws -> Int {
        try await publishedArticleCount(filter: nil, limit: nil)
    }
}
