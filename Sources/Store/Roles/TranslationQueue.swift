import EnbekshiCore
import Foundation

/// Machine translation: the jobs that fill missing editions, their results, the paragraph cache
/// and the glosses of foreign runs.
public protocol TranslationQueue: Sendable {
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
}
