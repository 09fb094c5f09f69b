import EnbekshiCore
import Foundation
import Store
import TestSupport
import Testing
import TranslationFakes

@Suite("enbekshi translate")
struct TranslateCommandTests {
    @Test("translate fills the missing editions through a LibreTranslate server, and never pays twice")
    func translate() async throws {
        let database = try await TemporaryDatabase()
        let detail = try CommandTests.fixture("mfa-london-1127504-en").path
        #expect(try await CommandRunner.run(["ingest", "--database", database.path, detail]) == 0)
        let fake = FakeTranslationServer(apiKey: "k")
        try await fake.withRunning { base in
            let arguments = ["translate", "--database", database.path, "--libretranslate-url", base, "--libretranslate-key", "k"]
            #expect(try await CommandRunner.run(arguments) == 0)
            let article = try #require(try await database.store.latestArticles(limit: 1, offset: 0).first)
            let full = try #require(try await database.store.article(id: article.id))
            #expect(full.versions.keys.sorted() == [.kk, .ru, .en].sorted())
            #expect(full.versions[.kk]?.machineTranslation?.sourceLanguage == .en)
            let requests = fake.requestCount
            #expect(requests == 2)
            #expect(try await CommandRunner.run(arguments) == 0)
            #expect(fake.requestCount == requests)
            // One article on demand: nothing is missing, so no request either.
            #expect(try await CommandRunner.run(arguments + ["--article", "\(article.id)", "--to", "kk"]) == 0)
            #expect(fake.requestCount == requests)
        }
    }

    @Test("without an engine, translate says how to configure one")
    func noEngine() async throws {
        let database = try await TemporaryDatabase()
        await #expect(throws: (any Error).self) {
            try await CommandRunner.run(["translate", "--database", database.path])
        }
    }
}
