@testable import Admin
import EnbekshiCore
import Foundation
import HummingbirdTesting
import Publish
import Store
import TestSupport
import Testing

/// Deleting for good: an admin's, of a hidden article only, confirmed by its number.
@Suite("Newsroom deleting for good over HTTP")
struct NewsroomDeleteTests {
    @Test("only an admin deletes, only a hidden article, only when its number is typed; then its page is gone", arguments: StoreImplementation.allCases)
    func deleteForGood(_ implementation: StoreImplementation) async throws {
        try await NewsroomHTTPTests.withRoom(implementation) { client, store in
            let id = try #require(try await store.articleID(for: ArticleKey(project: "kgd-zhetysu", govkzID: "2")))
            let chief = Browser(client)
            try await chief.signIn("chief", NewsroomHTTPTests.password)
            let chiefCSRF = try #require(try await chief.get("/admin/articles/\(id)").csrf)
            #expect(try await chief.post("/admin/articles/\(id)/delete", ["csrf": chiefCSRF, "confirm": "\(id)"]).status == 403)

            let admin = Browser(client)
            try await admin.signIn("admin", NewsroomHTTPTests.password)
            let csrf = try #require(try await admin.get("/admin/articles/\(id)").csrf)
            #expect(!(try await admin.get("/admin/articles/\(id)")).body.contains("Delete for good"), "offered only once hidden")
            #expect(try await admin.post("/admin/articles/\(id)/delete", ["csrf": csrf, "confirm": "\(id)"]).status == 400)
            #expect(try await admin.post("/admin/articles/\(id)/hide", ["csrf": csrf, "reason": "Published in error"]).status == 303)
            #expect(try await admin.get("/admin/articles/\(id)").body.contains("Delete for good"))
            #expect(try await admin.post("/admin/articles/\(id)/delete", ["csrf": csrf, "confirm": "999"]).status == 400)
            let deleted = try await admin.post("/admin/articles/\(id)/delete", ["csrf": csrf, "confirm": "\(id)"])
            #expect(deleted.status == 303 && deleted.location == "/admin/hidden?done=deleted")
            #expect(try await store.article(id: id) == nil)
            #expect(try await Browser(client).get("/en/news/\(id)").status == 404)
            #expect(try await admin.get("/admin/articles/\(id)").status == 404)
            let entry = try #require(try await store.auditEntries(AuditFilter(actionPrefix: "article.delete"), limit: 1).first)
            #expect(entry.actor == "admin" && entry.before?.contains("A release published in error") == true)
        }
    }
}
