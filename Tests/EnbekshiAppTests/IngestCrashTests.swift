import EnbekshiCore
import Foundation
import GRDB
@testable import Store
import TestSupport
import Testing

/// `enbekshi ingest` killed with SIGKILL before, inside and between its transactions: the database
/// stays whole, and a second run finishes the work with nothing lost or stored twice, so that the
/// result equals one uninterrupted run.
@Suite("ingest survives SIGKILL", .serialized)
struct IngestCrashTests {
    /// The `enbekshi` the test build made, beside the test bundle.
    static func executable() throws -> String {
        let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        let candidates = [".build/debug/enbekshi", ".build/x86_64-unknown-linux-gnu/debug/enbekshi", ".build/aarch64-unknown-linux-gnu/debug/enbekshi"]
        let found = candidates.map { root.appendingPathComponent($0).path }.first { FileManager.default.isExecutableFile(atPath: $0) }
        return try #require(found, "build the package first (scripts/test does)")
    }

    /// Three lists of 400 items: one body's releases, another body republishing a tenth of
    /// them (stories), and English news (a second language).
    static func writeInput(in directory: URL) throws -> [String] {
        var random = SplitMix64(seed: 15)
        let russian = "налог банк кредит регион область аким акимат район жители дороги ремонт школа больница министр встреча программа поддержка бизнес субсидии урожай зерно вода граждане услуги отчётность декларация срок"
            .split(separator: " ").map(String.init)
        let english = "tax bank credit region district akim residents roads repair school hospital minister meeting program support business farmers water services report declaration deadline"
            .split(separator: " ").map(String.init)
        func text(_ words: [String], _ count: Int) -> String {
            (0..<count).map { _ in words.randomElement(using: &random) ?? "x" }.joined(separator: " ")
        }
        func item(_ id: Int, _ title: String, _ body: String, day: Int) -> [String: Any] {
            ["id": id, "title": title, "body": body, "created_date": String(format: "2025-10-%02dT10:00:00Z", 1 + day % 28)]
        }
        var first: [[String: Any]] = [], second: [[String: Any]] = [], third: [[String: Any]] = []
        for index in 0..<400 {
            let title = text(russian, 6), body = "<p>\(text(russian, 30)).</p><p>\(text(russian, 25)).</p>"
            first.append(item(1000 + index, title, body, day: index / 15))
            second.append(index % 10 == 0
                ? item(5000 + index, title, body, day: index / 15)
                : item(5000 + index, text(russian, 6), "<p>\(text(russian, 30)).</p>", day: index / 15))
            third.append(item(9000 + index, text(english, 6), "<p>\(text(english, 35)).</p>", day: index / 15))
        }
        // Six files of 200: ingest stores a thousand items at a time, at file boundaries, so the run
        // is two batches (five files, then one).
        var paths: [String] = []
        for half in 0..<2 {
            for (name, items) in [("kgd-pavlodar-1\(half)-ru", first), ("kgd-zhetysu-2\(half)-ru", second), ("ardfm-3\(half)-en", third)] {
                let url = directory.appendingPathComponent(name + ".json")
                try JSONSerialization.data(withJSONObject: Array(items[(half * 200)..<(half * 200 + 200)])).write(to: url)
                paths.append(url.path)
            }
        }
        return paths
    }

    struct Outcome: Equatable, CustomStringConvertible {
        var versions: Int
        var fingerprints: Int
        var pending: Int
        /// (article key, its story leader's key) for every article in a story.
        var stories: Set<String>
        var related: Int
        var description: String { "versions \(versions), fingerprints \(fingerprints), pending \(pending), story members \(stories.count), related \(related)" }
    }

    static func outcome(_ path: String) async throws -> Outcome {
        let store = try SQLiteStore(path: path)
        try await store.migrate()
        try await store.checkSearchIndex()
        return try await store.database.read { db in
            #expect(try String.fetchOne(db, sql: "PRAGMA integrity_check") == "ok")
            return Outcome(
                versions: try Int.fetchOne(db, sql: "SELECT count(*) FROM versions") ?? -1,
                fingerprints: try Int.fetchOne(db, sql: "SELECT count(*) FROM story_fingerprints") ?? -1,
                pending: try Int.fetchOne(db, sql: "SELECT count(*) FROM story_pending") ?? -1,
                stories: Set(try String.fetchAll(db, sql: """
                    SELECT a.project || '/' || a.govkz_id || ' in ' || l.project || '/' || l.govkz_id
                    FROM articles a JOIN articles l ON l.id = a.story_id
                    """)),
                related: try Int.fetchOne(db, sql: "SELECT count(*) FROM related_articles") ?? -1)
        }
    }

    /// Runs `enbekshi ingest`; with `killAfter`, kills it with SIGKILL then. Returns its status.
    static func ingest(_ files: [String], database: String, environment: [String: String] = [:], killAfter: Duration? = nil)
        async throws -> Int32
    {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: try executable())
        process.arguments = ["ingest", "--database", database, "--log-level", "error"] + files
        process.environment = ProcessInfo.processInfo.environment.merging(environment) { _, new in new }
        process.standardOutput = FileHandle.nullDevice
        try process.run()
        if let killAfter {
            try await Task.sleep(for: killAfter)
            if process.isRunning { kill(process.processIdentifier, SIGKILL) }
        }
        while process.isRunning { try await Task.sleep(for: .milliseconds(20)) }
        return process.terminationStatus
    }

    @Test("killed at every kind of point, a second run ends where one uninterrupted run ends")
    func killAndFinish() async throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("enbekshi-crash-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        let files = try Self.writeInput(in: directory)

        let reference = directory.appendingPathComponent("reference.sqlite").path
        let clock = ContinuousClock()
        let started = clock.now
        #expect(try await Self.ingest(files, database: reference) == 0)
        let duration = clock.now - started
        let expected = try await Self.outcome(reference)
        #expect(expected.versions == 1200)
        #expect(expected.fingerprints == 1200)
        #expect(expected.pending == 0)
        #expect(expected.stories.count >= 40)

        // Deterministic points between and after the two transactions of a batch, then kills at
        // moments spread over a run (inside a transaction, while preparing, before anything).
        var runs: [(String, [String: String], Duration?)] = [
            ("between the save and the links of batch 1", ["ENBEKSHI_CRASH_AT": "ingest.saved:1"], nil),
            ("between the save and the links of batch 2", ["ENBEKSHI_CRASH_AT": "ingest.saved:2"], nil),
            ("after the links of batch 1", ["ENBEKSHI_CRASH_AT": "ingest.linked:1"], nil),
        ]
        for fraction in [0.05, 0.3, 0.5, 0.7, 0.9] { runs.append(("at \(fraction) of a run", [:], duration * fraction)) }
        for (index, (point, environment, delay)) in runs.enumerated() {
            let path = directory.appendingPathComponent("killed-\(index).sqlite").path
            let status = try await Self.ingest(files, database: path, environment: environment, killAfter: delay)
            if delay == nil { #expect(status == SIGKILL, "\(point): the crash point was not reached") }
            if FileManager.default.fileExists(atPath: path) {
                // Whole after the kill: integrity and the search index hold whatever was committed.
                _ = try await Self.outcome(path)
            }
            #expect(try await Self.ingest(files, database: path) == 0, "\(point)")
            let finished = try await Self.outcome(path)
            #expect(finished == expected, "\(point): \(finished) against \(expected)")
        }
    }
}
