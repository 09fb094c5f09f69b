import Foundation
import GRDB

/// Backups of a live SQLite database: SQLite's online backup API copies it page by page from a
/// read snapshot while the site keeps serving and writing, and the copy is checked before it is
/// trusted (`integrityProblems`).
extension SQLiteStore {
    /// Copies this database to a new file at `destination`, reporting (pages done, pages in all) as
    /// it goes, then checks the copy (the file is removed if it fails). Returns the copy's size in bytes.
    @discardableResult public func backup(to destination: String, progress: @escaping @Sendable (Int, Int) -> Void) async throws -> Int {
        guard !FileManager.default.fileExists(atPath: destination) else { throw StoreFactory.BackupFailure.exists(destination) }
        do {
            let copy = try DatabaseQueue(path: destination)
            try database.backup(to: copy, pagesPerStep: 256) { step in progress(step.completedPageCount, step.totalPageCount) }
            try copy.close()
            let check = try SQLiteStore(path: destination)
            let problems = try await check.integrityProblems()
            try check.database.close()
            guard problems.isEmpty else { throw StoreFactory.BackupFailure.damaged(destination, problems) }
            // One self-contained file: checking opened it in WAL mode, which keeps a -wal file beside it.
            let single = try DatabaseQueue(path: destination)
            try await single.writeWithoutTransaction { try $0.execute(sql: "PRAGMA journal_mode = DELETE") }
            try single.close()
        } catch {
            try? FileManager.default.removeItem(atPath: destination)
            throw error
        }
        let attributes = try FileManager.default.attributesOfItem(atPath: destination)
        return (attributes[.size] as? Int) ?? 0
    }

    /// Puts a backup's content in place of this database's, after checking the backup. The pages are
    /// written through SQLite (the backup API into this file), so the file is never half-copied on
    /// disk and its WAL stays consistent; stop `serve` first, or its page cache shows what it held.
    public func restore(from backup: String, progress: @escaping @Sendable (Int, Int) -> Void) async throws {
        guard FileManager.default.fileExists(atPath: backup) else { throw StoreFactory.BackupFailure.missing(backup) }
        let source = try SQLiteStore(path: backup)
        let problems = try await source.integrityProblems()
        guard problems.isEmpty else { throw StoreFactory.BackupFailure.damaged(backup, problems) }
        try source.database.backup(to: database, pagesPerStep: 256) { step in progress(step.completedPageCount, step.totalPageCount) }
        try source.database.close()
    }

    /// What SQLite's integrity check and each search index's own check find wrong; empty when sound.
    public func integrityProblems() async throws -> [String] {
        try await write { db in
            var problems = try String.fetchAll(db, sql: "PRAGMA integrity_check").filter { $0 != "ok" }
            problems += try String.fetchAll(db, sql: "PRAGMA foreign_key_check").map { "foreign key: \($0)" }
            let indexes = try String.fetchAll(db, sql: "SELECT name FROM sqlite_master WHERE type = 'table' AND sql LIKE 'CREATE VIRTUAL TABLE % USING fts5%'")
            for index in indexes {
                do {
                    try db.execute(sql: "INSERT INTO \(index)(\(index)) VALUES ('integrity-check')")
                } catch {
                    problems.append("search index \(index): \(error)")
                }
            }
            return problems
        }
    }
}
