import Foundation

/// A request the fake received, for tests to inspect (headers sent, spacing in time, retries).
public struct RecordedRequest: Sendable {
    public var method: String
    public var path: String
    public var query: [String: String]
    /// Header values by lower-cased name.
    public var headers: [String: String]
    public var receivedAt: ContinuousClock.Instant
    public var status: Int

    /// A header by name, in any case.
    public func header(_ name: String) -> String? { headers[name.lowercased()] }

    public var project: String? {
        query["projects"].map { $0.hasPrefix("eq:") ? String($0.dropFirst(3)) : $0 }
    }
}
