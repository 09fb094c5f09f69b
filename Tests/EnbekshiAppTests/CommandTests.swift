import ArgumentParser
@testable import EnbekshiApp
import EnbekshiCore
import Foundation
import GovKzFake
import Store
import TestSupport
import Testing

@Suite("enbekshi commands, run as a user runs them")
struct CommandTests {
    static func fixture(_ name: String) throws -> URL {
        try #require(Bundle.module.url(forResource: name, withExtension: "json", subdirectory: "Fixtures"))
    }

    @Test("ingest stores recorded answers by file-name convention or flags, skips unreadable files by name, and is idempotent")
    func ingest() async throws {
        let database = try await TemporaryDatabase()
        let broken = database.directory.appendingPathComponent("mod-1-en.json")
        try Data("{\"id\": 1, \"title\": \"cut".utf8).write(to: broken)
        let detail = try Self.fixture("mfa-london-1127504-en").path
        let exit = try await CommandRunner.run([
            "ingest", "--database", database.path, detail, broken.path, "/nonexistent/x-1-ru.json",
        ])
        #expect(exit == 1)
        let stats = try await database.store.statistics()
        #expect(stats.articles == 1)

        let list = try Self.fixture("kgd-zhetysu-list-en").path
        #expect(try await CommandRunner.run(["ingest", "--database", database.path, "--project", "kgd-zhetysu", "--lang", "en", list]) == 0)
        #expect(try await database.store.statistics().articles == 4)
        #expect(try await CommandRunner.run(["ingest", "--database", database.path, "--project", "kgd-zhetysu", "--lang", "en", list]) == 0)
        #expect(try await database.store.statistics().versions == 4)
    }

    @Test("classify scores the held-out set with the bundled model and cross-validates a file; bad options are refused")
    func classify() async throws {
        let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        let holdout = root.appendingPathComponent("eval/sections-holdout.jsonl").path
        #expect(try await CommandRunner.run(["classify", "--evaluate", holdout, "--quiet"]) == 0)
        #expect(try await CommandRunner.run(["classify", "--evaluate", holdout, "--folds", "3", "--quiet"]) == 0)
        #expect(throws: (any Error).self) { try EnbekshiCommand.parseAsRoot(["classify", "--evaluate", holdout, "--folds", "1"]) }
        let bad = FileManager.default.temporaryDirectory.appendingPathComponent("bad-\(UUID().uuidString).jsonl")
        try Data("{\"project\": 1}\n".utf8).write(to: bad)
        defer { try? FileManager.default.removeItem(at: bad) }
        await #expect(throws: (any Error).self) { try await CommandRunner.run(["classify", "--evaluate", bad.path]) }
    }

    @Test("export writes every version as JSON Lines or CSV that a parser reads back")
    func export() async throws {
        let database = try await TemporaryDatabase()
        let list = try Self.fixture("kgd-zhetysu-list-en").path
        #expect(try await CommandRunner.run(["ingest", "--database", database.path, "--project", "kgd-zhetysu", "--lang", "en", list]) == 0)
        let jsonl = database.directory.appendingPathComponent("corpus.jsonl")
        let csv = database.directory.appendingPathComponent("corpus.csv")
        #expect(try await CommandRunner.run(["export", "--database", database.path, "--output", jsonl.path]) == 0)
        #expect(try await CommandRunner.run(["export", "--database", database.path, "--format", "csv", "-o", csv.path]) == 0)
        let lines = try String(contentsOf: jsonl, encoding: .utf8).split(separator: "\n")
        #expect(lines.count == 3)
        let object = try #require(try JSONSerialization.jsonObject(with: Data(lines[0].utf8)) as? [String: Any])
        #expect(object["article_id"] as? Int == 1)
        let first = object.compactMapValues { $0 as? String }
        #expect(first["project"] == "kgd-zhetysu")
        #expect(first["language"] == "en")
        #expect(first["section"] == "economics")
        #expect(first["body_html"]?.hasPrefix("<p>") == true)
        #expect(first["text"]?.contains("\n") == true)
        #expect(first["text"]?.contains("<p>") == false)
        // CSV: a header and one record per version; quoted fields keep their commas and line breaks.
        let records = Self.parseCSV(try String(contentsOf: csv, encoding: .utf8))
        let columns = [
            "article_id", "project", "govkz_id", "language", "title", "published", "section", "region", "source_url",
            "machine_translation", "translated_from", "flags", "text",
        ]
        #expect(records.first == columns)
        #expect(records.count == 4)
        #expect(records.dropFirst().allSatisfy { $0.count == columns.count })
        #expect(records[1][12] == first["text"])
    }

    /// A small RFC 4180 reader, independent of the writer under test.
    static func parseCSV(_ text: String) -> [[String]] {
        var records: [[String]] = [], record: [String] = [], field = "", quoted = false
        var characters = Array(text)[...]
        while let character = characters.popFirst() {
            if quoted {
                if character == "\"" {
                    if characters.first == "\"" { field.append("\""); characters.removeFirst() } else { quoted = false }
                } else { field.append(character) }
            } else if character == "\"" {
                quoted = true
            } else if character == "," {
                record.append(field); field = ""
            } else if character == "\n" {
                record.append(field); records.append(record); record = []; field = ""
            } else {
                field.append(character)
            }
        }
        if !field.isEmpty || !record.isEmpty { record.append(field); records.append(record) }
        return records
    }

    @Test("harvest against the fake gov.kz fills the database; a second run adds no duplicates")
    func harvest() async throws {
        let database = try await TemporaryDatabase()
        var corpus = FakeCorpus()
        try corpus.add(project: "kgd-zhetysu", language: "en", recorded: Data(contentsOf: Self.fixture("kgd-zhetysu-list-en")))
        try corpus.add(project: "mfa-london", language: "en", recorded: Data(contentsOf: Self.fixture("mfa-london-1127504-en")))
        let fake = FakeGovKz(corpus: corpus)
        try await fake.withRunning { base in
            let arguments = [
                "harvest", "--database", database.path, "--govkz-base-url", base, "--govkz-rate", "100",
                "--source", "kgd-zhetysu", "--source", "mfa-london",
            ]
            #expect(try await CommandRunner.run(arguments) == 0)
            let stats = try await database.store.statistics()
            #expect(stats.articles == 4)
            #expect(try await CommandRunner.run(arguments) == 0)
            #expect(try await database.store.statistics() == stats)
            #expect(fake.requests.allSatisfy { $0.header("User-Agent")?.hasPrefix("EnbekshiQazaQ") == true })
        }
    }

    @Test("harvest exits 3 when gov.kz cannot be reached")
    func harvestUnreachable() async throws {
        let database = try await TemporaryDatabase()
        let exit = try await CommandRunner.run([
            "harvest", "--database", database.path, "--govkz-base-url", "http://127.0.0.1:9", "--source", "mod",
            "--govkz-retries", "0",
        ])
        #expect(exit == 3)
    }

    @Test("sources disable and enable change what is harvested; unknown slugs are an error")
    func sources() async throws {
        let database = try await TemporaryDatabase()
        #expect(try await CommandRunner.run(["sources", "disable", "--all", "--database", database.path]) == 0)
        #expect(try await CommandRunner.run(["sources", "enable", "mod", "mfa-london", "--database", database.path]) == 0)
        let store = try await database.reopen()
        #expect(try await store.sources(enabledOnly: true).map(\.slug) == ["mfa-london", "mod"])
        #expect(try await CommandRunner.run(["sources", "enable", "no-such-body", "--database", database.path]) == 1)
    }

    @Test("bad options are refused before anything runs", arguments: [
        ["harvest", "--since", "yesterday"], ["harvest", "--lang", "de"], ["harvest", "--govkz-base-url", "ftp://x"],
        ["harvest", "--govkz-header", "no colon"], ["serve", "--port", "70000"], ["ingest", "--lang", "xx", "f.json"],
    ])
    func badOptions(_ arguments: [String]) async throws {
        await #expect(throws: (any Error).self) {
            let database = try await TemporaryDatabase()
            try await CommandRunner.run(arguments + ["--database", database.path])
        }
    }

    @Test("a malformed PostgreSQL URL is refused with a reason before anything runs", arguments: ["status", "serve", "harvest", "translate"])
    func malformedPostgresURL(_ command: String) async throws {
        await #expect(throws: StoreFactory.Failure.self) {
            try await CommandRunner.run([command, "--database", "postgres://news:secret@127.0.0.1:1"])
        }
    }

    @Test("a server that is down, or refuses the password, is an error that says so within the connect timeout, not a hang", .enabled(if: !TemporaryPostgres.isOff, "ENBEKSHI_TEST_POSTGRES=off"))
    func unreachablePostgres() async throws {
        let down = "postgres://news:secret@127.0.0.1:1/enbekshi?connect_timeout=1"
        do {
            _ = try await CommandRunner.run(["status", "--database", down])
            Issue.record("status on a server that is down succeeded")
        } catch let error as PostgresStore.Unreachable {
            #expect(error.reason == "Connection refused")
            #expect(!"\(error)".contains("secret"))
        }
        let server = try #require(URLComponents(string: try TemporaryPostgres.serverURL()))
        var wrong = server
        wrong.password = "not-the-password"
        wrong.query = "connect_timeout=2"
        do {
            _ = try await CommandRunner.run(["migrate", "--database", try #require(wrong.string)])
            Issue.record("a wrong password was accepted")
        } catch let error as PostgresStore.Unreachable {
            #expect(error.reason?.contains("password authentication failed") == true, "\(error)")
        }
    }

    @Test("on a PostgreSQL server: migrate lists what is pending and applies it, and the commands run on it", .enabled(if: !TemporaryPostgres.isOff, "ENBEKSHI_TEST_POSTGRES=off"))
    func postgresCommands() async throws {
        let url = try TemporaryPostgres.serverURL() + "?search_path=cmd_" + UUID().uuidString.prefix(8).lowercased()
            + "&connect_timeout=\(TemporaryPostgres.patientConnect)"
        #expect(try await CommandRunner.run(["migrate", "--list", "--database", url]) == 1)
        #expect(try await CommandRunner.run(["migrate", "--database", url]) == 0)
        #expect(try await CommandRunner.run(["migrate", "--list", "--database", url]) == 0)
        let list = try Self.fixture("kgd-zhetysu-list-en").path
        #expect(try await CommandRunner.run(["ingest", "--database", url, "--project", "kgd-zhetysu", "--lang", "en", list]) == 0)
        #expect(try await CommandRunner.run(["status", "--database", url]) == 0)
        let store = try StoreFactory.open(url)
        #expect(try await store.statistics().articles == 3)
        await store.shutdown()
    }

    @Test("migrate lists and applies the steps an old database lacks; serve --no-migrate refuses an old schema and names the fix")
    func migrate() async throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("enbekshi-migrate-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        let path = directory.appendingPathComponent("old.sqlite").path
        #expect(try await CommandRunner.run(["migrate", "--list", "--database", path]) == 1)
        #expect(!FileManager.default.fileExists(atPath: path))
        do {
            try await CommandRunner.run(["serve", "--no-migrate", "--no-harvest", "--database", path, "--port", "1"])
            Issue.record("serve started on an unmigrated database")
        } catch let error as StoreOptions.SchemaBehind {
            #expect(error.pending.count == SQLiteStore.migrations.count)
            #expect(error.description.contains("enbekshi migrate --database \(path)"))
        }
        #expect(try await CommandRunner.run(["migrate", "--list", "--database", path]) == 1)
        #expect(try await CommandRunner.run(["migrate", "--database", path]) == 0)
        #expect(try await CommandRunner.run(["migrate", "--list", "--database", path]) == 0)
        let store = try StoreFactory.open(path)
        #expect(try await store.pendingMigrations().isEmpty)
    }
}
