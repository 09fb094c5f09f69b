@testable import Admin
import AsyncHTTPClient
import EnbekshiCore
import Enrich
import Foundation
import HummingbirdTesting
import Logging
import Publish
import Store
import TestSupport
import Testing
import TranslationFakes

/// The newsroom's own articles through the room: written by an editor, published by a chief
/// editor, on the public pages, feeds and API, translated by machine, changed after publication.
@Suite("Newsroom's own articles over HTTP")
struct NewsroomWritingTests {
    static let password = NewsroomHTTPTests.password
    static let logger = Logger(label: "writing-test") { _ in SwiftLogNoOpLogHandler() }

    static func form(_ csrf: String, title: String, lead: String = "", body: String, byline: String = "Айгүл Серікқызы",
                     section: String = "", region: String = "", link: String = "") -> [String: String] {
        ["csrf": csrf, "title-kk": title, "lead-kk": lead, "body-kk": body, "byline": byline, "section": section, "region": region,
         "source_link": link]
    }

    static func newsroomID(_ location: String?) throws -> Int64 {
        let path = try #require(location).split(separator: "?").first.map(String.init) ?? ""
        return try #require(Int64(path.replacingOccurrences(of: "/admin/writing/", with: "")))
    }

    /// An article's address without its slug redirects to the one with it.
    static func follow(_ page: Browser.Page, _ browser: Browser) async throws -> Browser.Page {
        guard page.status == 301, let location = page.location else { return page }
        return try await browser.get(location)
    }

    @Test("an editor writes in Kazakh, a chief editor publishes; it is on the pages, feeds and API, translated and labelled", arguments: StoreImplementation.allCases)
    func draftToPublic(_ implementation: StoreImplementation) async throws {
        try await NewsroomHTTPTests.withRoom(implementation) { client, store in
            let editor = Browser(client)
            try await editor.signIn("editor", Self.password)
            let blank = try await editor.get("/admin/writing/new")
            #expect(blank.status == 200 && blank.body.contains("name=\"title-kk\""))
            let csrf = try #require(blank.csrf)
            // Nothing typed: the form comes back with the problem, nothing stored.
            let empty = try await editor.post("/admin/writing", ["csrf": csrf, "byline": "x"])
            #expect(empty.status == 400 && empty.body.contains("Write a headline"))
            #expect(try await store.newsroomArticles(status: nil, limit: 10).count == 1)

            let hostile = "<script>alert(1)</script>"
            let created = try await editor.post("/admin/writing", Self.form(
                csrf, title: "Алматыда жастар марафоны өтті \(hostile)", lead: "Жексенбі күні мыңдаған жүгіруші қатысты.",
                body: "Марафонға 5 мың адам қатысты.\n\nЖарыс Абай даңғылынан басталды.<img src=x onerror=alert(2)>",
                byline: "Айгүл <b>Серікқызы</b>", section: "sport"))
            #expect(created.status == 303)
            let id = try Self.newsroomID(created.location)
            let page = try await editor.get("/admin/writing/\(id)")
            #expect(page.status == 200 && page.body.contains("State: <strong>draft</strong>"))
            #expect(!page.body.contains("<script>") && !page.body.contains("<img") && !page.body.contains("<b>Серікқызы"))
            #expect(page.body.contains("Марафонға 5 мың адам қатысты."))
            #expect(page.body.contains("suggested:"))

            // An editor does not publish.
            #expect(try await editor.post("/admin/writing/\(id)/publish", ["csrf": csrf]).status == 403)
            #expect(try await editor.post("/admin/writing/\(id)/submit", ["csrf": csrf]).status == 303)
            #expect(try await store.newsroomArticle(id: id)?.status == .submitted)

            let chief = Browser(client)
            try await chief.signIn("chief", Self.password)
            let chiefCSRF = try #require(try await chief.get("/admin/writing?status=submitted").csrf)
            #expect(try await chief.get("/admin/writing?status=submitted").body.contains("Алматыда жастар марафоны"))
            let published = try await chief.post("/admin/writing/\(id)/publish", ["csrf": chiefCSRF, "publish_at": ""])
            #expect(published.status == 303 && published.location?.hasSuffix("done=published") == true)
            let stored = try #require(try await store.newsroomArticle(id: id))
            #expect(stored.status == .published)
            let articleID = try #require(stored.articleID)
            let article = try #require(try await store.article(id: articleID))
            #expect(article.key == ArticleKey(project: Source.newsroomSlug, govkzID: String(id)))
            #expect(article.originalLanguages == [.kk] && article.topics?.section == .sport)

            let reader = Browser(client)
            let kk = try await reader.get("/kk/news/\(articleID)")
            #expect(kk.status == 200 || kk.status == 301)
            let kkPage = try await Self.follow(kk, reader)
            #expect(kkPage.body.contains("Алматыда жастар марафоны өтті &lt;script&gt;"))
            #expect(kkPage.body.contains("Жексенбі күні мыңдаған жүгіруші қатысты."))
            #expect(kkPage.body.contains("Авторы: Айгүл &lt;b&gt;Серікқызы&lt;/b&gt;"))
            #expect(kkPage.body.contains("Enbekshi QazaQ редакциясының материалы"))
            #expect(!kkPage.body.contains("gov.kz сайтындағы түпнұсқа") && !kkPage.body.contains("<script>alert") && !kkPage.body.contains("onerror"))
            #expect(try await reader.get("/kk/source/newsroom").body.contains("Алматыда жастар марафоны"))
            #expect(try await reader.get("/kk/news/all/rss.xml").body.contains("Алматыда жастар марафоны"))
            #expect(try await reader.get("/api/v1/articles/\(articleID)").body.contains("\"project\":\"newsroom\""))

            // The missing editions are queued, and the fake engine fills them, labelled.
            let jobs = try await store.dueTranslationJobs(now: Date(), limit: 10).filter { $0.articleID == articleID }
            #expect(Set(jobs.map(\.target)) == [.ru, .en])
            let fake = FakeTranslationServer()
            try await fake.withRunning { base in
                let http = HTTPClient(eventLoopGroupProvider: .singleton)
                let worker = TranslationWorker(
                    store: store, translators: [LibreTranslateTranslator(baseURL: base, apiKey: nil, client: http)], requestsPerSecond: 1000,
                    backoffBase: 0, logger: Self.logger)
                _ = try await worker.runDue(limit: 10)
                try await http.shutdown()
            }
            let translated = try #require(try await store.article(id: articleID))
            #expect(translated.versions[.en]?.machineTranslation?.sourceLanguage == .kk)
            #expect(translated.versions[.ru]?.machineTranslation?.sourceLanguage == .kk)
            let en = try await reader.get("/en/news/\(articleID)")
            let enPage = try await Self.follow(en, reader)
            #expect(enPage.body.contains("[en] ") && enPage.body.contains("Machine translation"))
            #expect(enPage.body.contains("Written by the Enbekshi QazaQ newsroom"))

            // A chief editor changes it after publication: the public page follows, the section stays the author's.
            let changed = try await chief.post("/admin/writing/\(id)", Self.form(
                chiefCSRF, title: "Алматы марафонына 5 мың адам қатысты", body: "Жаңартылған мәтін.", section: "sport",
                link: "https://almaty.gov.kz/news/1"))
            #expect(changed.status == 303)
            let again = try await reader.get("/kk/news/\(articleID)")
            let againPage = try await Self.follow(again, reader)
            #expect(againPage.body.contains("Алматы марафонына 5 мың адам қатысты") && againPage.body.contains("Жаңартылған мәтін."))
            #expect(againPage.body.contains("href=\"https://almaty.gov.kz/news/1\""))
            #expect(try await store.corrections(articleID: articleID).contains { $0.field == .section && $0.value == "sport" })
            // An editor may not change what is published.
            let editorCSRF = try #require(try await editor.get("/admin/writing").csrf)
            #expect(try await editor.post("/admin/writing/\(id)", Self.form(editorCSRF, title: "Changed", body: "x")).status == 403)

            let trail = try await store.auditEntries(AuditFilter(target: "newsroom:\(id)"), limit: 10).map(\.action)
            #expect(trail == ["newsroom.save", "newsroom.publish", "newsroom.submit", "newsroom.create"])
        }
    }

    @Test("a scheduled article waits for its time, then one pass publishes it", arguments: StoreImplementation.allCases)
    func scheduled(_ implementation: StoreImplementation) async throws {
        try await NewsroomHTTPTests.withRoom(implementation) { client, store in
            let chief = Browser(client)
            try await chief.signIn("chief", Self.password)
            let csrf = try #require(try await chief.get("/admin/writing/new").csrf)
            let created = try await chief.post("/admin/writing", Self.form(csrf, title: "Ертеңгі жаңалық", body: "Ертең жарияланады."))
            let id = try Self.newsroomID(created.location)
            #expect(try await chief.post("/admin/writing/\(id)/publish", ["csrf": csrf, "publish_at": "not a time"]).status == 400)
            let scheduled = try await chief.post("/admin/writing/\(id)/publish", ["csrf": csrf, "publish_at": "2099-01-02T09:30"])
            #expect(scheduled.status == 303 && scheduled.location?.hasSuffix("done=scheduled") == true)
            let waiting = try #require(try await store.newsroomArticle(id: id))
            #expect(waiting.status == .scheduled && waiting.articleID == nil)
            // 09:30 in Astana is 04:30 UTC.
            #expect(waiting.publishAt == Date(timeIntervalSince1970: 4_071_011_400))
            #expect(try await store.article(key: ArticleKey(project: Source.newsroomSlug, govkzID: String(id))) == nil)

            let publisher = NewsroomPublisher(store: store, logger: Self.logger)
            #expect(await publisher.publishDue(now: Date()) == 0)
            let time = try #require(waiting.publishAt)
            #expect(await publisher.publishDue(now: time.addingTimeInterval(1)) == 1)
            #expect(await publisher.publishDue(now: time.addingTimeInterval(2)) == 0)
            let done = try #require(try await store.newsroomArticle(id: id))
            #expect(done.status == .published)
            let doneID = try #require(done.articleID)
            let article = try #require(try await store.article(id: doneID))
            #expect(article.published?.local == "2099-01-02T09:30:00")
            #expect(try await store.auditEntries(AuditFilter(target: "newsroom:\(id)"), limit: 5).first?.action == "newsroom.publish")

            // Back to draft from scheduled; a published one does not go back.
            let second = try Self.newsroomID(try await chief.post("/admin/writing", Self.form(csrf, title: "Екінші", body: "Мәтін.")).location)
            #expect(try await chief.post("/admin/writing/\(second)/publish", ["csrf": csrf, "publish_at": "2099-05-05T10:00"]).status == 303)
            #expect(try await chief.post("/admin/writing/\(second)/withdraw", ["csrf": csrf]).status == 303)
            #expect(try await store.newsroomArticle(id: second)?.status == .draft)
            #expect(try await chief.post("/admin/writing/\(id)/withdraw", ["csrf": csrf]).status == 400)
        }
    }

    @Test("the newsroom's source is never harvested: the room offers no switch and refuses one")
    func newsroomSourceNotHarvested() async throws {
        try await NewsroomHTTPTests.withRoom(.sqlite) { client, store in
            try await store.seed(sources: [.newsroom])
            let admin = Browser(client)
            try await admin.signIn("admin", Self.password)
            let page = try await admin.get("/admin/sources?q=newsroom")
            #expect(page.status == 200 && page.body.contains("our articles") && !page.body.contains("action=\"/admin/sources/newsroom\""))
            let csrf = try #require(page.csrf)
            #expect(try await admin.post("/admin/sources/newsroom", ["csrf": csrf, "change": "enable"]).status == 400)
            #expect(try await store.source(slug: Source.newsroomSlug)?.enabled == false)
        }
    }
}
