@testable import Admin
import EnbekshiCore
import Foundation
import HummingbirdTesting
import Publish
import Store
import TestSupport
import Testing

/// The review queue's kinds beyond quality flags, its filters and its keyboard mode; sources
/// corrected over the catalog; an article's history and an earlier gov.kz text shown again.
@Suite("Newsroom queue, sources and history over HTTP")
struct NewsroomQueueTests {
    static let password = NewsroomHTTPTests.password

    static func version(_ id: String, title: String, body: String, hash: String, published: String) -> ArticleVersion {
        var version = NewsroomHTTPTests.article(id, title: title)
        version.bodyHTML = body
        version.originalHTML = body
        version.contentHash = hash
        version.createdRaw = published
        version.published = GovKzDate(published)
        return version
    }

    /// One item of each kind; returns the ids of the brief, the changed, the uncertain and the two near-duplicates.
    static func fill(_ store: any NewsStore) async throws -> (brief: Int64, changed: Int64, uncertain: Int64, pair: (Int64, Int64)) {
        let recent = GovKzDate.localNow().prefix(16) + ":00.000Z"
        func save(_ project: String, _ id: String, title: String, body: String = "<p>Text.</p>", hash: String? = nil, published: String = "2025-12-18T12:41:00.000Z",
                  topics: ArticleTopics? = nil) async throws -> Int64 {
            let key = ArticleKey(project: project, govkzID: id)
            _ = try await store.save(Self.version(id, title: title, body: body, hash: hash ?? "h\(id)", published: published), for: key, requested: .en, topics: topics)
            return try #require(try await store.articleID(for: key))
        }
        let brief = try await save("kgd-zhetysu", "20", title: "A brief without text", body: "", published: String(recent))
        let changed = try await save("kgd-zhetysu", "21", title: "First headline of a changed release", body: "<p>The first text.</p>", hash: "first")
        _ = try await save("kgd-zhetysu", "21", title: "Second headline of a changed release", body: "<p>The second text.</p>", hash: "second")
        let uncertain = try await save(
            "akimat-abay", "22", title: "A hesitant classification",
            topics: ArticleTopics(section: .economics, secondary: [], sectionScore: 1, sectionReason: "a little tax", region: "abay", place: nil,
                regionReason: "a passing mention", sectionMargin: 0.05, regionMargin: 1))
        let first = try await save("kgd-zhetysu", "23", title: "A release told once", published: "2025-12-17T10:00:00.000Z")
        let second = try await save("kgd-abay", "24", title: "The release told again", published: "2025-12-17T11:00:00.000Z")
        func fingerprint(_ id: Int64) -> StoredFingerprint {
            StoredFingerprint(articleID: id, day: "2025-12-17", signature: (0..<64).map { UInt64($0) &* UInt64(id) }, shingleCount: 40, tokens: "", topic: (0..<64).map { UInt64($0) })
        }
        try await store.saveStoryLinks([
            StoryLinks(fingerprint: fingerprint(first), language: .en, joins: nil, related: []),
            StoryLinks(fingerprint: fingerprint(second), language: .en, joins: nil, related: [(first, 0.8)]),
        ])
        try await store.seed(sources: [Source(slug: "unnamed-body", kind: .other, region: nil)])
        _ = try await save("unnamed-body", "25", title: "News of a body with no name")
        return (brief, changed, uncertain, (second, first))
    }

    @Test("the queue lists every kind with counts, narrows by kind, source, region, edition and age, and refuses filters that name nothing", arguments: StoreImplementation.allCases)
    func kindsAndFilters(_ implementation: StoreImplementation) async throws {
        try await NewsroomHTTPTests.withRoom(implementation) { client, store in
            _ = try await Self.fill(store)
            let editor = Browser(client)
            try await editor.signIn("editor", Self.password)
            let all = try await editor.get("/admin/queue")
            #expect(all.status == 200)
            for title in ["A brief without text", "Second headline of a changed release", "A hesitant classification", "The release told again", "unnamed-body"] {
                #expect(all.body.contains(title), "\(title)")
            }
            for (kind, count) in [("brief", 1), ("changed-at-source", 1), ("uncertain-topics", 1), ("near-duplicate", 1), ("new-source", 1)] {
                #expect(all.body.contains("?kind=\(kind)\">"), "\(kind)")
                let page = try await editor.get("/admin/queue?kind=\(kind)")
                #expect(page.status == 200 && page.body.components(separatedBy: "<tr><td>").count - 1 == count, "\(kind)")
            }
            #expect(try await editor.get("/admin/queue?kind=uncertain-topics").body.contains("section economics, margin 0.05"))
            let abay = try await editor.get("/admin/queue?region=abay")
            #expect(abay.body.contains("A hesitant classification") && !abay.body.contains("A brief without text"))
            let tax = try await editor.get("/admin/queue?source=kgd")
            #expect(tax.body.contains("A brief without text") && tax.body.contains("The release told again") && !tax.body.contains("A hesitant classification"))
            let today = try await editor.get("/admin/queue?days=1")
            #expect(today.body.contains("A brief without text") && !today.body.contains("Second headline of a changed release"))
            #expect(try await editor.get("/admin/queue?lang=kk").body.contains("A brief without text") == false)
            for bad in ["kind=everything", "region=atlantis", "days=3", "source=%3Cscript%3E", "lang=fr"] {
                let refused = try await editor.get("/admin/queue?\(bad)")
                #expect(refused.status == 400, "\(bad)")
            }
            #expect(try await editor.get("/admin").body.contains("near-duplicate"))
        }
    }

    @Test("each kind is settled from the queue and leaves it, back to the same filter; sources need an admin", arguments: StoreImplementation.allCases)
    func actions(_ implementation: StoreImplementation) async throws {
        try await NewsroomHTTPTests.withRoom(implementation) { client, store in
            let ids = try await Self.fill(store)
            let chief = Browser(client)
            try await chief.signIn("chief", Self.password)
            let csrf = try #require(try await chief.get("/admin/queue").csrf)
            let back = "/admin/queue?kind=uncertain-topics"
            let topics = try await chief.post("/admin/queue/approve", ["article": String(ids.uncertain), "topics": "1", "back": back, "csrf": csrf])
            #expect(topics.status == 303 && topics.location == back + "&done=approved")
            #expect(try await store.uncertainTopics(sectionMargin: 0.25, regionMargin: 0.51, limit: 5).isEmpty)

            // A near-duplicate merged: one story now; the form came back to the queue.
            let merged = try await chief.post(
                "/admin/articles/\(ids.pair.0)/merge", ["other": String(ids.pair.1), "back": "/admin/queue?kind=near-duplicate", "csrf": csrf])
            #expect(merged.status == 303 && merged.location == "/admin/queue?kind=near-duplicate&done=story-changed")
            #expect(try await store.nearDuplicates(minimumScore: 0.5, limit: 5).isEmpty)
            // A form cannot send an editor elsewhere.
            let away = try await chief.post("/admin/queue/approve", ["article": String(ids.brief), "lang": "en", "back": "https://example.com/", "csrf": csrf])
            #expect(away.location == "/admin/queue?done=approved")
            let hidden = try await chief.post("/admin/articles/\(ids.changed)/hide", ["reason": "wrong release", "back": "/admin/queue?source=kgd", "csrf": csrf])
            #expect(hidden.location == "/admin/queue?source=kgd&done=hidden")
            #expect(try await store.versionsToReview(.changedAtSource, limit: 5).isEmpty)

            // Sources are an admin's.
            #expect(try await chief.post("/admin/queue/approve", ["source": "unnamed-body", "csrf": csrf]).status == 403)
            let admin = Browser(client)
            try await admin.signIn("admin", Self.password)
            let adminCSRF = try #require(try await admin.get("/admin/queue").csrf)
            #expect(try await admin.post("/admin/queue/approve", ["source": "unnamed-body", "csrf": adminCSRF]).status == 303)
            #expect(try await admin.post("/admin/queue/approve", ["source": "no-such-body", "csrf": adminCSRF]).status == 404)
            #expect(try await admin.post("/admin/queue/approve", ["csrf": adminCSRF]).status == 400)
            #expect(try await admin.get("/admin/queue").body.contains("Nothing to review here."))
            let actions = try await store.auditEntries(AuditFilter(), limit: 20).map(\.action)
            for action in ["topics.approve", "story.merge", "version.approve", "article.hide", "source.approve"] { #expect(actions.contains(action), "\(action)") }
        }
    }

    @Test("one at a time: the first item alone, its first action focused and every action under an access key")
    func keyboard() async throws {
        try await NewsroomHTTPTests.withRoom(.sqlite) { client, store in
            let ids = try await Self.fill(store)
            let editor = Browser(client)
            try await editor.signIn("editor", Self.password)
            let list = try await editor.get("/admin/queue?kind=brief")
            #expect(list.body.contains("/admin/queue?kind=brief&amp;focus=1") && !list.body.contains("autofocus"))
            let focus = try await editor.get("/admin/queue?kind=brief&focus=1")
            #expect(focus.body.contains("A brief without text") && focus.body.contains("autofocus"))
            #expect(focus.body.contains("accesskey=\"a\"") && focus.body.contains("accesskey=\"h\"") && focus.body.contains("accesskey=\"c\""))
            #expect(focus.body.contains("name=\"back\" value=\"/admin/queue?kind=brief&amp;focus=1\""))
            let csrf = try #require(focus.csrf)
            let next = try await editor.post("/admin/queue/approve", ["article": String(ids.brief), "lang": "en", "back": "/admin/queue?kind=brief&focus=1", "csrf": csrf])
            #expect(next.location == "/admin/queue?kind=brief&focus=1&done=approved")
            #expect(try await editor.get("/admin/queue?kind=brief&focus=1").body.contains("Nothing to review here."))
        }
    }

    @Test("an admin corrects a source's names, kind, region and parent; readers see them, a new seed keeps them, restoring gives the catalog's back", arguments: StoreImplementation.allCases)
    func sourceCorrections(_ implementation: StoreImplementation) async throws {
        try await NewsroomHTTPTests.withRoom(implementation) { client, store in
            try await store.seed(sources: SourceCatalog.parse("kgd"))
            let editor = Browser(client)
            try await editor.signIn("editor", Self.password)
            #expect(try await editor.get("/admin/sources/kgd-zhetysu").status == 403)
            let admin = Browser(client)
            try await admin.signIn("admin", Self.password)
            let page = try await admin.get("/admin/sources/kgd-zhetysu")
            #expect(page.status == 200 && page.body.contains("Name in English") && page.body.contains("<code>kgd-zhetysu</code>"))
            #expect(try await admin.get("/admin/sources/no-such-body").status == 404)
            let csrf = try #require(page.csrf)
            let form = [
                "csrf": csrf, "name_en": "Zhetysu <State> Revenue Department", "region": "zhetysu", "kind": "tax-department",
                "parent": "kgd", "reason": "its official name",
            ]
            #expect(try await admin.post("/admin/sources/kgd-zhetysu/correct", form.merging(["reason": ""]) { $1 }).status == 400)
            #expect(try await admin.post("/admin/sources/kgd-zhetysu/correct", form.merging(["kind": "newsroom"]) { $1 }).status == 400)
            #expect(try await admin.post("/admin/sources/kgd-zhetysu/correct", form.merging(["parent": "kgd-zhetysu"]) { $1 }).status == 400)
            #expect(try await admin.post("/admin/sources/kgd-zhetysu/correct", form.merging(["region": "atlantis"]) { $1 }).status == 400)
            #expect(try await admin.post("/admin/sources/kgd-zhetysu/correct", form.merging(["name_kk": ""]) { $1 }).status == 400)
            let saved = try await admin.post("/admin/sources/kgd-zhetysu/correct", form)
            #expect(saved.status == 303 && saved.location == "/admin/sources/kgd-zhetysu?done=corrected", "\(saved.location ?? "")")
            let corrections = try await store.sourceCorrections(slug: "kgd-zhetysu")
            #expect(corrections.map(\.field) == [.nameEN])

            let reader = Browser(client)
            let publicPage = try await NewsroomWritingTests.follow(try await reader.get(SiteRoute.source(.en, "kgd-zhetysu", page: 1).path), reader)
            #expect(publicPage.body.contains("Zhetysu &lt;State&gt; Revenue Department"))
            try await store.seed(sources: SourceCatalog.parse("kgd-zhetysu"))
            #expect(try await store.source(slug: "kgd-zhetysu")?.names[.en] == "Zhetysu <State> Revenue Department")

            // No region, another parent: corrections too, each audited with before and after.
            #expect(try await admin.post("/admin/sources/kgd-zhetysu/correct", form.merging(["region": "", "parent": ""]) { $1 }).status == 303)
            let now = try #require(try await store.source(slug: "kgd-zhetysu"))
            #expect(now.region == nil && now.parentSlug == nil)
            let trail = try await store.auditEntries(AuditFilter(target: "source:kgd-zhetysu"), limit: 10)
            #expect(trail.map(\.action).sorted() == ["source.correct.name_en", "source.correct.parent", "source.correct.region"])
            #expect(trail.first { $0.action == "source.correct.region" }?.before == "zhetysu")

            let restored = try await admin.post("/admin/sources/kgd-zhetysu/restore", ["csrf": csrf, "field": "name_en"])
            #expect(restored.status == 303 && restored.location == "/admin/sources/kgd-zhetysu?done=catalog-restored")
            #expect(try await store.source(slug: "kgd-zhetysu")?.names[.en] != "Zhetysu <State> Revenue Department")
            #expect(try await admin.post("/admin/sources/kgd-zhetysu/restore", ["csrf": csrf, "field": "name_en"]).status == 400)
        }
    }

    @Test("an article's history shows each change with before and after; an earlier gov.kz text is shown again and outlives a re-harvest", arguments: StoreImplementation.allCases)
    func history(_ implementation: StoreImplementation) async throws {
        try await NewsroomHTTPTests.withRoom(implementation) { client, store in
            let ids = try await Self.fill(store)
            let viewer = Browser(client)
            try await viewer.signIn("viewer", Self.password)
            let seen = try await viewer.get("/admin/articles/\(ids.changed)/history")
            #expect(seen.status == 200 && seen.body.contains("gov.kz changed the text") && seen.body.contains("First headline of a changed release"))
            #expect(!seen.body.contains("Restore this earlier text"))
            let editor = Browser(client)
            try await editor.signIn("editor", Self.password)
            let page = try await editor.get("/admin/articles/\(ids.changed)/history")
            #expect(page.body.contains("Restore this earlier text"))
            let csrf = try #require(page.csrf)
            #expect(try await editor.post("/admin/articles/\(ids.changed)/history", ["csrf": csrf, "lang": "en", "hash": "first"]).status == 400)
            #expect(try await editor.post("/admin/articles/\(ids.changed)/history", ["csrf": csrf, "lang": "en", "hash": "nothing", "reason": "r"]).status == 400)
            let restored = try await editor.post("/admin/articles/\(ids.changed)/history", ["csrf": csrf, "lang": "en", "hash": "first", "reason": "the change was a mistake"])
            #expect(restored.status == 303 && restored.location == "/admin/articles/\(ids.changed)/history?done=version-restored")

            let reader = Browser(client)
            let shown = try await NewsroomWritingTests.follow(try await reader.get("/en/news/\(ids.changed)"), reader)
            #expect(shown.body.contains("First headline of a changed release") && shown.body.contains("The first text."))
            // gov.kz sends the second text again: the restored one stays.
            _ = try await store.save(
                Self.version("21", title: "Third headline", body: "<p>The third text.</p>", hash: "third", published: "2025-12-18T12:41:00.000Z"),
                for: ArticleKey(project: "kgd-zhetysu", govkzID: "21"))
            let after = try await NewsroomWritingTests.follow(try await reader.get("/en/news/\(ids.changed)"), reader)
            #expect(after.body.contains("First headline of a changed release") && !after.body.contains("Third headline"))
            let history = try await editor.get("/admin/articles/\(ids.changed)/history")
            #expect(history.body.contains("title corrected by editor") && history.body.contains("version.restore by editor"))
        }
    }
}

extension NewsroomQueueTests {
    @Test("two-step sign-in: turned on with a code from the app and the password; then signing in needs a fresh code, used once", arguments: StoreImplementation.allCases)
    func twoStep(_ implementation: StoreImplementation) async throws {
        try await NewsroomHTTPTests.withRoom(implementation) { client, store in
            let editor = Browser(client)
            try await editor.signIn("editor", Self.password)
            let page = try await editor.get("/admin/two-step")
            #expect(page.status == 200 && page.body.contains("otpauth://totp/"))
            let csrf = try #require(page.csrf)
            let secret = try #require(page.body.components(separatedBy: "name=\"secret\" value=\"").dropFirst().first?.prefix(32)).description
            let now = Date()
            let code = SignInCodes.code(secret: secret, at: now)
            #expect(try await editor.post("/admin/two-step", ["csrf": csrf, "secret": secret, "code": code, "current": "wrong password"]).status == 400)
            #expect(try await editor.post("/admin/two-step", ["csrf": csrf, "secret": secret, "code": "000000" == code ? "111111" : "000000", "current": Self.password]).status == 400)
            #expect(try await editor.post("/admin/two-step", ["csrf": csrf, "secret": "forged", "code": code, "current": Self.password]).status == 400)
            let on = try await editor.post("/admin/two-step", ["csrf": csrf, "secret": secret, "code": code, "current": Self.password])
            #expect(on.status == 303 && on.location == "/admin/two-step?done=two-step-on")
            #expect(try await store.editor(login: "editor")?.totpSecret == secret)

            // Signing in: the password alone is refused; the code used to turn it on is spent.
            let again = Browser(client)
            #expect(try await again.signIn("editor", Self.password).status == 401)
            #expect(try await again.signIn("editor", Self.password, code: code).status == 401)
            let next = SignInCodes.code(secret: secret, at: now.addingTimeInterval(30))
            #expect(try await again.signIn("editor", Self.password, code: next).status == 303)
            #expect(try await Browser(client).signIn("editor", Self.password, code: next).status == 401)

            let off = try await again.post("/admin/two-step/off", ["csrf": try #require(try await again.get("/admin/two-step").csrf), "current": Self.password])
            #expect(off.status == 303 && off.location == "/admin/two-step?done=two-step-off")
            #expect(try await Browser(client).signIn("editor", Self.password).status == 303)
            let actions = try await store.auditEntries(AuditFilter(target: "user:editor"), limit: 20).map(\.action)
            #expect(actions.contains("user.two-step-on") && actions.contains("user.two-step-off"))
        }
    }
}
