import Synchronization

/// How many searches run at once, and how many may wait their turn.
///
/// A search that misses the page cache holds one of the store's reader connections while it reads
/// the index. Unbounded, a storm of one-off queries took every reader, and each cached page whose
/// content generation was due for a re-read (every 250 ms) queued behind them: the front page's
/// p99 reached 200 ms. With `limit` below the number of readers, pages always find one free.
/// Searches past the limit wait in order; past `queueLimit` waiting, a search is refused at once
/// (503 with `Retry-After`), so the queue, and the time spent in it, stays bounded.
final class SearchGate: Sendable {
    let limit: Int
    let queueLimit: Int

    private struct Waiter {
        var id: UInt64
        var continuation: CheckedContinuation<Void, any Error>
    }

    private struct State: ~Copyable {
        var running = 0
        var waiting: [Waiter] = []
        var nextID: UInt64 = 0
    }

    private let state = Mutex(State())

    init(limit: Int, queueLimit: Int) {
        self.limit = max(1, limit)
        self.queueLimit = max(0, queueLimit)
    }

    /// Runs `work` when its turn comes; throws `PageError.busy` when too many are waiting already.
    func run<T: Sendable>(_ work: () async throws -> T) async throws -> T {
        try await enter()
        defer { leave() }
        return try await work()
    }

    private func enter() async throws {
        let id = state.withLock { state in
            state.nextID += 1
            return state.nextID
        }
        try await withTaskCancellationHandler {
            try await withCheckedThrowingContinuation { (continuation: CheckedContinuation<Void, any Error>) in
                let admitted: Bool? = state.withLock { state in
                    if state.running < limit {
                        state.running += 1
                        return true
                    }
                    guard state.waiting.count < queueLimit else { return false }
                    state.waiting.append(Waiter(id: id, continuation: continuation))
                    return nil
                }
                switch admitted {
                case true?: continuation.resume()
                case false?: continuation.resume(throwing: PageError.busy)
                case nil: break  // resumed by `leave`, or by cancellation
                }
            }
        } onCancel: {
            // A reader who left (a closed connection) gives up the place in the queue.
            let waiter = state.withLock { state -> Waiter? in
                guard let index = state.waiting.firstIndex(where: { $0.id == id }) else { return nil }
                return state.waiting.remove(at: index)
            }
            waiter?.continuation.resume(throwing: CancellationError())
        }
    }

    /// Hands the place to the first waiter, or frees it.
    private func leave() {
        let next = state.withLock { state -> Waiter? in
            guard !state.waiting.isEmpty else {
                state.running -= 1
                return nil
            }
            return state.waiting.removeFirst()
        }
        next?.continuation.resume()
    }

    /// Searches running and waiting, for tests.
    var load: (running: Int, waiting: Int) { state.withLock { ($0.running, $0.waiting.count) } }
}
