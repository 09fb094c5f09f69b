import Foundation
import Store
import Synchronization

/// The store's content generation as the page cache sees it: read from SQLite at most once per
/// `trust` interval. Asking the database on every request was a reader-thread round trip per cached
/// page; a page may now show a change up to that interval late, which no reader of news notices.
final class ContentGeneration: Sendable {
    private let store: any NewsStore
    private let trust: Duration
    private let known = Mutex<(value: Int64, checked: ContinuousClock.Instant)?>(nil)

    init(store: any NewsStore, trust: Duration) {
        self.store = store
        self.trust = trust
    }

    /// The generation when it was read within `trust`, without waiting; nil when it must be read
    /// again (the caller then takes the path that does).
    func currentIfFresh() -> Int64? {
        guard trust > .zero, let known = known.withLock({ $0 }), ContinuousClock.now - known.checked < trust else { return nil }
        return known.value
    }

    /// Forgets the generation read, so the next request reads it again: this node's own changes
    /// (the editors' room) show at once rather than within `trust`.
    func forget() {
        known.withLock { $0 = nil }
    }

    func current() async throws -> Int64 {
        let now = ContinuousClock.now
        if trust > .zero, let known = known.withLock({ $0 }), now - known.checked < trust { return known.value }
        let value = try await store.contentGeneration()
        known.withLock { $0 = (value, now) }
        return value
    }
}
