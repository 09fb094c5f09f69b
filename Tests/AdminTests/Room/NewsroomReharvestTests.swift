@testable import Admin
import EnbekshiCore
import Foundation
import GovKzFake
import Harvest
import HummingbirdTesting
import Logging
import Publish
import Store
import TestSupport
import Testing

/// Every kind of the newsroom's decision kept through a real re-harvest: the items come from the
/// fake gov.kz over HTTP on 127.0.0.1, through the harvester and the ingest path, and come again changed.
@Suite("Newsroom decisions through a re-harvest from the fake gov.kz")
struct NewsroomReharvestTests {
    static let password = NewsroomHTTPTests.password
    static let release = "<p>The State Revenue Department of Zhetysu region reminds taxpayers that declarations for 2025 are accepted until March 31, 2026 through the eGov portal and the taxpayer's office.</p><p>Late filing is fined 15 monthly calculation indices; questions are answered by the contact centre 1414.</p>"

    static func corpus(round: Int) -> FakeCorpus {
        var corpus = FakeCorpus()
        let changed = round == 1 ? "" : " Updated."
        corpus.add(project: "kgd-zhetysu", language: "en", object: [
            "id": 31, "title": "Declarations are accepted until March 31\(changed)", "body": release + (round == 1 ? "" : "<p>Updated on Monday.</p>"),
            "created_date": "2026-02-02T10:00:00.000Z",
        ])
        corpus.add(project: "kgd-zhetysu", language: "en", object: [
            "id": 32, "title": "A release published in error\(changed)", "body": "<p>Not for publication: a test of the site.\(changed)</p>",
            "created_date": "2026-02-02T11:00:00.000Z",
        ])
        // The first time a different text; the second time the same release as 31, which the
        // newsroom said is not the same story.
        corpus.add(project: "kgd-zhetysu", language: "en", object: [
            "id": 33, "title": "Declarations: a reminder\(changed)",
            "body": round == 1 ? "<p>Tax officers met entrepreneurs of Taldykorgan to explain the new Tax Code and answered their questions about VAT.</p>" : release,
            "created_date": "2026-02-02T12:00:00.000Z",
        ])
        if round == 2 {
            // The same release from a copy nobody decided about: it joins 31's story, as 33 would have.
            corpus.add(project: "kgd-zhetysu", language: "en", object: [
                "id": 34, "title": "Declarations until March 31", "body": release, "created_date": "2026-02-02T13:00:00.000Z",
            ])
        }
        return corpus
    }

    @Test("headline, text, section and region corrections, a hidden article and a story decision all hold when gov.kz sends the items again changed", arguments: StoreImplementation.allCases)
    func reharvest(_ implementation: StoreImplementation) async throws {
        try await NewsroomHTTPTests.withRoom(implementation) { client, store in
            let fake = FakeGovKz(corpus: Self.corpus(round: 1))
            try await fake.withRunning { base in
                var configuration = GovKzConfiguration()
                configuration.baseURL = base
                configuration.requestsPerSecond = 1000
                configuration.backoffBase = 0.01
                configuration.maxRetries = 1
                let logger = Logger(label: "reharvest") { _ in SwiftLogNoOpLogHandler() }
                let govkz = HTTPGovKzClient(configuration: configuration, logger: logger)
                var options = Harvester.Options()
                options.languages = [.en]
                let harvester = Harvester(client: govkz, ingestor: NewsIngestor(store: store, logger: logger), options: options, logger: logger)
                let source = try #require(try await store.source(slug: "kgd-zhetysu"))
                do {
                    #expect(try await harvester.runPass(sources: [source]).inserted == 3)
                    let id = { (govkzID: String) in try #require(try await store.articleID(for: ArticleKey(project: "kgd-zhetysu", govkzID: govkzID))) }
                    let (main, wrong, other) = (try await id("31"), try await id("32"), try await id("33"))

                    let editor = Browser(client)
                    try await editor.signIn("editor", Self.password)
                    let csrf = try #require(try await editor.get("/admin").csrf)
                    #expect(try await editor.post("/admin/articles/\(main)/correct", [
                        "csrf": csrf, "title-en": "Tax declarations: the deadline is March 31", "section": "economics", "region": "almaty",
                        "reason": "a clearer headline; filed where readers look",
                    ]).status == 303)
                    #expect(try await editor.post("/admin/articles/\(main)/text", [
                        "csrf": csrf, "lang": "en", "title": "Tax declarations: the deadline is March 31",
                        "body": "<p>Declarations for 2025 are accepted until March 31, 2026.</p>", "reason": "shorter",
                    ]).status == 303)
                    #expect(try await editor.post("/admin/articles/\(wrong)/hide", ["csrf": csrf, "reason": "published in error"]).status == 303)
                    let chief = Browser(client)
                    try await chief.signIn("chief", Self.password)
                    let chiefCSRF = try #require(try await chief.get("/admin").csrf)
                    #expect(try await chief.post("/admin/articles/\(other)/apart", ["csrf": chiefCSRF, "other": String(main)]).status == 303)

                    // gov.kz changes all three; the harvester brings them again.
                    fake.replaceCorpus(Self.corpus(round: 2))
                    let second = try await harvester.runPass(sources: [source])
                    #expect(second.updated == 3 && second.inserted == 1)

                    let reader = Browser(client)
                    let page = try await NewsroomWritingTests.follow(try await reader.get("/en/news/\(main)"), reader)
                    #expect(page.body.contains("Tax declarations: the deadline is March 31"))
                    #expect(page.body.contains("Declarations for 2025 are accepted until March 31, 2026.") && !page.body.contains("Updated on Monday"))
                    let stored = try #require(try await store.article(id: main))
                    #expect(stored.topics?.section == .economics && stored.topics?.region == "almaty")
                    #expect(try await reader.get("/en/news/\(wrong)").status == 410)
                    #expect(try await reader.get("/api/v1/articles/\(wrong)").status == 410)
                    let copy = try await id("34")
                    let leaders = try await store.storyLeaders(of: [main, other, copy])
                    #expect((leaders[main] ?? main) == (leaders[copy] ?? copy))
                    #expect((leaders[main] ?? main) != (leaders[other] ?? other))
                    #expect(try await store.article(id: other)?.versions[.en]?.title.contains("Updated") == true)
                } catch {
                    await govkz.shutdown()
                    throw error
                }
                await govkz.shutdown()
            }
        }
    }
}
