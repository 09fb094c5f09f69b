import EnbekshiCore
import Foundation
import GRDB
@testable import Store
import TestSupport
import Testing

/// What only the SQLite file store has to show: data on disk survives a restart.
@Suite("SQLiteStore")
struct SQLiteStoreTests {
    @Test("articles survive closing and reopening the file")
    func persistence() async throws {
        let database = try await TemporaryDatabase()
        let key = ArticleKey(project: "mod", govkzID: "1127751")
        _ = try await database.store.save(NewsStoreContractTests.version(.en, title: "Memorandum"), for: key)
        let reopened = try await database.reopen()
        let article = try #require(try await reopened.article(key: key))
        #expect(article.versions[.en]?.title == "Memorandum")
        #expect(FileManager.default.fileExists(atPath: database.path + "-wal") || FileManager.default.fileExists(atPath: database.path))
    }

    @Test("migrating twice is harmless")
    func migrateTwice() async throws {
        let database = try await TemporaryDatabase()
        try await database.store.migrate()
        try await database.store.migrate()
        #expect(try await database.store.statistics().articles == 0)
    }

    @Test("the migrations still to run are listed in order, and none once migrated")
    func pendingMigrations() async throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("enbekshi-pending-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        let store = try SQLiteStore(path: directory.appendingPathComponent("p.sqlite").path)
        #expect(try await store.pendingMigrations() == SQLiteStore.migrations)
        try SQLiteStore.migrator.migrate(store.database, upTo: "v10: index-only search tables over views; bodies deflated")
        #expect(try await store.pendingMigrations() == ["v11: index forms for prefix search", "v12: texts owed their story links", "v13: glosses of foreign runs",
            "v14: the newsroom's accounts, sessions and audit trail", "v15: articles hidden and corrected by the newsroom",
            "v16: versions an editor approved as they stand", "v17: the newsroom's own articles", "v18: the newsroom's story decisions",
            "v19: the review queue's uncertain topics, reviewed sources, source corrections, sign-in codes",
            "v20: leases, the shared request budget, harvest figures", "v21: samples of the translation backlog, the review queue and the feeds failing", "v22: views of article pages per day",
            "v23: pictures, queued from articles' lead pictures, and their stored sizes",
        ])
        try await store.migrate()
        #expect(try await store.pendingMigrations().isEmpty)
    }

    /// Every table, view, index and trigger with its SQL, in a stable order.
    static func schema(_ database: some DatabaseReader) throws -> String {
        try database.read { db in
            try Row.fetchAll(db, sql: "SELECT type, name, sql FROM sqlite_master WHERE name NOT LIKE 'sqlite_%' ORDER BY type, name")
                .map { row -> String in
                    let type: String = row["type"], name: String = row["name"], sql: String? = row["sql"]
                    return "-- \(type) \(name)\n\(sql ?? "")\n"
                }
                .joined(separator: "\n")
        }
    }

    static func emptyStore() throws -> (store: SQLiteStore, directory: URL) {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("enbekshi-schema-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        return (try SQLiteStore(path: directory.appendingPathComponent("s.sqlite").path), directory)
    }

    @Test("a new database has the schema the migration steps were frozen with (Tests/StoreTests/sqlite-schema.sql)")
    func frozenSchema() async throws {
        let (store, directory) = try Self.emptyStore()
        defer { try? FileManager.default.removeItem(at: directory) }
        try await store.migrate()
        let golden = try #require(Bundle.module.url(forResource: "sqlite-schema", withExtension: "sql"))
        let expected = try String(contentsOf: golden, encoding: .utf8)
        // A new step appends to the file; a change to an earlier step is a bug: databases made before it differ.
        #expect(try Self.schema(store.database) == expected, "the schema differs from sqlite-schema.sql")
    }

    @Test("a database stopped after any step and migrated later ends with the schema of a new one")
    func upgradesMatchNewDatabases() async throws {
        let (fresh, directory) = try Self.emptyStore()
        defer { try? FileManager.default.removeItem(at: directory) }
        try await fresh.migrate()
        let expected = try Self.schema(fresh.database)
        for step in SQLiteStore.migrations.dropLast() {
            let (old, oldDirectory) = try Self.emptyStore()
            defer { try? FileManager.default.removeItem(at: oldDirectory) }
            try SQLiteStore.migrator.migrate(old.database, upTo: step)
            #expect(try Self.schema(old.database) != expected, "\(step)")
            try await old.migrate()
            #expect(try Self.schema(old.database) == expected, "upgraded from \(step)")
        }
    }

    @Test("the bundled catalog seeds all 2,066 gov.kz slugs")
    func bundledCatalog() async throws {
        let database = try await TemporaryDatabase()
        let catalog = try SourceCatalog.bundled()
        #expect(catalog.count == 2066)
        #expect(try await database.store.seed(sources: catalog) == 2066)
        #expect(try await database.store.sources(enabledOnly: true).count == 2066)
    }
}

/// Story detection keeps recent days of fingerprints in memory; what another process writes must
/// still be seen, and fingerprints stored as text before the binary form must still read.
@Suite("SQLiteStore: story windows")
struct StoryWindowTests {
    static func fingerprint(_ id: Int64, day: String) -> StoredFingerprint {
        StoredFingerprint(articleID: id, day: day, signature: Array(repeating: 5, count: 64), shingleCount: 30, tokens: "",
                          topic: [])
    }

    @Test("a fingerprint written by another connection is seen, though the day was cached")
    func anotherWriter() async throws {
        let database = try await TemporaryDatabase()
        let other = try await database.reopen()
        for index in 1...2 {
            _ = try await database.store.save(
                NewsStoreContractTests.version(.ru, hash: "\(index)"), for: ArticleKey(project: "p", govkzID: "\(index)"))
        }
        try await database.store.saveStoryLinks([StoryLinks(fingerprint: Self.fingerprint(1, day: "2025-12-01"), language: .ru, joins: nil, related: [])])
        #expect(try await database.store.fingerprints(language: .ru, fromDay: "2025-12-01", toDay: "2025-12-01").map(\.articleID) == [1])
        try await other.saveStoryLinks([StoryLinks(fingerprint: Self.fingerprint(2, day: "2025-12-01"), language: .ru, joins: nil, related: [])])
        #expect(try await database.store.fingerprints(language: .ru, fromDay: "2025-12-01", toDay: "2025-12-01").map(\.articleID) == [1, 2])
    }

    @Test("fingerprints stored as hex text before the binary form read as the same values")
    func hexText() async throws {
        let database = try await TemporaryDatabase()
        _ = try await database.store.save(NewsStoreContractTests.version(.ru, hash: "1"), for: ArticleKey(project: "p", govkzID: "1"))
        let signature = (0..<64).map { UInt64($0) << 40 | 0xabc }
        try await database.store.database.write { db in
            try db.execute(
                sql: "INSERT INTO story_fingerprints (article_id, lang, published_day, signature, tokens, topic) VALUES (1, 'ru', '2025-12-01', ?, ?, ?)",
                arguments: [(["31"] + signature.map { String($0, radix: 16) }).joined(separator: " "), "2025\nастана",
                            signature.map { String($0, radix: 16) }.joined(separator: " ")])
        }
        let read = try await database.store.fingerprints(language: .ru, fromDay: "2025-12-01", toDay: "2025-12-01")
        #expect(read == [StoredFingerprint(articleID: 1, day: "2025-12-01", signature: signature, shingleCount: 31, tokens: "2025\nастана", topic: signature)])
    }
}

@Suite("StoryWindowCache")
struct StoryWindowCacheTests {
    @Test("loads each day once, forgets the least recently used past its size, and follows our own writes")
    func cache() {
        let cache = StoryWindowCache(maximumDays: 2)
        var loads: [[String]] = []
        func read(_ days: [String]) -> [Int64] {
            cache.fingerprints(language: .ru, days: days) { missing in
                loads.append(missing)
                return missing.enumerated().map { StoryWindowTests.fingerprint(Int64($0.offset + 1) * 10, day: $0.element) }
            }.map(\.articleID)
        }
        #expect(read(["d1", "d2"]) == [10, 20])
        #expect(read(["d1", "d2"]) == [10, 20])  // from the cache
        #expect(loads == [["d1", "d2"]])
        #expect(read(["d3"]) == [10])  // d1 is the least recently used: forgotten
        #expect(read(["d2", "d1"]) == [20, 10])
        #expect(loads == [["d1", "d2"], ["d3"], ["d1"]])
        // A new fingerprint joins a cached day; a changed one leaves its old day.
        cache.store(StoryWindowTests.fingerprint(99, day: "d2"), language: .ru)
        #expect(read(["d2"]) == [20, 99])
        cache.store(StoryWindowTests.fingerprint(99, day: "d1"), language: .ru)
        #expect(read(["d1", "d2"]) == [10, 99, 20])
        // Another process wrote: everything is read again.
        cache.validate(dataVersion: 1)
        cache.validate(dataVersion: 2)
        #expect(read(["d1"]) == [10])
        #expect(loads.last == ["d1"])
    }
}

@Suite("Stored fingerprints: 32-bit slots")
struct StoredFingerprintWidthTests {
    @Test("new rows hold 32-bit slots; 64-bit BLOB rows from before still read")
    func widths() async throws {
        let database = try await TemporaryDatabase()
        for index in 1...2 {
            _ = try await database.store.save(NewsStoreContractTests.version(.ru, hash: "\(index)"), for: ArticleKey(project: "p", govkzID: "\(index)"))
        }
        let slots = (0..<64).map { UInt64($0) * 0x1_0000_0001 }
        let low = slots.map { UInt64(UInt32(truncatingIfNeeded: $0)) }
        try await database.store.saveStoryLinks([StoryLinks(
            fingerprint: StoredFingerprint(articleID: 1, day: "2025-12-01", signature: slots, shingleCount: 40, tokens: "", topic: slots),
            language: .ru, joins: nil, related: [])])
        let sizes = try database.store.database.read { db in
            try Row.fetchOne(db, sql: "SELECT length(signature), length(topic) FROM story_fingerprints WHERE article_id = 1")
        }
        #expect(sizes?[0] == 260 && sizes?[1] == 256)
        // A row written with 64-bit words (this format's first days).
        try await database.store.database.write { db in
            try db.execute(
                sql: "INSERT INTO story_fingerprints (article_id, lang, published_day, signature, tokens, topic) VALUES (2, 'ru', '2025-12-01', ?, '', ?)",
                arguments: [StoredFingerprint.blob64([40] + slots), StoredFingerprint.blob64(slots)])
        }
        let other = try await database.reopen()
        let read = try await other.fingerprints(language: .ru, fromDay: "2025-12-01", toDay: "2025-12-01")
        #expect(read.map(\.articleID) == [1, 2])
        #expect(read.first?.signature == low && read.first?.topic == low)
        #expect(read.last?.signature == slots && read.last?.shingleCount == 40)
    }
}

extension StoredFingerprint {
    static func blob64(_ words: [UInt64]) -> DatabaseValue {
        var data = Data()
        for word in words { withUnsafeBytes(of: word.littleEndian) { data.append(contentsOf: $0) } }
        return data.databaseValue
    }
}
