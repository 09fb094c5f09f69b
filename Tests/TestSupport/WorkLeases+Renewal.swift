import Foundation
import Store

extension WorkLeases {
    /// Waits for the named lease to be renewed past `expiry` (at `now` on the test's clock) and
    /// returns its new expiry; `expiry` again when no renewal came within `within`. Tests of work
    /// that outlasts its lease move a virtual clock on only after each renewal, so however late a
    /// loaded machine runs the renewals, only their absence can fail them.
    public func renewal(of name: String, after expiry: Date, now: @Sendable () -> Date, within: Duration = .seconds(20)) async -> Date {
        let deadline = ContinuousClock.now + within
        while ContinuousClock.now < deadline, !Task.isCancelled {
            if let held = try? await heldLease(name: name, now: now()), held.expiresAt > expiry { return held.expiresAt }
            try? await Task.sleep(for: .milliseconds(50))
        }
        return expiry
    }
}
