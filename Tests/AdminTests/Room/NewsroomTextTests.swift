@testable import Admin
import EnbekshiCore
import Foundation
import HummingbirdTesting
import Publish
import Store
import TestSupport
import Testing

/// Correcting an edition's text through the room: a machine translation edited side by side with
/// its source, a gov.kz original corrected; both labelled for readers and kept over later runs.
@Suite("Newsroom text corrections over HTTP")
struct NewsroomTextTests {
    static let password = NewsroomHTTPTests.password

    static func machineRussian(_ body: String) -> ArticleVersion {
        var version = NewsroomHTTPTests.article("1", title: "[ru] Изменения налоговой отчётности")
        version.language = .ru
        version.bodyHTML = body
        version.machineTranslation = MachineTranslation(engine: "libretranslate", model: nil, translatedAt: Date(), sourceLanguage: .en)
        return version
    }

    @Test("an editor edits a machine translation beside its source; readers see it labelled, and a new translation run keeps it", arguments: StoreImplementation.allCases)
    func editTranslation(_ implementation: StoreImplementation) async throws {
        try await NewsroomHTTPTests.withRoom(implementation) { client, store in
            let id = try #require(try await store.articleID(for: ArticleKey(project: "kgd-zhetysu", govkzID: "1")))
            #expect(try await store.saveTranslation(Self.machineRussian("<p>[ru] Машинные слова отчётности.</p>"), articleID: id))

            let viewer = Browser(client)
            try await viewer.signIn("viewer", Self.password)
            #expect(try await viewer.get("/admin/articles/\(id)/text?lang=ru").status == 403)

            let editor = Browser(client)
            try await editor.signIn("editor", Self.password)
            let page = try await editor.get("/admin/articles/\(id)/text?lang=ru")
            #expect(page.status == 200 && page.body.contains("Translated from (en)") && page.body.contains("Tax reporting changes: the text."))
            #expect(page.body.contains("[ru] Машинные слова отчётности."))
            let csrf = try #require(page.csrf)
            #expect(try await editor.get("/admin/articles/\(id)/text?lang=kk").status == 400)
            let form = [
                "csrf": csrf, "lang": "ru", "title": "Изменения налоговой отчётности",
                "body": "<p>Исправленный человеком текст.</p><script>alert(1)</script><p onclick=\"x()\">Второй абзац.</p>",
            ]
            #expect(try await editor.post("/admin/articles/\(id)/text", form).status == 400)  // no reason
            let saved = try await editor.post("/admin/articles/\(id)/text", form.merging(["reason": "awkward wording"]) { $1 })
            #expect(saved.status == 303 && saved.location?.hasSuffix("done=text-edited") == true)
            let stored = try #require(try await store.article(id: id)?.versions[.ru])
            #expect(stored.title == "Изменения налоговой отчётности")
            #expect(stored.bodyHTML.contains("Исправленный человеком текст.") && stored.bodyHTML.contains("Второй абзац."))
            #expect(!stored.bodyHTML.contains("script") && !stored.bodyHTML.contains("onclick"))

            let reader = Browser(client)
            let ru = try await NewsroomWritingTests.follow(try await reader.get("/ru/news/\(id)"), reader)
            #expect(ru.body.contains("Машинный перевод с английского, отредактирован редакцией"))
            #expect(ru.body.contains("Исправленный человеком текст."))
            #expect(try await reader.get("/api/v1/articles/\(id)").body.contains("\"edited_by_newsroom\":true"))

            // The engine translates it again: the newsroom's text stays.
            _ = try await store.saveTranslation(Self.machineRussian("<p>[ru] Новые машинные слова.</p>"), articleID: id)
            let again = try await NewsroomWritingTests.follow(try await reader.get("/ru/news/\(id)"), reader)
            #expect(again.body.contains("Исправленный человеком текст.") && !again.body.contains("Новые машинные слова"))
            let trail = try await store.auditEntries(AuditFilter(target: "article:\(id)"), limit: 5).map(\.action)
            #expect(trail == ["translation.edit", "translation.edit"])

            // gov.kz's own text corrected: readers are told so.
            let original = try await editor.post(
                "/admin/articles/\(id)/text",
                ["csrf": csrf, "lang": "en", "title": "Tax reporting changes", "body": "<p>Tax reporting changes from January.</p>", "reason": "date missing"])
            #expect(original.status == 303)
            let en = try await NewsroomWritingTests.follow(try await reader.get("/en/news/\(id)"), reader)
            #expect(en.body.contains("The newsroom corrected this text.") && en.body.contains("Tax reporting changes from January."))
            // The desk lists the correction by its start, with its way back.
            let desk = try await editor.get("/admin/articles/\(id)")
            #expect(desk.body.contains("<strong>body (en)</strong>") && desk.body.contains("Restore the machines"))
        }
    }
}
