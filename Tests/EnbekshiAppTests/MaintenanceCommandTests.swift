import EnbekshiCore
import Foundation
import Store
import TestSupport
import Testing

@Suite("audit, review and reclean")
struct MaintenanceCommandTests {
    @Test("after ingesting recorded answers the audit finds no defect; review lists flagged versions; reclean is idempotent")
    func maintenance() async throws {
        let database = try await TemporaryDatabase()
        let list = try CommandTests.fixture("kgd-zhetysu-list-en").path
        let detail = try CommandTests.fixture("mfa-london-1127504-en").path
        #expect(try await CommandRunner.run(["ingest", "--database", database.path, "--project", "kgd-zhetysu", "--lang", "kk", list]) == 0)
        #expect(try await CommandRunner.run(["ingest", "--database", database.path, detail]) == 0)
        #expect(try await CommandRunner.run(["audit", "--database", database.path]) == 0)
        // English text answered to a Kazakh request: stored as English, flagged for editors.
        let flagged = try await database.store.flaggedVersions(limit: 10)
        #expect(flagged.count == 3)
        #expect(flagged.allSatisfy { $0.version.language == .en && $0.version.flags.first?.kind == .languageMismatch })
        #expect(try await CommandRunner.run(["review", "--database", database.path]) == 0)

        // Damage a stored body as an old cleaner might have left it; reclean repairs it from the original.
        let victim = try #require(flagged.first)
        try await database.store.updateCleaned(
            articleID: victim.articleID, language: .en, title: "-", bodyHTML: "<p>glued.Text</p><script>x</script>",
            flags: victim.version.flags)
        #expect(try await CommandRunner.run(["audit", "--database", database.path]) == 1)
        #expect(try await CommandRunner.run(["reclean", "--database", database.path]) == 0)
        let repaired = try #require(try await database.store.article(id: victim.articleID)?.versions[.en])
        #expect(repaired.title == victim.version.title)
        #expect(repaired.bodyHTML == victim.version.bodyHTML)
        #expect(repaired.flags == victim.version.flags)
        #expect(try await CommandRunner.run(["audit", "--database", database.path]) == 0)
    }
}
