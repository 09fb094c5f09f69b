import EnbekshiCore
import Foundation
import Store
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

    @Test("the bundled catalog seeds all 2,066 gov.kz slugs")
    func bundledCatalog() async throws {
        let database = try await TemporaryDatabase()
        let catalog = try SourceCatalog.bundled()
        #expect(catalog.count == 2066)
        #expect(try await database.store.seed(sources: catalog) == 2066)
        #expect(try await database.store.sources(enabledOnly: true).count == 2066)
    }
}
