import EnbekshiCore
import Foundation

/// A persisted request to translate one article into one language. Jobs survive restarts.
public struct TranslationJob: Sendable, Hashable {
    public enum State: String, Sendable {
        case pending, done, failed
    }

    public var id: Int64
    public var articleID: Int64
    public var source: Language
    public var target: Language
    public var state: State
    public var attempts: Int
    public var lastError: String?
    public var nextAttemptAt: Date
    /// Who holds the job and under which epoch, once claimed (`TranslationQueue.claimTranslationJobs`):
    /// finishing or failing it is fenced by both.
    public var leaseOwner: String?
    public var leaseEpoch: Int64

    public init(
        id: Int64, articleID: Int64, source: Language, target: Language, state: State, attempts: Int, lastError: String?,
        nextAttemptAt: Date, leaseOwner: String? = nil, leaseEpoch: Int64 = 0
    ) {
        self.leaseOwner = leaseOwner
        self.leaseEpoch = leaseEpoch
        self.id = id
        self.articleID = articleID
        self.source = source
        self.target = target
        self.state = state
        self.attempts = attempts
        self.lastError = lastError
        self.nextAttemptAt = nextAttemptAt
    }
}

/// How many jobs are in each state.
public struct TranslationQueueCounts: Sendable, Hashable {
    public var pending: Int
    public var done: Int
    public var failed: Int

    public init(pending: Int, done: Int, failed: Int) {
        self.pending = pending
        self.done = done
        self.failed = failed
    }
}
