import Foundation
import Store
import TestSupport
import Testing

/// The leader's samples of the queues, on every engine: read back oldest first from a moment on,
/// one per moment, and dropped once older than `QueueSample.kept`.
@Suite("QueueFigures contract")
struct QueueFiguresContractTests {
    static let at = Date(timeIntervalSince1970: 1_800_000_000)

    static func sample(_ offset: TimeInterval, pending: Int, review: Int) -> QueueSample {
        QueueSample(
            at: at.addingTimeInterval(offset), translationPending: pending, translationFailed: 1, oldestJobSeconds: 42.5, reviewItems: review,
            feedsFailing: review + 1)
    }

    @Test("samples read back in order from a moment; a repeated moment replaces; old ones are dropped", arguments: StoreImplementation.allCases)
    func samples(_ implementation: StoreImplementation) async throws {
        let (store, lifetime) = try await implementation.make()
        defer { withExtendedLifetime(lifetime) {} }
        #expect(try await store.queueSamples(since: .distantPast).isEmpty)
        try await store.recordQueueSample(Self.sample(600, pending: 7, review: 3))
        try await store.recordQueueSample(Self.sample(0, pending: 5, review: 2))
        try await store.recordQueueSample(Self.sample(300, pending: 9, review: 4))
        try await store.recordQueueSample(Self.sample(300, pending: 8, review: 4))

        let all = try await store.queueSamples(since: .distantPast)
        #expect(all.map(\.at) == [0, 300, 600].map { Self.at.addingTimeInterval($0) })
        #expect(all.map(\.translationPending) == [5, 8, 7])
        #expect(all.first == Self.sample(0, pending: 5, review: 2))
        #expect(all.map(\.feedsFailing) == [3, 5, 4])
        #expect(try await store.queueSamples(since: Self.at.addingTimeInterval(300)).map(\.reviewItems) == [4, 3])

        try await store.recordQueueSample(Self.sample(QueueSample.kept + 450, pending: 1, review: 1))
        #expect(
            try await store.queueSamples(since: .distantPast).map(\.at) == [600, QueueSample.kept + 450].map { Self.at.addingTimeInterval($0) },
            "samples older than what is kept go")
    }
}
