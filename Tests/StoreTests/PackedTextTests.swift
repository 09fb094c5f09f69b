import EnbekshiCore
import Foundation
import GRDB
@testable import Store
import TestSupport
import Testing

@Suite("Packed originals: deflated in the database, text again when read")
struct PackedTextTests {
    @Test("long text is stored deflated and read back exactly; short text and older TEXT rows stay text")
    func roundTrip() {
        let html = "<p>Департамент государственных доходов напоминает о сроках уплаты налогов.</p>" + String(
            repeating: "<p>Салықтарды уақытында төлеңіз. Налоги на имущество платят до 1 октября.</p>", count: 30)
        let packed = PackedText.pack(html)
        guard case .blob(let data) = packed.storage else {
            Issue.record("long text should be a BLOB")
            return
        }
        #expect(data.count < html.utf8.count / 3)
        #expect(PackedText.unpack(packed) == html)
        #expect(PackedText.pack("<p>short</p>") == "<p>short</p>".databaseValue)
        #expect(PackedText.unpack("<p>stored before packing</p>".databaseValue) == "<p>stored before packing</p>")
        #expect(PackedText.pack(nil) == .null)
        #expect(PackedText.unpack(.null) == nil)
    }

    @Test("bytes that are not a deflate stream read as nothing, never a crash")
    func garbage() {
        #expect(PackedText.unpack(Data([0x01, 0x02, 0x03, 0xFF]).databaseValue) == nil)
    }

    @Test("the raw JSON is stored without the body it repeats and read back exactly")
    func rawJSONWithoutBody() async throws {
        let body = "<p>Департамент \"государственных\" доходов / напоминает</p>\n" + String(repeating: "<p>Салықтарды уақытында төлеңіз.</p>", count: 20)
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        let json = try #require(String(data: try encoder.encode(["body": body, "title": "Сроки", "id": "7"]), encoding: .utf8))
        let stripped = try #require(RawJSON.stripping(json, original: body))
        #expect(stripped == "{\"body\":@original_html,\"id\":\"7\",\"title\":\"Сроки\"}")
        #expect(RawJSON.restoring(stripped, original: body) == json)
        // A body other than the original stays; old rows read as stored.
        #expect(RawJSON.stripping(json, original: body + " ") == json)
        #expect(RawJSON.restoring(json, original: body) == json)

        let database = try await TemporaryDatabase()
        var version = NewsStoreContractTests.version(.ru, body: "<p>x</p>", hash: "r")
        version.originalHTML = body
        version.rawJSON = json
        _ = try await database.store.save(version, for: ArticleKey(project: "p", govkzID: "7"))
        let stored = try await database.store.database.read { db in try DatabaseValue.fetchOne(db, sql: "SELECT raw_json FROM versions") ?? .null }
        #expect(PackedText.unpack(stored) == stripped)
        let article = try #require(try await database.store.article(key: ArticleKey(project: "p", govkzID: "7")))
        #expect(article.versions[.ru]?.rawJSON == json)
        #expect(article.versions[.ru]?.originalHTML == body)
    }
}
