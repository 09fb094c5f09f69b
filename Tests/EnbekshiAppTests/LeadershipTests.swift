@testable import EnbekshiApp
import Foundation
import Logging
import Store
import Synchronization
import TestSupport
import Testing

@Suite("Leadership: once-only duties")
struct LeadershipTests {
    @Test("a duty longer than the leader's lease runs to its end under the same lease; no other process leads meanwhile")
    func longDuty() async throws {
        let database = try await TemporaryDatabase()
        let store = database.store
        let duration: TimeInterval = 2
        let clock = Mutex(Date(timeIntervalSince1970: 1_800_000_000))
        let now: @Sendable () -> Date = { clock.withLock { $0 } }
        let othersLed = Mutex(0)
        // The duty moves time on past three leases, a step of most of one at a time, each once the
        // lease was renewed, and has another process ask for the lead after each step.
        let duty = Leadership.Duty(name: "slow", interval: 3600) { lease in
            var expiry = lease.expiresAt
            for _ in 0..<4 {
                clock.withLock { $0 = $0.addingTimeInterval(duration * 0.75) }
                if (try? await store.claimLease(name: Lease.leaderName, owner: "B", now: now(), duration: duration)) != nil {
                    othersLed.withLock { $0 += 1 }
                }
                expiry = await store.renewal(of: Lease.leaderName, after: expiry, now: now)
            }
        }
        let runs = Mutex<[Int64]>([])
        let recorded = Leadership.Duty(name: "after", interval: 3600) { lease in runs.withLock { $0.append(lease.epoch) } }
        let leadership = Leadership(
            leases: store, owner: "A", duties: [duty, recorded], duration: duration, renewal: 3600, now: now, logger: Logger(label: "test"))
        let leading = Task { try await leadership.run() }
        defer { leading.cancel() }
        let deadline = ContinuousClock.now + .seconds(120)
        while runs.withLock({ $0.isEmpty }), ContinuousClock.now < deadline {
            try await Task.sleep(for: .milliseconds(50))
        }
        #expect(othersLed.withLock { $0 } == 0, "another process led while the duty ran")
        #expect(runs.withLock { $0 } == [1], "the duties did not all run under the first lease")
        #expect(try await store.heldLease(name: Lease.leaderName, now: now())?.owner == "A")
    }
}
