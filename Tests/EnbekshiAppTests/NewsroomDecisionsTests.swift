import EnbekshiCore
import Foundation
import Store
import TestSupport
import Testing

@Suite("the newsroom's decisions outlive the machines")
struct NewsroomDecisionsTests {
    @Test("a corrected headline and section and a hidden article stay so through reclean and a re-ingest of the item changed at the source")
    func survive() async throws {
        let database = try await TemporaryDatabase()
        let detail = try CommandTests.fixture("mfa-london-1127504-en")
        #expect(try await CommandRunner.run(["ingest", "--database", database.path, detail.path]) == 0)
        let key = ArticleKey(project: "mfa-london", govkzID: "1127504")
        let id = try #require(try await database.store.articleID(for: key))
        let machineTitle = try #require(try await database.store.article(id: id)?.versions[.en]?.title)
        let at = Date()
        try await database.store.correct(
            Correction(articleID: id, language: .en, field: .title, value: "The embassy's own headline", actor: "ainur", reason: "clearer", at: at))
        try await database.store.correct(
            Correction(articleID: id, language: nil, field: .section, value: Section.culture.rawValue, actor: "ainur", reason: "an embassy", at: at))
        try await database.store.hide(articleID: id, reason: "embargoed", actor: "ainur", at: at)

        func check(_ label: String) async throws {
            let article = try await database.store.article(id: id)
            #expect(article?.versions[.en]?.title == "The embassy's own headline", "\(label)")
            #expect(article?.topics?.section == .culture, "\(label)")
            #expect(try await database.store.hiddenArticle(id: id)?.reason == "embargoed", "\(label)")
            #expect(try await database.store.latestArticles(limit: 10, offset: 0).isEmpty, "\(label)")
        }
        try await check("ingested")
        #expect(try await CommandRunner.run(["reclean", "--database", database.path]) == 0)
        try await check("recleaned")

        // The same item, changed at the source, ingested again.
        var json = try #require(try JSONSerialization.jsonObject(with: Data(contentsOf: detail)) as? [String: Any])
        json["body"] = "<p>The embassy updated this release with a new paragraph.</p>"
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("enbekshi-changed-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        let changed = directory.appendingPathComponent(detail.lastPathComponent)
        try JSONSerialization.data(withJSONObject: json).write(to: changed)
        #expect(try await CommandRunner.run(["ingest", "--database", database.path, changed.path]) == 0)
        #expect(try await database.store.history(articleID: id, language: .en).count == 1)
        #expect(try await database.store.article(id: id)?.versions[.en]?.bodyHTML.contains("new paragraph") == true)
        try await check("re-ingested")
        let title = try #require(try await database.store.corrections(articleID: id).first { $0.field == .title })
        #expect(title.replaced == machineTitle)
    }
}
