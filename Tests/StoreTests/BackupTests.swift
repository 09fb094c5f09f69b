import EnbekshiCore
import Foundation
import Synchronization
import Store
import TestSupport
import Testing

/// `enbekshi backup` and `restore` on SQLite, and a PostgreSQL dump that restores into a working store.
@Suite("Backups")
struct BackupTests {
    static func save(_ store: any NewsStore, _ id: Int, title: String) async throws {
        _ = try await store.save(
            NewsStoreContractTests.version(.ru, title: title, body: "<p>\(title): декларации принимаются до 31 марта.</p>", hash: "h\(id)"),
            for: ArticleKey(project: "kgd-zhetysu", govkzID: String(id)))
    }

    static func found(_ store: any NewsStore, _ word: String) async throws -> Int {
        try await store.search(SearchRequest(query: try SearchQuery(word)), limit: 1_000, offset: 0).hits.count
    }

    @Test("a backup taken while articles are being written is a sound copy, searchable, with progress; restoring it puts that content back")
    func backupWhileWriting() async throws {
        let database = try await TemporaryDatabase()
        for id in 0..<200 { try await Self.save(database.store, id, title: "Налоговая новость \(id)") }
        let writer = Task {
            for id in 200..<400 { try await Self.save(database.store, id, title: "Поздняя новость \(id)") }
        }
        let copy = database.directory.appendingPathComponent("copy.sqlite").path
        let steps = Counter()
        let bytes = try await StoreFactory.backup(database.path, to: copy) { done, total in steps.add(done <= total ? 1 : 1_000_000) }
        try await writer.value
        #expect(bytes > 0 && steps.value >= 1 && steps.value < 1_000_000)
        // One self-contained file: nothing beside it that a copy of the file alone would lose.
        #expect(!FileManager.default.fileExists(atPath: copy + "-wal") && !FileManager.default.fileExists(atPath: copy + "-shm"))

        let restored = try SQLiteStore(path: copy)
        #expect(try await restored.integrityProblems().isEmpty)
        let articles = try await restored.statistics().articles
        #expect(articles >= 200 && articles <= 400)
        #expect(try await Self.found(restored, "налоговая") == 200)

        // Refused: an existing file, a missing database, a server.
        await #expect(throws: StoreFactory.BackupFailure.self) { try await StoreFactory.backup(database.path, to: copy) { _, _ in } }
        await #expect(throws: StoreFactory.BackupFailure.self) {
            try await StoreFactory.backup(database.directory.appendingPathComponent("none.sqlite").path, to: copy + "2") { _, _ in }
        }
        await #expect(throws: StoreFactory.ServerBackup.self) { try await StoreFactory.backup("postgres://u:p@127.0.0.1:1/db", to: copy + "3") { _, _ in } }

        // Restore into the live file: the copy's content, and what was there kept beside it.
        let keep = database.directory.appendingPathComponent("kept.sqlite").path
        try await StoreFactory.restore(database.path, from: copy, keep: keep) { _, _ in }
        let reopened = try await database.reopen()
        #expect(try await reopened.statistics().articles == articles)
        #expect(try await SQLiteStore(path: keep).statistics().articles == 400)
    }

    @Test("a file that is not a sound database is refused before anything changes")
    func damagedBackup() async throws {
        let database = try await TemporaryDatabase()
        try await Self.save(database.store, 1, title: "Налоговая новость")
        let garbage = database.directory.appendingPathComponent("garbage.sqlite").path
        try Data("not a database at all".utf8).write(to: URL(fileURLWithPath: garbage))
        let keep = database.directory.appendingPathComponent("kept.sqlite").path
        await #expect(throws: StoreFactory.BackupFailure.self) { try await StoreFactory.restore(database.path, from: garbage, keep: keep) { _, _ in } }
        #expect(!FileManager.default.fileExists(atPath: keep))
        #expect(try await database.store.statistics().articles == 1)
    }

    @Test("pg_dump of a live store, pg_restore after it is dropped: the store works again", .enabled(if: !TemporaryPostgres.isOff, "ENBEKSHI_TEST_POSTGRES=off"))
    func postgresDump() async throws {
        let database = try await TemporaryPostgres()
        for id in 0..<20 { try await Self.save(database.store, id, title: "Налоговая новость \(id)") }
        let server = try TemporaryPostgres.serverURL()
        let schema = try #require(URLComponents(string: database.url)?.queryItems?.first { $0.name == "search_path" }?.value)
        let dump = FileManager.default.temporaryDirectory.appendingPathComponent("enbekshi-\(UUID().uuidString).dump").path
        defer { try? FileManager.default.removeItem(atPath: dump) }
        try Self.run("pg_dump", ["--format=custom", "--schema=\(schema)", "--file=\(dump)", server])
        await database.store.shutdown()
        try Self.run("psql", ["--quiet", "--command=DROP SCHEMA \(schema) CASCADE", server])
        try Self.run("pg_restore", ["--dbname=\(server)", "--no-owner", dump])

        let restored = try PostgresStore(url: database.url)
        #expect(try await restored.pendingMigrations().isEmpty)
        #expect(try await restored.statistics().articles == 20)
        #expect(try await Self.found(restored, "налоговая") == 20)
        // And it takes new writes (its sequences came back too).
        try await Self.save(restored, 99, title: "Новая новость")
        #expect(try await restored.statistics().articles == 21)
        await restored.shutdown()
    }

    static func run(_ tool: String, _ arguments: [String]) throws {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = [tool] + arguments
        let errors = Pipe()
        process.standardError = errors
        try process.run()
        process.waitUntilExit()
        let message = String(decoding: errors.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        guard process.terminationStatus == 0 else { throw ToolFailed(tool: tool, message: message) }
    }

    struct ToolFailed: Error, CustomStringConvertible {
        var tool: String
        var message: String
        var description: String { "\(tool) failed: \(message)" }
    }
}

/// Counts calls from any thread.
final class Counter: Sendable {
    private let count = Mutex(0)
    func add(_ value: Int) { count.withLock { $0 += value } }
    var value: Int { count.withLock { $0 } }
}
