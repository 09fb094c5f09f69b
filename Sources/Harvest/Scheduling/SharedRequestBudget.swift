import Foundation
import Store

/// The politeness limit toward gov.kz for a whole deployment: every worker draws each request's
/// slot from one row in the shared store (`WorkLeases.reserveRequests`), so three workers together
/// send no more than one would, and a 429's Retry-After holds all of them back.
public struct SharedRequestBudget: Sendable {
    public static let govkz = "govkz"

    let leases: any WorkLeases
    let name: String
    /// Seconds between two requests of the whole deployment.
    public let spacing: TimeInterval

    public init(leases: any WorkLeases, requestsPerSecond: Double, name: String = Self.govkz) {
        self.leases = leases
        self.name = name
        spacing = requestsPerSecond > 0 ? 1 / requestsPerSecond : 0
    }

    /// Waits for this process's next slot. Throws when the store cannot be asked (no request then
    /// goes out: the budget is never guessed) or the task is cancelled.
    public func acquire() async throws {
        let slot = try await leases.reserveRequests(1, budget: name, spacing: spacing, now: Date())
        let wait = slot.timeIntervalSinceNow
        if wait > 0 { try await Task.sleep(for: .milliseconds(Int64(wait * 1000))) }
    }

    /// Holds every worker back for `seconds` (gov.kz said Retry-After).
    public func pause(for seconds: TimeInterval) async {
        try? await leases.pauseRequests(budget: name, until: Date().addingTimeInterval(seconds))
    }
}
