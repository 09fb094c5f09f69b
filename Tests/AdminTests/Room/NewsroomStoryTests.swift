@testable import Admin
import EnbekshiCore
import Foundation
import Harvest
import HummingbirdTesting
import Logging
import Publish
import Store
import TestSupport
import Testing

/// A chief editor's story decisions through the room, and the story linker respecting them when the
/// same items come again from gov.kz.
@Suite("Newsroom story decisions over HTTP")
struct NewsroomStoryTests {
    static let password = NewsroomHTTPTests.password
    static let release = """
        <p>Департамент государственных доходов сообщает о продлении срока сдачи налоговой отчётности для малого и среднего бизнеса \
        до двадцатого числа следующего месяца в связи с обновлением информационной системы.</p>\
        <p>Налогоплательщики могут подать декларации через портал электронного правительства или в центрах обслуживания населения, \
        а консультации предоставляются по единому номеру колл-центра без выходных.</p>
        """

    static func item(_ id: String, body: String = release, title: String = "Срок сдачи отчётности продлён") -> GovKzItem {
        GovKzItem(id: id, title: title, body: body, createdDate: "2025-12-18T10:00:00.000Z")
    }

    @Test("split a copy out, and a re-harvest leaves it out; merge two stories; choose the lead", arguments: StoreImplementation.allCases)
    func stories(_ implementation: StoreImplementation) async throws {
        try await NewsroomHTTPTests.withRoom(implementation) { client, store in
            let ingestor = NewsIngestor(store: store, logger: Logger(label: "story-test") { _ in SwiftLogNoOpLogHandler() })
            _ = try await ingestor.ingest([Self.item("501")], project: "kgd-zhetysu", language: .ru)
            _ = try await ingestor.ingest([Self.item("502")], project: "kgd-abay", language: .ru)
            let first = try #require(try await store.articleID(for: ArticleKey(project: "kgd-zhetysu", govkzID: "501")))
            let second = try #require(try await store.articleID(for: ArticleKey(project: "kgd-abay", govkzID: "502")))
            #expect(try await store.storyLeaders(of: [second])[second] == first, "the linker made them one story")

            let editor = Browser(client)
            try await editor.signIn("editor", Self.password)
            let editorCSRF = try #require(try await editor.get("/admin/articles/\(second)").csrf)
            #expect(try await editor.post("/admin/articles/\(second)/split", ["csrf": editorCSRF]).status == 403)

            let chief = Browser(client)
            try await chief.signIn("chief", Self.password)
            let desk = try await chief.get("/admin/articles/\(second)")
            #expect(desk.body.contains("published by 2 bodies") && desk.body.contains("Take this copy out of the story"))
            let csrf = try #require(desk.csrf)
            let split = try await chief.post("/admin/articles/\(second)/split", ["csrf": csrf])
            #expect(split.status == 303 && split.location?.hasSuffix("done=story-changed") == true)
            #expect(try await store.article(id: second)?.storyID == nil)
            #expect(try await store.article(id: first)?.storyID == nil)

            // gov.kz sends the split copy again, a little changed: the linker keeps it apart.
            _ = try await ingestor.ingest([Self.item("502", body: Self.release + "<p>Дополнение.</p>")], project: "kgd-abay", language: .ru)
            #expect(try await store.article(id: second)?.storyID == nil)
            // A third body publishes the same release: it joins the first, never the one kept apart.
            _ = try await ingestor.ingest([Self.item("503")], project: "ardfm", language: .ru)
            let third = try #require(try await store.articleID(for: ArticleKey(project: "ardfm", govkzID: "503")))
            #expect(try await store.storyLeaders(of: [third])[third] == first)
            #expect(try await store.article(id: second)?.storyID == nil)

            // The newsroom changes its mind: merge by the page's address, then choose the lead.
            #expect(try await chief.post("/admin/articles/\(second)/merge", ["csrf": csrf, "other": "nonsense"]).status == 400)
            let merged = try await chief.post("/admin/articles/\(second)/merge", ["csrf": csrf, "other": "http://127.0.0.1/ru/news/\(first)-srok"])
            #expect(merged.status == 303)
            #expect(try await store.storyLeaders(of: [first, second, third]).values.allSatisfy { $0 == first })
            #expect(try await chief.post("/admin/articles/\(third)/lead", ["csrf": csrf]).status == 303)
            #expect(try await store.storyMembers(storyID: third).map(\.id) == [third, first, second])
            let reader = Browser(client)
            let listing = try await reader.get("/ru/news/all")
            #expect(listing.body.contains("/ru/news/\(third)-") && !listing.body.contains("/ru/news/\(first)-"))

            // "Not the same story": the other copy leaves.
            #expect(try await chief.post("/admin/articles/\(third)/apart", ["csrf": csrf, "other": "\(first)"]).status == 303)
            #expect(try await store.article(id: first)?.storyID == nil)
            let trail = try await store.auditEntries(AuditFilter(actionPrefix: "story."), limit: 10).map(\.action)
            #expect(trail == ["story.apart", "story.lead", "story.merge", "story.split"])
        }
    }
}
