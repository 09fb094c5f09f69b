import Foundation

/// Spaces requests evenly: at most `perSecond` start each second, shared by every task.
public actor RateLimiter {
    private let interval: Duration
    private var nextSlot: ContinuousClock.Instant
    private let clock = ContinuousClock()

    public init(perSecond: Double) {
        let seconds = perSecond > 0 ? 1 / perSecond : 0
        interval = .nanoseconds(Int64(seconds * 1_000_000_000))
        nextSlot = clock.now
    }

    /// Waits for the next free slot. Throws when the task is cancelled.
    public func acquire() async throws {
        let now = clock.now
        let slot = max(now, nextSlot)
        nextSlot = slot + interval
        if slot > now {
            try await Task.sleep(until: slot, clock: clock)
        }
    }

    /// Pushes every later request back, e.g. after a 429 with Retry-After.
    public func pause(for duration: Duration) {
        nextSlot = max(nextSlot, clock.now + duration)
    }
}
