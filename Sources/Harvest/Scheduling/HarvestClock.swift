import Foundation
import Synchronization

/// The time the polling loop lives in: the wall clock in `serve`, a simulated one in the freshness
/// benchmark, which runs days of publishing in minutes.
public protocol HarvestClock: Sendable {
    var now: Date { get }
    func sleep(until: Date) async throws
}

public struct WallClock: HarvestClock {
    public init() {}
    public var now: Date { Date() }
    public func sleep(until: Date) async throws {
        let seconds = until.timeIntervalSinceNow
        if seconds > 0 { try await Task.sleep(for: .milliseconds(Int64(seconds * 1000))) }
    }
}

/// A clock that only moves when the loop sleeps: each sleep jumps straight to its end. The freshness
/// simulator and the scheduling tests run on it.
public final class ManualClock: HarvestClock {
    private let time: Mutex<Date>

    public init(_ start: Date) { time = Mutex(start) }

    public var now: Date { time.withLock { $0 } }

    public func sleep(until: Date) async throws {
        try Task.checkCancellation()
        time.withLock { $0 = max($0, until) }
        // A loop that only "sleeps" on this clock would otherwise hold a cooperative thread
        // for as long as it runs, starving every other task of the process.
        await Task.yield()
    }
}
