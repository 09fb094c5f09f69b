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
    /// Pending jobs due by `now`, oldest first (a look at the queue; workers claim instead).
    func dueTranslationJobs(now: Date, limit: Int) async throws -> [TranslationJob]
    /// Claims up to `limit` pending jobs due by `dueBy`, oldest first, that no worker holds at `now`
    /// (or whose holder let the lease expire), each for `duration` seconds under a new epoch. Two
    /// workers claiming at once never get the same job.
    func claimTranslationJobs(owner: String, dueBy: Date, now: Date, limit: Int, duration: TimeInterval) async throws -> [TranslationJob]
    /// Marks a claimed job done, storing its translation (if any) in the same transaction, as
    /// `saveTranslation` does. False, writing nothing, when the job was taken over meanwhile.
    @discardableResult func finishTranslationJob(_ job: TranslationJob, saving translation: ArticleVersion?) async throws -> Bool
    /// Records a failed attempt of a claimed job and frees it; `retryAt` nil marks it failed for
    /// good. False, writing nothing, when the job was taken over meanwhile.
    @discardableResult func failTranslationJob(_ job: TranslationJob, error: String, retryAt: Date?) async throws -> Bool
    func translationQueueCounts() async throws -> TranslationQueueCounts
    /// Cached translations of paragraphs by source-text hash, for one engine and language pair.
    func cachedTranslations(hashes: [String], from: Language, to: Language, engine: String) async throws -> [String: String]
    func cacheTranslations(_ texts: [String: String], from: Language, to: Language, engine: String) async throws
    /// Glosses of runs into `target`, by run text; runs never glossed are absent.
    func glosses(of runs: [String], to target: Language) async throws -> [String: Gloss]
    /// Stores glosses, replacing an earlier gloss of the same run into the same language.
    func saveGlosses(_ glosses: [Gloss]) async throws
}
