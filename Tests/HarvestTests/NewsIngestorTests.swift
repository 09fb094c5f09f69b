import EnbekshiCore
import Foundation
import Clean
import Enrich
import Harvest
import Store
import TestSupport
import Testing

@Suite("NewsIngestor: the one path into the store")
struct NewsIngestorTests {
    @Test("a recorded list is stored cleaned, with the original kept verbatim; twice changes nothing")
    func idempotentIngest() async throws {
        let database = try await TemporaryDatabase()
        let ingestor = NewsIngestor(store: database.store, logger: quietLogger)
        let (project, language, items, _) = try RecordedFile(
            path: Fixtures.path("01_news_list_bare_array"), project: "kgd-zhetysu", language: .en
        ).items()
        let first = try await ingestor.ingest(items, project: project, language: language)
        #expect(first == Array(repeating: .saved(.inserted), count: 3))
        let second = try await ingestor.ingest(items, project: project, language: language)
        #expect(second == Array(repeating: .saved(.unchanged), count: 3))

        let article = try #require(try await database.store.article(key: ArticleKey(project: "kgd-zhetysu", govkzID: "1127926")))
        let version = try #require(article.versions[.en])
        #expect(version.originalHTML == items[1].body)
        #expect(!version.bodyHTML.contains("<!DOCTYPE"))
        #expect(version.bodyHTML.contains("https://www.gov.kz/uploads/2025/12/18/0f3c2a9d5b7e41c8a6d2e9b1c4f7a3d5_original.218734.jpg"))
        #expect(version.sourceURL == "https://www.gov.kz/memleket/entities/kgd-zhetysu/press/news/details/1127926?lang=en")
        #expect(version.heropic?.hasPrefix("https://www.gov.kz/uploads/") == true)
        #expect(article.published?.local == "2025-12-18T12:05:00" || article.published?.day == "2025-12-18")
        #expect(version.rawJSON?.contains("\"id\":1127926") == true)
    }

    @Test("an item changed at the source is updated and its previous original kept")
    func update() async throws {
        let database = try await TemporaryDatabase()
        let ingestor = NewsIngestor(store: database.store, logger: quietLogger)
        let original = GovKzItem(
            id: "7", title: "Салық төлеушілерге ескерту", body: "<p>Бірінші мәтін және салық туралы ақпарат.</p>",
            createdDate: "2025-12-18T10:00:00Z")
        var changed = original
        changed.body = "<p>Түзетілген мәтін және салық туралы ақпарат.</p>"
        _ = try await ingestor.ingest([original], project: "mod", language: .kk)
        #expect(try await ingestor.ingest([changed], project: "mod", language: .kk) == [.saved(.updated)])
        let article = try #require(try await database.store.article(key: ArticleKey(project: "mod", govkzID: "7")))
        #expect(article.versions[.kk]?.bodyHTML == "<p>Түзетілген мәтін және салық туралы ақпарат.</p>")
        let history = try await database.store.history(articleID: article.id, language: .kk)
        #expect(history.map(\.originalHTML) == ["<p>Бірінші мәтін және салық туралы ақпарат.</p>"])
    }

    @Test("a missing title becomes the first sentence of the body")
    func derivedTitle() async throws {
        let database = try await TemporaryDatabase()
        let ingestor = NewsIngestor(store: database.store, logger: quietLogger)
        let item = GovKzItem(id: "8", title: "-", body: "<p>Аким района встретился с жителями. Обсудили ремонт дорог.</p>")
        _ = try await ingestor.ingest([item], project: "kyzylorda-syrdarya", language: .ru)
        let article = try #require(try await database.store.article(key: ArticleKey(project: "kyzylorda-syrdarya", govkzID: "8")))
        #expect(article.versions[.ru]?.title == "Аким района встретился с жителями")
        #expect(article.versions[.ru]?.originalTitle == "-")
    }

    @Test("the lead picture and the pictures in the body join the picture queue, once each; unchanged items add nothing")
    func picturesQueued() async throws {
        let database = try await TemporaryDatabase()
        let ingestor = NewsIngestor(store: database.store, logger: quietLogger)
        let item = GovKzItem(
            id: "9", title: "Новая школа открылась",
            body: "<p>В районе открыли школу.</p><p><img src=\"/uploads/2025/12/18/a_original.1.jpg\"></p>"
                + "<img src=\"https://www.gov.kz/uploads/2025/12/18/b_original.2.png\" alt=\"Школа\">",
            heropic: "/uploads/2025/12/18/hero_original.3.jpg", createdDate: "2025-12-18T10:00:00Z")
        _ = try await ingestor.ingest([item], project: "kyzylorda-syrdarya", language: .ru)
        _ = try await ingestor.ingest([item], project: "kyzylorda-syrdarya", language: .ru)
        let due = try await database.store.claimPictures(limit: 10, now: Date().addingTimeInterval(1), duration: 60)
        #expect(Set(due.map(\.url)) == [
            "https://www.gov.kz/uploads/2025/12/18/a_original.1.jpg", "https://www.gov.kz/uploads/2025/12/18/b_original.2.png",
            "https://www.gov.kz/uploads/2025/12/18/hero_original.3.jpg",
        ])
    }

    @Test("a title written with entities is stored as the text gov.kz meant, so pages escape it once")
    func entityTitles() async throws {
        let database = try await TemporaryDatabase()
        let ingestor = NewsIngestor(store: database.store, logger: quietLogger)
        let item = GovKzItem(
            id: "11", title: "Tax &lt;script&gt;alert(1)&lt;/script&gt; &amp; customs &laquo;eGov&raquo; a < b",
            body: "<p>The customs office explained the new rules for declarations.</p>", createdDate: "2026-06-09T11:48:00Z")
        _ = try await ingestor.ingest([item], project: "kgd", language: .en)
        let article = try #require(try await database.store.article(key: ArticleKey(project: "kgd", govkzID: "11")))
        let title = try #require(article.versions[.en]?.title)
        #expect(title == "Tax <script>alert(1)</script> & customs «eGov» a < b")
        #expect(HTMLEscaping.escape(title).contains("&lt;script&gt;"))
    }

    @Test("a body nested deeper than libxml2's limit keeps its text; text that is lost anyway is flagged")
    func deepNesting() async throws {
        let database = try await TemporaryDatabase()
        let ingestor = NewsIngestor(store: database.store, logger: quietLogger)
        let deep = "<p>" + String(repeating: "<span>", count: 300) + "The akimat repaired twelve roads this summer."
            + String(repeating: "</span>", count: 300) + "</p><p>Residents thanked the workers.</p>"
        let deeper = String(repeating: "<div><b>", count: 5_000) + "Deep text survives every level of nesting." + String(repeating: "</b></div>", count: 5_000)
        let items = [
            GovKzItem(id: "12", title: "Roads repaired", body: deep, createdDate: "2026-06-09T11:48:00Z"),
            GovKzItem(id: "13", title: "Deeper still", body: deeper, createdDate: "2026-06-09T11:48:00Z"),
        ]
        _ = try await ingestor.ingest(items, project: "kgd", language: .en)
        let first = try #require(try await database.store.article(key: ArticleKey(project: "kgd", govkzID: "12"))?.versions[.en])
        #expect(first.bodyHTML.contains("The akimat repaired twelve roads this summer."))
        #expect(first.bodyHTML.contains("Residents thanked the workers."))
        #expect(!first.flags.contains { $0.kind == .textLost })
        let second = try #require(try await database.store.article(key: ArticleKey(project: "kgd", govkzID: "13"))?.versions[.en])
        #expect(second.bodyHTML.contains("Deep text survives every level of nesting."))

        // A body past the cleaner's input limit loses its end: the version says so, and the audit counts it.
        let small = VersionPreparer(cleaner: HTMLCleaner(maxInputBytes: 200))
        let long = String(repeating: "<p>Paragraph of a long release about the budget.</p>", count: 20)
        let prepared = small.prepare(title: "Budget", bodyHTML: long, published: GovKzDate("2026-06-09T11:48:00Z"), requested: .en, fallbackLanguage: .en)
        #expect(prepared.flags.contains { $0.kind == .textLost })
        let version = ArticleVersion(
            language: .en, title: "Budget", originalTitle: "Budget", bodyHTML: prepared.body.html, originalHTML: long, slug: nil,
            sourceURL: "https://www.gov.kz/x", heropic: nil, createdRaw: nil, published: nil, fetchedAt: Date(), contentHash: "h",
            rawJSON: nil, flags: prepared.flags)
        #expect(ContentAudit.defects(of: version).contains(.lostText))
    }

    @Test("an item with no valid date is kept, dated by when it was stored, and flagged for editors", arguments: [nil, "not a date", "2026-13-45T99:00:00Z"] as [String?])
    func invalidDates(_ date: String?) async throws {
        let database = try await TemporaryDatabase()
        let ingestor = NewsIngestor(store: database.store, logger: quietLogger)
        let item = GovKzItem(id: "14", title: "Meeting with residents", body: "<p>The akim met residents of the district.</p>", createdDate: date)
        #expect(try await ingestor.ingest([item], project: "kgd", language: .en) == [.saved(.inserted)])
        let version = try #require(try await database.store.article(key: ArticleKey(project: "kgd", govkzID: "14"))?.versions[.en])
        #expect(version.flags.contains { $0.kind == .unknownDate })
        #expect(try await database.store.flaggedVersions(limit: 10).contains { $0.version.flags.contains { $0.kind == .unknownDate } })
    }

    @Test("a Kazakh request answered in Russian is stored as Russian, flagged, and not fetched into the store twice")
    func wrongLanguage() async throws {
        let database = try await TemporaryDatabase()
        let ingestor = NewsIngestor(store: database.store, logger: quietLogger)
        let item = GovKzItem(
            id: "10", title: "Новый финансовый омбудсман упростит защиту прав потребителей",
            body: "<p>В 2026 году в стране появится единый финансовый омбудсман, передает LS со ссылкой на АРРФР.</p>",
            createdDate: "2026-06-09T11:48:00Z")
        #expect(try await ingestor.ingest([item], project: "ardfm", language: .kk) == [.saved(.inserted)])
        #expect(try await ingestor.ingest([item], project: "ardfm", language: .kk) == [.saved(.unchanged)])
        #expect(try await ingestor.ingest([item], project: "ardfm", language: .ru) == [.saved(.unchanged)])
        let article = try #require(try await database.store.article(key: ArticleKey(project: "ardfm", govkzID: "10")))
        #expect(article.versions.keys.sorted() == [.ru])
        #expect(article.versions[.ru]?.flags == [QualityFlag(.languageMismatch, "asked gov.kz for kk, got ru")])
    }

    @Test("a release republished by another body joins its story; a report from the same template does not")
    func stories() async throws {
        let database = try await TemporaryDatabase()
        let ingestor = NewsIngestor(store: database.store, logger: quietLogger)
        let body = """
            <p>Агентство по регулированию и развитию финансового рынка напоминает, что в Казахстане действует единая             добровольная накопительная программа «Келешек» в рамках государственной образовательной накопительной системы.</p>            <p>Вкладчики получают премию государства в размере 5% и доход от вклада, а накопления не облагаются налогом.</p>            <p>Открыть вклад можно в банках второго уровня, участвующих в программе, начиная с 2 000 тенге.</p>
            """
        let original = GovKzItem(id: "35", title: "Как накопить на образование детей по программе «Келешек»?", body: body, createdDate: "2026-04-30")
        let copy = GovKzItem(
            id: "900", title: "Вниманию граждан: как накопить на образование детей", body: "<p>Департамент информирует граждан.</p>" + body,
            createdDate: "2026-05-01")
        func report(_ id: String, _ district: String, _ people: Int, _ tons: Int) -> GovKzItem {
            GovKzItem(
                id: id, title: "В \(district) районе прошла акция «Таза Қазақстан»",
                body: "<p>В рамках республиканской экологической акции «Таза Қазақстан» в \(district) районе проведён субботник. "
                    + "В уборке приняли участие \(people) человек: сотрудники акимата, учащиеся и жители.</p>"
                    + "<p>Вывезено \(tons) тонн мусора, высажено \(people / 2) саженцев.</p>", createdDate: "2026-05-01")
        }
        _ = try await ingestor.ingest([original], project: "ardfm", language: .ru)
        _ = try await ingestor.ingest([copy], project: "kgd-zhambyl", language: .ru)
        _ = try await ingestor.ingest([report("1", "Сырдарьинском", 120, 14)], project: "kyzylorda-syrdarya", language: .ru)
        _ = try await ingestor.ingest([report("2", "Казалинском", 240, 31)], project: "kyzylorda-kazaly", language: .ru)

        let first = try #require(try await database.store.article(key: ArticleKey(project: "ardfm", govkzID: "35")))
        let second = try #require(try await database.store.article(key: ArticleKey(project: "kgd-zhambyl", govkzID: "900")))
        #expect(first.storyID == first.id)
        #expect(second.storyID == first.id)
        #expect(try await database.store.storyMembers(storyID: first.id).map(\.id) == [first.id, second.id])
        let listed = try await database.store.latestArticles(limit: 10, offset: 0).map(\.key.project)
        #expect(listed.filter { $0 == "ardfm" || $0 == "kgd-zhambyl" } == ["ardfm"])
        #expect(listed.contains("kyzylorda-syrdarya") && listed.contains("kyzylorda-kazaly"))
        #expect(try await database.store.publishedArticleCount(filter: .source("kgd-zhambyl")) == 1)
        // The two clean-up reports are different stories on one subject: related, both ways.
        let syrdarya = try #require(try await database.store.article(key: ArticleKey(project: "kyzylorda-syrdarya", govkzID: "1")))
        let kazaly = try #require(try await database.store.article(key: ArticleKey(project: "kyzylorda-kazaly", govkzID: "2")))
        #expect(try await database.store.relatedArticles(to: syrdarya.id, limit: 5) == [kazaly.id])
        #expect(try await database.store.relatedArticles(to: kazaly.id, limit: 5) == [syrdarya.id])
        #expect(try await database.store.relatedArticles(to: first.id, limit: 5).contains(syrdarya.id) == false)
    }

    @Test("an error page sent as a body is rejected")
    func errorBody() async throws {
        let database = try await TemporaryDatabase()
        let ingestor = NewsIngestor(store: database.store, logger: quietLogger)
        let item = GovKzItem(id: "9", title: "Новость", body: "<html><body><h1>503 Service Unavailable</h1></body></html>")
        let outcome = try await ingestor.ingest([item], project: "mod", language: .ru)
        #expect(outcome == [.rejected("body is an error page")])
        #expect(try await database.store.statistics().versions == 0)
    }

    @Test("one page is one batch: a copy later in the page joins the story of its original earlier in it")
    func copyInTheSamePage() async throws {
        let database = try await TemporaryDatabase()
        let ingestor = NewsIngestor(store: database.store, logger: quietLogger)
        let body = "<p>Акимат области сообщает о начале приёма заявок на гранты для молодых предпринимателей. Заявки принимаются "
            + "до 15 декабря в центрах обслуживания населения.</p><p>Размер гранта составляет до 5 000 000 тенге, отбор проведёт "
            + "комиссия из 7 человек.</p>"
        let items = [
            GovKzItem(id: "1", title: "Гранты для молодых предпринимателей", body: body, createdDate: "2026-05-01"),
            GovKzItem(id: "2", title: "Итоги сессии маслихата", body: "<p>Депутаты утвердили бюджет на следующий год и план работы.</p>",
                      createdDate: "2026-05-01"),
            GovKzItem(id: "3", title: "Гранты для молодёжи", body: "<p>Вниманию жителей района.</p>" + body, createdDate: "2026-05-02"),
        ]
        let outcomes = try await ingestor.ingest(items, project: "almobl-akimat", language: .ru)
        #expect(outcomes == [.saved(.inserted), .saved(.inserted), .saved(.inserted)])
        let original = try #require(try await database.store.article(key: ArticleKey(project: "almobl-akimat", govkzID: "1")))
        let other = try #require(try await database.store.article(key: ArticleKey(project: "almobl-akimat", govkzID: "2")))
        let copy = try #require(try await database.store.article(key: ArticleKey(project: "almobl-akimat", govkzID: "3")))
        #expect(copy.storyID == original.id)
        #expect(original.storyID == original.id)
        #expect(other.storyID == nil)
        // Each item was cleaned and classified (on whichever core) and kept its place in the page.
        #expect(original.versions[.ru]?.title == "Гранты для молодых предпринимателей")
        #expect(copy.versions[.ru]?.bodyHTML.hasPrefix("<p>Вниманию жителей района.</p>") == true)
        #expect(original.topics != nil && copy.topics != nil && other.topics != nil)
    }

    static let grantBody = "<p>Акимат области сообщает о начале приёма заявок на гранты для молодых предпринимателей. Заявки "
        + "принимаются до 15 декабря в центрах обслуживания населения.</p><p>Размер гранта составляет до 5 000 000 тенге, "
        + "отбор проведёт комиссия из 7 человек.</p>"
    static let grant = GovKzItem(id: "1", title: "Гранты для молодых предпринимателей", body: grantBody, createdDate: "2026-05-01")
    /// Another body's copy, with an introduction of its own.
    static let grantCopy = GovKzItem(
        id: "77", title: "Гранты для молодёжи", body: "<p>Вниманию жителей района.</p>" + grantBody, createdDate: "2026-05-02")

    @Test("pages of several projects and languages ingested together: each page's outcomes in place, stories across them")
    func severalPages() async throws {
        let database = try await TemporaryDatabase()
        let ingestor = NewsIngestor(store: database.store, logger: quietLogger)
        let (original, copy) = (Self.grant, Self.grantCopy)
        let kazakh = GovKzItem(id: "1", title: "Жастарға арналған гранттар", body: "<p>Облыс әкімдігі гранттарға өтінім қабылдауды бастады.</p>",
                               createdDate: "2026-05-01")
        let error = GovKzItem(id: "5", title: "Новость", body: "<html><body><h1>503 Service Unavailable</h1></body></html>")
        let outcomes = try await ingestor.ingest([
            IngestPage(items: [original, error], project: "almobl-akimat", language: .ru),
            IngestPage(items: [kazakh], project: "almobl-akimat", language: .kk),
            IngestPage(items: [], project: "mod", language: .ru),
            IngestPage(items: [copy], project: "kgd-zhambyl", language: .ru),
        ])
        #expect(outcomes == [[.saved(.inserted), .rejected("body is an error page")], [.saved(.inserted)], [], [.saved(.inserted)]])
        let first = try #require(try await database.store.article(key: ArticleKey(project: "almobl-akimat", govkzID: "1")))
        #expect(first.versions.keys.sorted() == [.kk, .ru])
        let second = try #require(try await database.store.article(key: ArticleKey(project: "kgd-zhambyl", govkzID: "77")))
        #expect(second.storyID == first.id)
        // Again: all unchanged, and nothing to prepare.
        let again = try await ingestor.ingest([
            IngestPage(items: [original], project: "almobl-akimat", language: .ru),
            IngestPage(items: [copy], project: "kgd-zhambyl", language: .ru),
        ])
        #expect(again == [[.saved(.unchanged)], [.saved(.unchanged)]])
        try await database.store.checkSearchIndex()
    }

    @Test("a pipeline writes its batches in order while preparing the next: outcomes per batch, a repeat is unchanged")
    func pipeline() async throws {
        let database = try await TemporaryDatabase()
        let ingestor = NewsIngestor(store: database.store, logger: quietLogger)
        let (original, copy) = (Self.grant, Self.grantCopy)
        let other = GovKzItem(id: "2", title: "Итоги сессии маслихата", body: "<p>Депутаты утвердили бюджет на следующий год.</p>",
                              createdDate: "2026-05-01")
        var pipeline = IngestPipeline(ingestor: ingestor)
        #expect(try await pipeline.submit([IngestPage(items: [original, other], project: "almobl-akimat", language: .ru)]) == nil)
        // Prepared while the first batch may still be writing: the repeated item comes out unchanged either way.
        let first = try await pipeline.submit([
            IngestPage(items: [copy], project: "kgd-zhambyl", language: .ru),
            IngestPage(items: [original], project: "almobl-akimat", language: .ru),
        ])
        #expect(first == [[.saved(.inserted), .saved(.inserted)]])
        #expect(try await pipeline.finish() == [[.saved(.inserted)], [.saved(.unchanged)]])
        #expect(try await pipeline.finish() == nil)
        let leader = try #require(try await database.store.article(key: ArticleKey(project: "almobl-akimat", govkzID: "1")))
        #expect(try await database.store.article(key: ArticleKey(project: "kgd-zhambyl", govkzID: "77"))?.storyID == leader.id)
        #expect(try await database.store.statistics().versions == 3)
        try await database.store.checkSearchIndex()
    }
}
