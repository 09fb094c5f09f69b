import Foundation

/// The leader's samples of the translation backlog and the review queue, for the operator's view
/// and `/metrics` on every node (the review queue is composed by the editors' room, which web-only
/// and worker processes do not run on each scrape).
public protocol QueueFigures: Sendable {
    /// Stores a sample (one per moment: a second sample at the same moment replaces the first) and
    /// drops those older than `QueueSample.kept`.
    func recordQueueSample(_ sample: QueueSample) async throws
    /// Samples since a moment, oldest first.
    func queueSamples(since: Date) async throws -> [QueueSample]
}
