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

    @Test("status, audit, review and export change nothing: the content generation and the file stay as they were")
    func readOnlyCommands() async throws {
        let database = try await TemporaryDatabase()
        let list = try CommandTests.fixture("kgd-zhetysu-list-en").path
        #expect(try await CommandRunner.run(["ingest", "--database", database.path, "--project", "kgd-zhetysu", "--lang", "en", list]) == 0)
        let generation = try await database.store.contentGeneration()
        let output = FileManager.default.temporaryDirectory.appendingPathComponent("export-\(UUID().uuidString).jsonl").path
        defer { try? FileManager.default.removeItem(atPath: output) }
        for command in [["status"], ["audit"], ["review"], ["export", "-o", output], ["status"]] {
            _ = try await CommandRunner.run(command + ["--database", database.path])
            #expect(try await database.store.contentGeneration() == generation, "\(command)")
        }
    }

    @Test("a project that is not a slug is refused before anything is read", arguments: ["<script>", "a b", "Kgd", "-x", "kgd/../x"])
    func badProject(_ project: String) async throws {
        let database = try await TemporaryDatabase()
        let list = try CommandTests.fixture("kgd-zhetysu-list-en").path
        await #expect(throws: (any Error).self) {
            try await CommandRunner.run(["ingest", "--database", database.path, "--project", project, "--lang", "en", list])
        }
        #expect(try await database.store.statistics().articles == 0)
    }
}
