import EnbekshiCore
import Foundation
@testable import Store
import Synchronization
import TestSupport
import Testing

/// PostgreSQL announces every change of the content generation to every process (LISTEN/NOTIFY);
/// the listener survives losing its connection and catches up on what it missed.
@Suite("PostgreSQL change announcements", .enabled(if: !TemporaryPostgres.isOff, "ENBEKSHI_TEST_POSTGRES=off"))
struct PostgresChangeFeedTests {
    final class Events: Sendable {
        let all = Mutex<[ContentChange]>([])
        func add(_ change: ContentChange) { all.withLock { $0.append(change) } }
        var list: [ContentChange] { all.withLock { $0 } }

        /// Waits up to `seconds` for an event `matching`.
        func wait(seconds: Double = 5, _ matching: (ContentChange) -> Bool) async throws -> Bool {
            let end = ContinuousClock.now + .milliseconds(Int64(seconds * 1000))
            while ContinuousClock.now < end {
                if list.contains(where: matching) { return true }
                try await Task.sleep(for: .milliseconds(20))
            }
            return false
        }
    }

    @Test("another process's commit is announced with the new generation; after the connection is killed the listener reconnects and reads what it missed")
    func announcements() async throws {
        let database = try await TemporaryPostgres()
        let node = database.store
        let other = try PostgresStore(url: database.url)
        let neighbour = try await TemporaryPostgres()
        let events = Events()
        let listening = Task { try await node.watchContentGeneration { events.add($0) } }
        defer { listening.cancel() }
        #expect(try await events.wait { if case .listening = $0 { true } else { false } })

        _ = try await other.save(NewsStoreContractTests.version(.ru, title: "Первая", hash: "1"), for: ArticleKey(project: "mod", govkzID: "1"))
        let first = try await other.contentGeneration()
        #expect(try await events.wait { $0 == .changed(first) }, "\(events.list)")
        // A change in another schema of the same database is not ours.
        _ = try await neighbour.store.save(NewsStoreContractTests.version(.ru, title: "Чужая", hash: "x"), for: ArticleKey(project: "mod", govkzID: "9"))
        try await Task.sleep(for: .milliseconds(300))
        #expect(events.list.filter { if case .changed = $0 { true } else { false } } == [.changed(first)])

        // The listening connection is killed, and a change is committed while it may be down.
        let killed = try await other.rows(
            """
            SELECT pg_terminate_backend(pid) AS done FROM pg_stat_activity
            WHERE datname = current_database() AND pid <> pg_backend_pid()
            AND query LIKE '%current_schema() AS schema, value FROM content_generation%'
            """)
        #expect(!killed.isEmpty)
        _ = try await other.save(NewsStoreContractTests.version(.ru, title: "Вторая", hash: "2"), for: ArticleKey(project: "mod", govkzID: "2"))
        let second = try await other.contentGeneration()
        #expect(try await events.wait { if case .lost = $0 { true } else { false } }, "\(events.list)")
        // Whether the change was announced or happened while no one listened, the listener ends up knowing it.
        #expect(
            try await events.wait { change in
                switch change {
                case .listening(let value), .changed(let value): value >= second
                case .lost: false
                }
            }, "\(events.list)")
        await other.shutdown()
    }
}
