import Foundation
import Store
import Synchronization

/// The store's content generation as the page cache sees it. Polled, it is read from the store at
/// most once per `trust` interval (asking on every request was a round trip per cached page; a
/// page may show a change that much late, which no reader of news notices). Where the store
/// announces changes (`ChangeFeed.watchContentGeneration`), the announcements set it and a read
/// every `safetyNet` only guards against one going astray.
final class ContentGeneration: Sendable {
    private struct Known {
        var value: Int64
        var checked: ContinuousClock.Instant
    }

    private let store: any NewsStore
    private let trust: Duration
    private let safetyNet: Duration
    private let known = Mutex<Known?>(nil)
    private let listening = Atomic<Bool>(false)

    init(store: any NewsStore, trust: Duration, safetyNet: Duration = .seconds(30)) {
        self.store = store
        self.trust = trust
        self.safetyNet = safetyNet
    }

    /// Whether announcements of changes arrive now (for `/readyz`).
    var isListening: Bool { listening.load(ordering: .relaxed) }

    private var currentTrust: Duration { isListening ? max(trust, safetyNet) : trust }

    /// The generation when it was read within the trusted interval, without waiting; nil when it
    /// must be read again (the caller then takes the path that does).
    func currentIfFresh() -> Int64? {
        let trust = currentTrust
        guard trust > .zero, let known = known.withLock({ $0 }), ContinuousClock.now - known.checked < trust else { return nil }
        return known.value
    }

    /// Forgets the generation read, so the next request reads it again: this node's own changes
    /// (the editors' room) show at once.
    func forget() {
        known.withLock { $0 = nil }
    }

    func current() async throws -> Int64 {
        let now = ContinuousClock.now
        let trust = currentTrust
        if trust > .zero, let known = known.withLock({ $0 }), now - known.checked < trust { return known.value }
        let value = try await store.contentGeneration()
        known.withLock { $0 = Known(value: value, checked: now) }
        return value
    }

    /// Takes in what the store announced.
    func apply(_ change: ContentChange) {
        let now = ContinuousClock.now
        switch change {
        case .listening(let value):
            known.withLock { $0 = Known(value: value, checked: now) }
            listening.store(true, ordering: .relaxed)
        case .changed(let value):
            // Announced in commit order: the latest is the newest.
            known.withLock { $0 = Known(value: value, checked: now) }
        case .lost:
            // Until the listener is back, poll as if there were none.
            listening.store(false, ordering: .relaxed)
            known.withLock { $0 = nil }
        }
    }
}
