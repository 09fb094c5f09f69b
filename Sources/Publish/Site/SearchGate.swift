import Synchronization

/// How many searches may run at once. A search that misses the page cache reads the index on the
/// cores that also answer cached pages; past the limit a search is refused at once (503 with
/// `Retry-After`) instead of queueing, so a storm of one-off queries cannot make every page slow.
final class SearchGate: Sendable {
    let limit: Int
    private let running = Atomic<Int>(0)

    init(limit: Int) {
        self.limit = max(1, limit)
    }

    /// Runs `work` when a place is free; throws `PageError.busy` when none is.
    func run<T: Sendable>(_ work: () async throws -> T) async throws -> T {
        guard running.add(1, ordering: .acquiring).newValue <= limit else {
            running.subtract(1, ordering: .releasing)
            throw PageError.busy
        }
        defer { running.subtract(1, ordering: .releasing) }
        return try await work()
    }
}
