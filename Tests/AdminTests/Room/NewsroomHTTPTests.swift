@testable import Admin
import EnbekshiCore
import Foundation
import Hummingbird
import HummingbirdTesting
import Logging
import Publish
import Store
import TestSupport
import Testing

/// The editors' room through a real server on 127.0.0.1, with a browser's cookie jar, on every engine.
@Suite("Newsroom over HTTP")
struct NewsroomHTTPTests {
    static let password = "correct horse battery"

    /// Runs `body` against the whole application (public site and room) over a fresh store with
    /// one account of each role, named after it.
    static func withRoom(
        _ implementation: StoreImplementation, throttle: LoginThrottle.Limits = .init(), secure: Bool = false,
        _ body: @Sendable (any TestClientProtocol, any NewsStore) async throws -> Void
    ) async throws {
        let (store, lifetime) = try await implementation.make()
        let hasher = try PasswordHasher(cost: 4)
        let desk = AccountDesk(store: store, hasher: hasher)
        for role in EditorRole.allCases {
            _ = try await desk.add(login: role.rawValue, displayName: nil, role: role, password: password, by: .commandLine)
        }
        try await store.seed(sources: SourceCatalog.parse("kgd-zhetysu"))
        _ = try await store.save(Self.article("1", title: "Tax reporting changes"), for: ArticleKey(project: "kgd-zhetysu", govkzID: "1"))
        _ = try await store.save(Self.article("2", title: "A release published in error"), for: ArticleKey(project: "kgd-zhetysu", govkzID: "2"))
        let now = Date()
        _ = try await store.addNewsroomArticle(
            NewsroomArticle(editions: [.en: .init(title: "A draft of the newsroom", body: "Its text.")], byline: "Staff", author: "editor", createdAt: now, updatedAt: now))
        let logger = Logger(label: "room-test") { _ in SwiftLogNoOpLogHandler() }
        let site = Site(store: store)
        let room = try await Newsroom(
            store: store, configuration: .init(secureCookies: secure, hasher: hasher, throttle: throttle), logger: logger,
            contentChanged: site.contentChanged)
        // The test client opens its one connection before the body runs, and some bodies work a while
        // (a harvest on a loaded machine) before their first request: the guard's 10 s for a first
        // request head would close it under them. ConnectionGuardTests hold the guard to its limits.
        var limits = ConnectionLimits()
        limits.headerTimeout = .seconds(600)
        limits.idleTimeout = .seconds(600)
        let app = site.application(hostname: "127.0.0.1", port: 0, limits: limits, logger: logger, room: room.router().buildResponder())
        try await app.test(.live) { client in try await body(client, store) }
        withExtendedLifetime(lifetime) {}
    }

    static func article(_ id: String, title: String) -> ArticleVersion {
        ArticleVersion(
            language: .en, title: title, originalTitle: title, bodyHTML: "<p>\(title): the text.</p>", originalHTML: "<p>\(title)</p>",
            slug: nil, sourceURL: "https://www.gov.kz/memleket/entities/kgd-zhetysu/press/news/details/\(id)?lang=en", heropic: nil,
            createdRaw: "2025-12-18T12:41:00.000Z", published: GovKzDate("2025-12-18T12:41:00.000Z"), fetchedAt: Date(), contentHash: "h\(id)",
            rawJSON: nil)
    }

    /// A route's path naming something real: an article for the article routes, a source for the
    /// sources', an account for the others.
    static func samplePath(_ route: AdminRoute, store: any NewsStore) async throws -> String {
        switch route {
        case .article, .hideArticle, .unhideArticle, .correctArticle, .restoreCorrection, .textEditor, .editText, .mergeStory, .splitStory,
            .leadStory, .keepApart, .deleteArticle, .history, .restoreVersion:
            let id: Int64 = try #require(try await store.articleID(for: ArticleKey(project: "kgd-zhetysu", govkzID: "1")))
            return route.path(id: id)
        case .changeSource, .sourcePage, .correctSource, .restoreSourceField:
            return route.path(slug: "kgd-zhetysu")
        case .ownArticle, .saveArticle, .submitArticle, .publishArticle, .withdrawArticle:
            return route.path(id: try #require(try await store.newsroomArticles(status: nil, limit: 1).first).id)
        default:
            return route.path(id: try #require(try await store.editor(login: "viewer")).id)
        }
    }

    @Test("signing in sets a private session cookie, rotates it, and signing out ends it", arguments: StoreImplementation.allCases)
    func signInAndOut(_ implementation: StoreImplementation) async throws {
        try await Self.withRoom(implementation) { client, store in
            let browser = Browser(client)
            let away = try await browser.get("/admin/queue?kind=text-lost")
            #expect(away.status == 303)
            #expect(away.location == "/admin/login?next=%2Fadmin%2Fqueue%3Fkind%3Dtext%2Dlost")

            let login = try await browser.get("/admin/login")
            #expect(login.status == 200 && login.csrf != nil)
            let signedIn = try await browser.signIn("editor", Self.password, next: "/admin/queue?kind=text-lost")
            #expect(signedIn.status == 303)
            #expect(signedIn.location == "/admin/queue?kind=text-lost")
            let cookie = try #require(signedIn.setCookies.first { $0.hasPrefix(RoomBoundary.sessionCookie + "=") })
            #expect(cookie.contains("HttpOnly") && cookie.contains("SameSite=Lax") && cookie.contains("Path=/admin"))
            #expect(!cookie.contains("Secure"))
            let first = try #require(await browser.cookie(RoomBoundary.sessionCookie))
            #expect(try await store.session(id: SessionSecret.storedID(first)) != nil)

            let dashboard = try await browser.get("/admin")
            #expect(dashboard.status == 200)
            #expect(dashboard.body.contains("Signed in as <strong>editor</strong>"))
            #expect(dashboard.headers[.cacheControl] == "no-store")
            #expect(dashboard.headers[.contentSecurityPolicy]?.contains("default-src 'none'") == true)

            // Signing in again starts a new session and ends the one the browser had.
            try await browser.signIn("editor", Self.password)
            let second = try #require(await browser.cookie(RoomBoundary.sessionCookie))
            #expect(second != first)
            #expect(try await store.session(id: SessionSecret.storedID(first)) == nil)

            let csrf = try #require(try await browser.get("/admin").csrf)
            let out = try await browser.post("/admin/logout", ["csrf": csrf])
            #expect(out.status == 303 && out.location == "/admin/login")
            #expect(await browser.cookie(RoomBoundary.sessionCookie) == nil)
            #expect(try await store.session(id: SessionSecret.storedID(second)) == nil)
            // The old cookie, replayed, signs nobody in.
            await browser.setCookie(RoomBoundary.sessionCookie, second, path: "/admin")
            #expect(try await browser.get("/admin").status == 303)
            let trail = try await store.auditEntries(AuditFilter(actor: "editor"), limit: 10).map(\.action)
            #expect(trail == ["session.logout", "session.login", "session.login"])
        }
    }

    @Test("cookies are Secure when the site is served over https")
    func secureCookies() async throws {
        try await Self.withRoom(.sqlite, secure: true) { client, _ in
            let browser = Browser(client)
            let login = try await browser.get("/admin/login")
            #expect(login.setCookies.allSatisfy { $0.contains("Secure") })
            let signedIn = try await browser.signIn("viewer", Self.password)
            #expect(signedIn.setCookies.contains { $0.hasPrefix(RoomBoundary.sessionCookie + "=") && $0.contains("Secure") })
        }
    }

    @Test("a wrong password, an unknown or disabled account are one refusal, logged and audited")
    func refusals() async throws {
        try await Self.withRoom(.sqlite) { client, store in
            let browser = Browser(client)
            for (login, password) in [("editor", "wrong password"), ("nobody", Self.password)] {
                let page = try await browser.signIn(login, password)
                #expect(page.status == 401)
                #expect(page.body.contains("Wrong login, password or code"))
                #expect(await browser.cookie(RoomBoundary.sessionCookie) == nil)
            }
            let admin = try await store.editor(login: "editor")
            try await AccountDesk(store: store, hasher: try PasswordHasher(cost: 4)).setDisabled(try #require(admin), true, by: .commandLine)
            #expect(try await browser.signIn("editor", Self.password).status == 401)
            let failures = try await store.auditEntries(AuditFilter(actionPrefix: "session.login-failed"), limit: 10)
            #expect(failures.map(\.target) == ["user:editor", "user:nobody", "user:editor"])
            #expect(failures.allSatisfy { $0.address == "127.0.0.1" })
        }
    }

    @Test("failed sign-ins are throttled per account and per address, with Retry-After")
    func throttling() async throws {
        try await Self.withRoom(.sqlite, throttle: .init(perAccount: 3, perAddress: 5, window: .seconds(600))) { client, _ in
            let browser = Browser(client)
            for _ in 0..<3 { #expect(try await browser.signIn("chief", "wrong password").status == 401) }
            let refused = try await browser.signIn("chief", Self.password)
            #expect(refused.status == 429)
            #expect(refused.headers[.retryAfter].flatMap(Int.init).map { $0 > 0 && $0 <= 600 } == true)
            #expect(await browser.cookie(RoomBoundary.sessionCookie) == nil)
            // Another account from the same address: two more failures reach the address's limit.
            #expect(try await browser.signIn("viewer", Self.password).status == 303)
            for _ in 0..<2 { #expect(try await browser.signIn("editor", "wrong password").status == 401) }
            #expect(try await browser.signIn("admin", Self.password).status == 429)
        }
    }

    @Test("a form without this session's token is refused; so is a sign-in without its cookie")
    func csrf() async throws {
        try await Self.withRoom(.sqlite) { client, store in
            let browser = Browser(client)
            try await browser.signIn("admin", Self.password)
            let missing = try await browser.post("/admin/users", ["login": "mallory", "role": "admin", "password": "mallory's password"])
            #expect(missing.status == 403)
            #expect(missing.body.contains("This form has expired"))
            let wrong = try await browser.post("/admin/users", ["login": "mallory", "role": "admin", "password": "mallory's password", "csrf": "guess"])
            #expect(wrong.status == 403)
            #expect(try await store.editor(login: "mallory") == nil)
            let csrf = try #require(try await browser.get("/admin/users").csrf)
            let added = try await browser.post("/admin/users", ["login": "dana", "role": "viewer", "password": "dana's password", "csrf": csrf])
            #expect(added.status == 303)
            #expect(try await store.editor(login: "dana")?.role == .viewer)

            // A sign-in form posted from elsewhere has no login cookie to match.
            let other = Browser(client)
            #expect(try await other.post("/admin/login", ["login": "admin", "password": Self.password, "csrf": "forged"]).status == 403)
        }
    }

    @Test("a session unused past the idle limit has ended; so have those of a disabled account")
    func expiry() async throws {
        try await Self.withRoom(.sqlite) { client, store in
            let browser = Browser(client)
            try await browser.signIn("editor", Self.password)
            let secret = try #require(await browser.cookie(RoomBoundary.sessionCookie))
            let id = SessionSecret.storedID(secret)
            try await store.touchSession(id: id, at: Date().addingTimeInterval(-3 * 3600))
            #expect(try await browser.get("/admin").status == 303)
            #expect(try await store.session(id: id) == nil)

            try await browser.signIn("editor", Self.password)
            #expect(try await browser.get("/admin").status == 200)
            let editor = try #require(try await store.editor(login: "editor"))
            try await AccountDesk(store: store, hasher: try PasswordHasher(cost: 4)).setDisabled(editor, true, by: .commandLine)
            #expect(try await browser.get("/admin").status == 303)
        }
    }

    @Test("every route of the room, for every role and for nobody: allowed or refused as the policy says", arguments: StoreImplementation.allCases)
    func everyRoleOnEveryRoute(_ implementation: StoreImplementation) async throws {
        try await Self.withRoom(implementation) { client, store in
            let guarded = AdminRoute.allCases.filter { $0.action != nil }
            let anonymous = Browser(client)
            for route in guarded {
                let path = try await Self.samplePath(route, store: store)
                let page = route.method == .get ? try await anonymous.get(path) : try await anonymous.post(path, ["csrf": "x"])
                #expect(page.status == (route.method == .get ? 303 : 403), "nobody \(route)")
                if route.method == .get { #expect(page.location?.hasPrefix("/admin/login?next=") == true, "nobody \(route)") }
            }
            for role in EditorRole.allCases {
                let browser = Browser(client)
                try await browser.signIn(role.rawValue, Self.password)
                let csrf = try #require(try await browser.get("/admin").csrf)
                for route in guarded {
                    let path = try await Self.samplePath(route, store: store)
                    // Forms are sent with the token and nothing else: allowed ones answer 400 or move on, never 403.
                    let page = route.method == .get ? try await browser.get(path) : try await browser.post(path, ["csrf": csrf])
                    let allowed = route.action.map { NewsroomPolicy.allows(role, $0) } ?? true
                    if allowed {
                        #expect([200, 303, 400].contains(page.status), "\(role) \(route): \(page.status)")
                    } else {
                        #expect(page.status == 403, "\(role) \(route): \(page.status)")
                        #expect(page.body.contains("Not allowed"), "\(role) \(route)")
                    }
                    #expect(page.headers[.cacheControl] == "no-store", "\(role) \(route)")
                }
            }
        }
    }

    @Test("what editors type is escaped on every page that shows it")
    func hostileInput() async throws {
        try await Self.withRoom(.sqlite) { client, store in
            let browser = Browser(client)
            try await browser.signIn("admin", Self.password)
            let csrf = try #require(try await browser.get("/admin/users").csrf)
            let hostile = "<script>alert(1)</script>\"'><img src=x onerror=alert(2)>"
            #expect(try await browser.post("/admin/users", ["login": "eve", "name": hostile, "role": "viewer", "password": "eve's password", "csrf": csrf]).status == 303)
            let users = try await browser.get("/admin/users")
            #expect(users.body.contains("&lt;script&gt;alert(1)&lt;/script&gt;"))
            #expect(!users.body.contains("<script>") && !users.body.contains("<img src=x"))
            let audit = try await browser.get("/admin/audit?actor=" + Browser.encode(hostile))
            #expect(audit.status == 200)
            #expect(!audit.body.contains("<script>") && audit.body.contains("&lt;script&gt;"))
            let login = try await Browser(client).get("/admin/login?next=" + Browser.encode("\"><script>x</script>"))
            #expect(!login.body.contains("<script>"))
            // A sign-in never sends anyone off the room, whatever `next` says.
            #expect(try await Browser(client).signIn("viewer", Self.password, next: "//evil.example/admin").location == "/admin")
            #expect(try await Browser(client).signIn("viewer", Self.password, next: "https://evil.example").location == "/admin")
            #expect(try await store.editor(login: "eve")?.displayName == hostile)
        }
    }

    @Test("accounts are managed in the room: a role changed, an account disabled, never one's own; each in the audit trail and its export")
    func accounts() async throws {
        try await Self.withRoom(.sqlite) { client, store in
            let browser = Browser(client)
            try await browser.signIn("admin", Self.password)
            let csrf = try #require(try await browser.get("/admin/users").csrf)
            let viewer = try #require(try await store.editor(login: "viewer"))
            let admin = try #require(try await store.editor(login: "admin"))
            #expect(try await browser.post("/admin/users/\(viewer.id)", ["change": "role", "role": "chief", "csrf": csrf]).status == 303)
            #expect(try await store.editor(id: viewer.id)?.role == .chief)
            #expect(try await browser.post("/admin/users/\(viewer.id)", ["change": "disable", "csrf": csrf]).status == 303)
            #expect(try await store.editor(id: viewer.id)?.disabled == true)
            let own = try await browser.post("/admin/users/\(admin.id)", ["change": "role", "role": "viewer", "csrf": csrf])
            #expect(own.status == 400)
            #expect(try await store.editor(id: admin.id)?.role == .admin)
            #expect(try await browser.post("/admin/users/999999", ["change": "disable", "csrf": csrf]).status == 404)
            #expect(try await browser.post("/admin/users", ["login": "viewer", "role": "viewer", "password": "another password", "csrf": csrf]).status == 400)

            let export = try await browser.get("/admin/audit.jsonl?action=user.")
            #expect(export.status == 200)
            #expect(export.headers[.contentType]?.hasPrefix("application/x-ndjson") == true)
            let lines = export.body.split(separator: "\n").map { try? JSONDecoder.iso8601.decode(AuditEntry.self, from: Data($0.utf8)) }
            #expect(lines.allSatisfy { $0 != nil })
            let actions = lines.compactMap { $0?.action }
            #expect(actions.prefix(2) == ["user.disable", "user.role"])
            #expect(lines.first??.actor == "admin" && lines.first??.address == "127.0.0.1")
            #expect(actions.filter { $0 == "user.add" }.count == EditorRole.allCases.count)
            let page = try await browser.get("/admin/audit?action=user.role")
            #expect(page.body.contains("chief"))
        }
    }

    @Test("one's password is changed with the current one; every other session ends, this browser stays signed in")
    func password() async throws {
        try await Self.withRoom(.sqlite) { client, store in
            let laptop = Browser(client), phone = Browser(client)
            try await laptop.signIn("editor", Self.password)
            try await phone.signIn("editor", Self.password)
            let csrf = try #require(try await laptop.get("/admin").csrf)
            #expect(try await laptop.post("/admin/password", ["current": "wrong one", "new": "a new long password", "csrf": csrf]).status == 400)
            let changed = try await laptop.post("/admin/password", ["current": Self.password, "new": "a new long password", "csrf": csrf])
            #expect(changed.status == 303)
            #expect(try await laptop.get("/admin").status == 200)
            #expect(try await phone.get("/admin").status == 303)
            #expect(try await Browser(client).signIn("editor", Self.password).status == 401)
            #expect(try await Browser(client).signIn("editor", "a new long password").status == 303)
            #expect(try await store.auditEntries(AuditFilter(actionPrefix: "user.password"), limit: 5).count == 1)
        }
    }

    @Test("the public page cache never answers or keeps the room, nor a request carrying the room's session")
    func cacheBoundary() async throws {
        try await Self.withRoom(.sqlite) { client, _ in
            let browser = Browser(client)
            try await browser.signIn("viewer", Self.password)
            let first = try await browser.get("/admin/sessions")
            let second = try await browser.get("/admin/sessions")
            #expect(first.status == 200 && second.status == 200)
            #expect(first.headers[.eTag] == nil && second.headers[.eTag] == nil)
            #expect(second.headers[.cacheControl] == "no-store")
            // Unknown addresses in the room are the room's own 404, private too.
            let missing = try await browser.get("/admin/nothing-here")
            #expect(missing.status == 404 && missing.headers[.cacheControl] == "no-store")
            // The session cookie is scoped to the room: public pages never receive it.
            #expect(!(await browser.jar.values.contains { $0.path == "/" }))
        }
    }
}

extension NewsroomHTTPTests {
    @Test("an editor hides an article with a reason: its page and API answer 410, it leaves listings and feeds, and showing it again restores it", arguments: StoreImplementation.allCases)
    func hideArticle(_ implementation: StoreImplementation) async throws {
        try await Self.withRoom(implementation) { client, store in
            let id = try #require(try await store.articleID(for: ArticleKey(project: "kgd-zhetysu", govkzID: "2")))
            let reader = Browser(client)
            #expect(try await reader.get("/en/news/\(id)").status == 301)
            #expect(try await reader.get("/en/news/all").body.contains("A release published in error"))

            let editor = Browser(client)
            try await editor.signIn("editor", Self.password)
            let desk = try await editor.get("/admin/articles/\(id)")
            #expect(desk.status == 200 && desk.body.contains("A release published in error"))
            let csrf = try #require(desk.csrf)
            #expect(try await editor.post("/admin/articles/\(id)/hide", ["reason": "  ", "csrf": csrf]).status == 400)
            let hidden = try await editor.post("/admin/articles/\(id)/hide", ["reason": "Published in error <b>by the source</b>", "csrf": csrf])
            #expect(hidden.status == 303)

            let gone = try await reader.get("/en/news/\(id)-a-release-published-in-error")
            #expect(gone.status == 410)
            #expect(gone.body.contains("Published in error &lt;b&gt;by the source&lt;/b&gt;"))
            let api = try await reader.get("/api/v1/articles/\(id)")
            #expect(api.status == 410 && api.body.contains("\"gone\""))
            #expect(!(try await reader.get("/en/news/all").body.contains("A release published in error")))
            #expect(!(try await reader.get("/en/news/all/rss").body.contains("A release published in error")))
            #expect(try await reader.get("/en/news/all").body.contains("Tax reporting changes"))
            #expect(try await editor.get("/admin/hidden").body.contains("Published in error"))

            // A viewer sees the article in the room but may not show it again.
            let viewer = Browser(client)
            try await viewer.signIn("viewer", Self.password)
            let seen = try await viewer.get("/admin/articles/\(id)")
            #expect(seen.status == 200 && !seen.body.contains("Show again"))
            let viewerCSRF = try #require(try await viewer.get("/admin").csrf)
            #expect(try await viewer.post("/admin/articles/\(id)/unhide", ["csrf": viewerCSRF]).status == 403)

            #expect(try await editor.post("/admin/articles/\(id)/unhide", ["csrf": csrf]).status == 303)
            #expect(try await reader.get("/en/news/all").body.contains("A release published in error"))
            let trail = try await store.auditEntries(AuditFilter(target: "article:\(id)"), limit: 5)
            #expect(trail.map(\.action) == ["article.unhide", "article.hide"])
            #expect(trail.last?.after == "Published in error <b>by the source</b>" && trail.first?.before == trail.last?.after)
        }
    }
}

extension NewsroomHTTPTests {
    @Test("an editor corrects a headline and a section: the public pages, the API and listings show them at once and after a re-harvest; a chief restores", arguments: StoreImplementation.allCases)
    func correctArticle(_ implementation: StoreImplementation) async throws {
        try await Self.withRoom(implementation) { client, store in
            let key = ArticleKey(project: "kgd-zhetysu", govkzID: "1")
            let id = try #require(try await store.articleID(for: key))
            let reader = Browser(client)
            #expect(try await reader.get("/en/news/all").body.contains("Tax reporting changes"))

            let editor = Browser(client)
            try await editor.signIn("editor", Self.password)
            let desk = try await editor.get("/admin/articles/\(id)")
            let csrf = try #require(desk.csrf)
            #expect(desk.body.contains("value=\"Tax reporting changes\""))
            #expect(try await editor.post("/admin/articles/\(id)/correct", ["title-en": "New tax rules", "csrf": csrf]).status == 400)
            #expect(try await editor.post("/admin/articles/\(id)/correct", ["section": "nonsense", "reason": "x", "csrf": csrf]).status == 400)
            let corrected = try await editor.post(
                "/admin/articles/\(id)/correct",
                ["title-en": "New tax rules <for 2026>", "section": "law", "reason": "the headline was vague", "csrf": csrf])
            #expect(corrected.status == 303)

            let page = try await reader.get("/en/news/\(id)")
            let canonical = try #require(page.location)
            let article = try await reader.get(canonical)
            #expect(article.body.contains("New tax rules &lt;for 2026&gt;"))
            #expect(try await reader.get("/en/category/law").body.contains("New tax rules"))
            #expect(try await reader.get("/api/v1/articles/\(id)").body.contains("New tax rules <for 2026>"))

            // gov.kz sends the item again, changed: the correction stays.
            var changed = Self.article("1", title: "Tax reporting changes, updated")
            changed.contentHash = "changed"
            #expect(try await store.save(changed, for: key) == .updated)
            #expect(try await Self.apiTitle(reader, id) == "New tax rules <for 2026>")
            #expect(try await reader.get("/en/category/law").body.contains("New tax rules"))

            // A chief may undo another's correction, and the machines' latest headline returns.
            #expect(try await editor.get("/admin/articles/\(id)").body.contains("Restore the machines"))
            let chief = Browser(client)
            try await chief.signIn("chief", Self.password)
            let chiefCSRF = try #require(try await chief.get("/admin").csrf)
            let restored = try await chief.post("/admin/articles/\(id)/restore", ["field": "title", "lang": "en", "csrf": chiefCSRF])
            #expect(restored.status == 303)
            #expect(try await Self.apiTitle(reader, id) == "Tax reporting changes, updated")
            let trail = try await store.auditEntries(AuditFilter(target: "article:\(id)"), limit: 10)
            #expect(trail.map(\.action) == ["article.restore", "article.correct", "article.correct"])
            #expect(trail.first?.actor == "chief")
        }
    }

    /// The English headline the API gives for an article.
    static func apiTitle(_ browser: Browser, _ id: Int64) async throws -> String? {
        let page = try await browser.get("/api/v1/articles/\(id)")
        let json = try JSONSerialization.jsonObject(with: Data(page.body.utf8)) as? [String: Any]
        let versions = json?["versions"] as? [[String: Any]] ?? []
        return versions.first { $0["language"] as? String == "en" }?["title"] as? String
    }

    @Test("an editor may restore their own correction but not another editor's")
    func restoreOthers() async throws {
        try await Self.withRoom(.sqlite) { client, store in
            let id = try #require(try await store.articleID(for: ArticleKey(project: "kgd-zhetysu", govkzID: "1")))
            let desk = AccountDesk(store: store, hasher: try PasswordHasher(cost: 4))
            _ = try await desk.add(login: "second", displayName: nil, role: .editor, password: Self.password, by: .commandLine)
            let first = Browser(client), second = Browser(client)
            try await first.signIn("editor", Self.password)
            try await second.signIn("second", Self.password)
            let firstCSRF = try #require(try await first.get("/admin").csrf)
            let secondCSRF = try #require(try await second.get("/admin").csrf)
            #expect(try await first.post("/admin/articles/\(id)/correct", ["section": "health", "reason": "r", "csrf": firstCSRF]).status == 303)
            let refused = try await second.post("/admin/articles/\(id)/restore", ["field": "section", "csrf": secondCSRF])
            #expect(refused.status == 403)
            #expect(!(try await second.get("/admin/articles/\(id)").body.contains("Restore the machines")))
            #expect(try await store.corrections(articleID: id).count == 1)
            #expect(try await first.post("/admin/articles/\(id)/restore", ["field": "section", "csrf": firstCSRF]).status == 303)
            #expect(try await store.corrections(articleID: id).isEmpty)
        }
    }
}

extension NewsroomHTTPTests {
    @Test("an admin finds a source, stops and restarts its harvest; both are audited")
    func sources() async throws {
        try await Self.withRoom(.sqlite) { client, store in
            let admin = Browser(client)
            try await admin.signIn("admin", Self.password)
            let page = try await admin.get("/admin/sources?q=zhetysu")
            #expect(page.status == 200 && page.body.contains("kgd-zhetysu") && page.body.contains("not read yet"))
            #expect(try await admin.get("/admin/sources?state=nonsense").status == 400)
            let csrf = try #require(page.csrf)
            #expect(try await admin.post("/admin/sources/kgd-zhetysu", ["change": "disable", "csrf": csrf]).status == 303)
            #expect(try await store.source(slug: "kgd-zhetysu")?.enabled == false)
            #expect(try await admin.get("/admin/sources?state=disabled").body.contains("kgd-zhetysu"))
            #expect(try await admin.post("/admin/sources/kgd-zhetysu", ["change": "enable", "csrf": csrf]).status == 303)
            #expect(try await store.source(slug: "kgd-zhetysu")?.enabled == true)
            #expect(try await admin.post("/admin/sources/no-such-body", ["change": "enable", "csrf": csrf]).status == 404)
            let trail = try await store.auditEntries(AuditFilter(target: "source:kgd-zhetysu"), limit: 5).map(\.action)
            #expect(trail == ["source.enable", "source.disable"])
        }
    }
}

extension JSONDecoder {
    static var iso8601: JSONDecoder {
        let decoder = JSONDecoder()
        decoder.dateDecodingStrategy = .iso8601
        return decoder
    }
}

extension NewsroomHTTPTests {
    @Test("a notice is named by the address, never written by it; wrong current passwords are throttled like sign-ins")
    func noticesAndPasswordGuessing() async throws {
        try await Self.withRoom(.sqlite, throttle: .init(perAccount: 2, perAddress: 50, window: .seconds(600))) { client, _ in
            let browser = Browser(client)
            try await browser.signIn("editor", Self.password)
            #expect(try await browser.get("/admin?done=session-ended").body.contains("Session ended."))
            let forged = try await browser.get("/admin?done=Call+this+number")
            #expect(forged.status == 200 && !forged.body.contains("Call this number"))
            let csrf = try #require(forged.csrf)
            for _ in 0..<2 {
                #expect(try await browser.post("/admin/password", ["current": "a guess", "new": "a new long password", "csrf": csrf]).status == 400)
            }
            let refused = try await browser.post("/admin/password", ["current": Self.password, "new": "a new long password", "csrf": csrf])
            #expect(refused.status == 429)
        }
    }
}

extension NewsroomHTTPTests {
    @Test("an editor works through the review queue: a flagged version is approved and leaves it; a viewer may only read it", arguments: StoreImplementation.allCases)
    func approveFromTheQueue(_ implementation: StoreImplementation) async throws {
        try await Self.withRoom(implementation) { client, store in
            var version = Self.article("9", title: "A jubilee in Astana")
            version.flags = [QualityFlag(.cyrillicInEnglish, "юбилей")]
            _ = try await store.save(version, for: ArticleKey(project: "kgd-zhetysu", govkzID: "9"))
            let id = try #require(try await store.articleID(for: ArticleKey(project: "kgd-zhetysu", govkzID: "9")))

            let viewer = Browser(client)
            try await viewer.signIn("viewer", Self.password)
            let seen = try await viewer.get("/admin/queue?kind=cyrillic-in-english")
            #expect(seen.body.contains("A jubilee in Astana") && !seen.body.contains("Approve as it stands"))

            let editor = Browser(client)
            try await editor.signIn("editor", Self.password)
            let queue = try await editor.get("/admin/queue?kind=cyrillic-in-english")
            #expect(queue.body.contains("Approve as it stands"))
            let csrf = try #require(queue.csrf)
            let approved = try await editor.post(
                "/admin/queue/approve", ["article": String(id), "lang": "en", "back": "/admin/queue?kind=cyrillic-in-english", "csrf": csrf])
            #expect(approved.status == 303 && approved.location == "/admin/queue?kind=cyrillic-in-english&done=approved")
            let after = try await editor.get(try #require(approved.location))
            #expect(!after.body.contains("A jubilee in Astana") && after.body.contains("leaves the queue"))
            #expect(try await editor.post("/admin/queue/approve", ["article": "999999", "lang": "en", "csrf": csrf]).status == 404)
            #expect(try await store.auditEntries(AuditFilter(actionPrefix: "version.approve"), limit: 5).map(\.target) == ["article:\(id)"])
        }
    }
}
