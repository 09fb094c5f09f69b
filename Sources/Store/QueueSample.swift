import Foundation

/// The queues waiting on machines and people, and the feeds failing, at one moment: sampled by the
/// leader every few minutes so the operator's view can chart them over a day or a month.
public struct QueueSample: Sendable, Hashable {
    public var at: Date
    /// Translation jobs waiting (due or retrying later).
    public var translationPending: Int
    /// Translation jobs that failed for good.
    public var translationFailed: Int
    /// How long the oldest due job has waited, in seconds; 0 when none is due.
    public var oldestJobSeconds: Double
    /// Items in the editors' review queue.
    public var reviewItems: Int
    /// Feeds (a source in one language) whose last poll failed.
    public var feedsFailing: Int

    public init(at: Date, translationPending: Int, translationFailed: Int, oldestJobSeconds: Double, reviewItems: Int, feedsFailing: Int = 0) {
        self.at = at
        self.translationPending = translationPending
        self.translationFailed = translationFailed
        self.oldestJobSeconds = oldestJobSeconds
        self.reviewItems = reviewItems
        self.feedsFailing = feedsFailing
    }

    /// Samples are kept this long; older ones go as new ones are recorded.
    public static let kept: TimeInterval = 40 * 86_400
}
