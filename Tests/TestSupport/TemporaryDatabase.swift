import Foundation
import Store

/// A real SQLite file in a fresh temporary folder, migrated, removed when the value is released.
public final class TemporaryDatabase: Sendable {
    public let directory: URL
    public let path: String
    public let store: SQLiteStore

    public init() async throws {
        directory = FileManager.default.temporaryDirectory.appendingPathComponent("enbekshi-test-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        path = directory.appendingPathComponent("test.sqlite").path
        store = try SQLiteStore(path: path)
        try await store.migrate()
    }

    /// Opens the same file again, as a restarted process would.
    public func reopen() async throws -> SQLiteStore {
        let store = try SQLiteStore(path: path)
        try await store.migrate()
        return store
    }

    deinit {
        try? FileManager.default.removeItem(at: directory)
    }
}
