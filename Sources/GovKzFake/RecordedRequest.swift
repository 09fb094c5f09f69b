import Foundation

/// A request the fake received, for tests to inspect (headers sent, spacing in time, retries).
public struct RecordedRequest: Sendable {
    public var method: String
    public var path: String
    public var query: [String: String]
    public var headers: [String: String]
    public var receivedAt: ContinuousClock.Instant
    public var status: Int

    public var project: String? {
        query["projects"].map { $0.hasPrefix("eq:") ? String($0.dropFirst(3)) : $0 }
    }
}
