import EnbekshiCore
import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif
import Hummingbird
import HummingbirdTesting
import Logging
import Publish
import Store
import TestSupport
import Testing

/// The site through a real HTTP server on 127.0.0.1, over a real SQLite file.
@Suite("Site: pages over HTTP")
struct SiteTests {
    static func version(
        _ language: Language, title: String, body: String = "<p>First paragraph.</p>\n<p>Second paragraph.</p>",
        published: String = "2025-12-18T12:41:00.000Z", project: String = "kgd-zhetysu", id: String = "1127933"
    ) -> ArticleVersion {
        ArticleVersion(
            language: language, title: title, originalTitle: title, bodyHTML: body, originalHTML: body, slug: nil,
            sourceURL: GovKzURL.newsPage(project: project, id: id, language: language), heropic: nil,
            createdRaw: published, published: GovKzDate(published), fetchedAt: Date(),
            contentHash: ContentHashStub.hash(title + body), rawJSON: nil)
    }

    /// Runs `body` against a live server over a fresh database filled by `fill`.
    static func withSite(
        _ fill: (any NewsStore) async throws -> Void, _ body: @Sendable (any TestClientProtocol) async throws -> Void
    ) async throws {
        let database = try await TemporaryDatabase()
        try await database.store.seed(sources: SourceCatalog.parse("kgd-zhetysu\nmfa-london\nardfm\nkgd"))
        try await fill(database.store)
        let logger = Logger(label: "site-test") { _ in SwiftLogNoOpLogHandler() }
        let app = Site(store: database.store).application(hostname: "127.0.0.1", port: 0, logger: logger)
        try await app.test(.live) { client in try await body(client) }
        withExtendedLifetime(database) {}
    }

    static func get(_ client: any TestClientProtocol, _ uri: String) async throws -> (status: Int, body: String, location: String?) {
        try await client.execute(uri: uri, method: .get) { response in
            (Int(response.status.code), String(buffer: response.body), response.headers[.location])
        }
    }

    @Test("HEAD answers like GET, without a body but with the length of the page")
    func head() async throws {
        try await Self.withSite({ _ in }) { client in
            let (status, length, declared) = try await client.execute(uri: "/en", method: .head) { response in
                (Int(response.status.code), response.body.readableBytes, response.headers[.contentLength])
            }
            #expect(status == 200)
            #expect(length == 0)
            let page = try await Self.get(client, "/en").body
            #expect(declared == String(page.utf8.count))
            let missing = try await client.execute(uri: "/en/news/999", method: .head) { Int($0.status.code) }
            #expect(missing == 404)
        }
    }

    @Test("/ redirects to the English edition")
    func rootRedirects() async throws {
        try await Self.withSite({ _ in }) { client in
            let (status, _, location) = try await Self.get(client, "/")
            #expect(status == 302)
            #expect(location == "/en")
        }
    }

    @Test("the home page of each edition lists news with date and publishing body, in its own language")
    func home() async throws {
        try await Self.withSite({ store in
            _ = try await store.save(Self.version(.en, title: "Let's celebrate the New Year without debts"),
                                     for: ArticleKey(project: "kgd-zhetysu", govkzID: "1127933"))
        }) { client in
            let (status, html, _) = try await Self.get(client, "/en")
            #expect(status == 200)
            #expect(html.hasPrefix("<!DOCTYPE html>\n<html lang=\"en\">"))
            #expect(html.contains("<meta charset=\"utf-8\">"))
            #expect(html.contains("Let&#39;s celebrate the New Year without debts"))
            #expect(html.contains("18 December 2025, 12:41"))
            #expect(html.contains("State Revenue Department, Zhetysu Region"))
            let (_, kazakh, _) = try await Self.get(client, "/kk")
            #expect(kazakh.contains("<html lang=\"kk\">"))
            #expect(kazakh.contains("2025 жылғы 18 желтоқсан, 12:41"))
            #expect(kazakh.contains("Соңғы жаңалықтар"))
            let (_, russian, _) = try await Self.get(client, "/ru")
            #expect(russian.contains("18 декабря 2025, 12:41"))
        }
    }

    @Test("a <script> in a title is shown as text, escaped, on listings and the article page")
    func escaping() async throws {
        try await Self.withSite({ store in
            _ = try await store.save(Self.version(.en, title: "<script>alert('x')</script> & more"),
                                     for: ArticleKey(project: "mfa-london", govkzID: "1"))
        }) { client in
            for uri in ["/en", "/en/news/all", "/en/news/1-script-alert-x-script-more"] {
                let (status, html, _) = try await Self.get(client, uri)
                #expect(status == 200, "\(uri)")
                #expect(!html.contains("<script>"), "\(uri)")
                #expect(html.contains("&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt; &amp; more"), "\(uri)")
            }
        }
    }

    @Test("the article page shows title, local date and time, paragraphs, publisher and the original in its language")
    func article() async throws {
        try await Self.withSite({ store in
            _ = try await store.save(Self.version(.en, title: "Kazakhstan and Egypt", published: "2025-12-18T20:30:00.000Z",
                                                  project: "mfa-london", id: "1127504"),
                                     for: ArticleKey(project: "mfa-london", govkzID: "1127504"))
        }) { client in
            let (status, html, _) = try await Self.get(client, "/en/news/1-kazakhstan-and-egypt")
            #expect(status == 200)
            #expect(html.contains("<h1>Kazakhstan and Egypt</h1>"))
            // gov.kz wall-clock time, never shifted into the next day.
            #expect(html.contains("18 December 2025, 20:30"))
            #expect(html.contains("<p>First paragraph.</p>\n<p>Second paragraph.</p>"))
            #expect(html.contains("Embassy of Kazakhstan (London)"))
            #expect(html.contains("href=\"https://www.gov.kz/memleket/entities/mfa-london/press/news/details/1127504?lang=en\""))
            #expect(!html.contains("not available in English"))
        }
    }

    @Test("an article missing from an edition is shown in another language, labelled, never mixed")
    func fallback() async throws {
        try await Self.withSite({ store in
            _ = try await store.save(Self.version(.ru, title: "Новый финансовый омбудсман", body: "<p>Текст статьи.</p>"),
                                     for: ArticleKey(project: "ardfm", govkzID: "221274"))
        }) { client in
            let (status, _, location) = try await Self.get(client, "/en/news/1")
            #expect(status == 301)
            let canonical = try #require(location)
            #expect(canonical == "/en/news/1-novyi-finansovyi-ombudsman")
            let (_, page, _) = try await Self.get(client, canonical)
            #expect(page.contains("This article is not available in English. It is shown in Russian."))
            #expect(page.contains("<article lang=\"ru\">"))
            #expect(page.contains("<h1>Новый финансовый омбудсман</h1>"))
            #expect(page.contains("?lang=ru"))
            let (_, listing, _) = try await Self.get(client, "/en/news/all")
            #expect(listing.contains("<li lang=\"ru\">"))
            #expect(listing.contains("in Russian"))
            let (_, kazakh, _) = try await Self.get(client, canonical.replacingOccurrences(of: "/en/", with: "/kk/"))
            #expect(kazakh.contains("Бұл мақала қазақ тілінде жоқ. Орыс тіліндегі нұсқасы көрсетілген."))
        }
    }

    @Test("/ picks the edition from Accept-Language, English when none fits", arguments: [
        ("kk-KZ,kk;q=0.9,ru;q=0.8", "/kk"), ("ru-RU,ru;q=0.9,en;q=0.8", "/ru"), ("de-DE,de;q=0.9", "/en"),
        ("en;q=0.3, ru;q=0.7", "/ru"), ("kz", "/kk"), ("", "/en"),
    ])
    func acceptLanguage(_ example: (String, String)) async throws {
        try await Self.withSite({ _ in }) { client in
            let location = try await client.execute(uri: "/", method: .get, headers: [.acceptLanguage: example.0]) { response in
                response.headers[.location]
            }
            #expect(location == example.1)
        }
    }

    @Test("a machine translation is labelled, names its source language and links to the original")
    func machineTranslationLabel() async throws {
        try await Self.withSite({ store in
            let key = ArticleKey(project: "ardfm", govkzID: "221276")
            _ = try await store.save(Self.version(.kk, title: "Қаржылық омбудсмен", body: "<p>Қазақша мәтін.</p>"), for: key)
            let article = try #require(try await store.article(key: key))
            var english = Self.version(.en, title: "Financial ombudsman", body: "<p>English text.</p>")
            english.machineTranslation = MachineTranslation(engine: "libretranslate", model: nil, translatedAt: Date(), sourceLanguage: .kk)
            #expect(try await store.saveTranslation(english, articleID: article.id))
        }) { client in
            let (_, html, _) = try await Self.get(client, "/en/news/1-qarzhylyq-ombudsmen")
            #expect(html.contains("Machine translation from Kazakh."))
            #expect(html.contains("<a href=\"/kk/news/1-qarzhylyq-ombudsmen\" hreflang=\"kk\">Read the original</a>"))
            #expect(html.contains("<article lang=\"en\">"))
            #expect(html.contains("<h1>Financial ombudsman</h1>"))
            let (_, listing, _) = try await Self.get(client, "/en/news/all")
            #expect(listing.contains("machine translation"))
            let (_, original, _) = try await Self.get(client, "/kk/news/1-qarzhylyq-ombudsmen")
            #expect(original.contains("<h1>Қаржылық омбудсмен</h1>"))
            #expect(!original.contains("машиналық аударма"))
        }
    }

    @Test("a Cyrillic run in an English article is marked with its language and shown with its gloss, labelled")
    func glossedRun() async throws {
        try await Self.withSite({ store in
            _ = try await store.save(
                Self.version(.en, title: "A jubilee concert", body: "<p>The юбилей concert was held.</p><p>Guests «Ақ жол».</p>"),
                for: ArticleKey(project: "kgd-zhetysu", govkzID: "1127933"))
            try await store.saveGlosses([Gloss(run: "юбилей", source: .ru, target: .en, text: "anniversary", engine: "libretranslate")])
        }) { client in
            let (status, page, _) = try await Self.get(client, "/en/news/1-a-jubilee-concert")
            #expect(status == 200)
            #expect(page.contains("<span lang=\"ru\">юбилей</span> <span class=\"gloss\">[machine translation: anniversary]</span>"))
            #expect(page.contains("<span lang=\"kk\">Ақ жол</span>»"), "a run with no gloss is marked only")
        }
    }

    @Test("a title in another language than the body is shown machine-translated, labelled, with gov.kz's title beside it")
    func translatedHeadline() async throws {
        func flagged(_ title: String, original: String) -> ArticleVersion {
            var english = Self.version(.en, title: title, body: "<p>\(title) about teachers' pay.</p>")
            english.originalTitle = original
            english.flags = [QualityFlag(.titleLanguage, "gov.kz's title is not in the body's language")]
            return english
        }
        try await Self.withSite({ store in
            _ = try await store.save(flagged("On October 9 the vice minister spoke", original: "Учителям повысят зарплату на 30% <script>"),
                                     for: ArticleKey(project: "kgd", govkzID: "5"))
            _ = try await store.save(flagged("On October 10 the minister spoke", original: "Министр выступил на брифинге"),
                                     for: ArticleKey(project: "kgd", govkzID: "6"))
            try await store.saveGlosses([Gloss(run: "Учителям повысят зарплату на 30% <script>", source: .ru, target: .en,
                                               text: "Teachers to get a 30% raise", engine: "libretranslate")])
        }) { client in
            func page(_ id: Int) async throws -> String {
                let (status, body, location) = try await Self.get(client, "/en/news/\(id)")
                guard let location, status == 301 || status == 308 else { return body }
                return try await Self.get(client, location).body
            }
            let translated = try await page(1)
            #expect(translated.contains("<h1>Teachers to get a 30% raise</h1>"))
            #expect(translated.contains("Headline translated by machine from Russian; gov.kz"))
            #expect(translated.contains("<span lang=\"ru\">Учителям повысят зарплату на 30% &lt;script&gt;</span>"))
            #expect(!translated.contains("30% <script>"))
            let untranslated = try await page(2)
            #expect(untranslated.contains("<h1>On October 10 the minister spoke</h1>"), "no translation yet: the derived headline")
            #expect(!untranslated.contains("Headline translated by machine"))

            // Listings, search and feeds show the same headline, labelled as machine translation.
            let (_, listing, _) = try await Self.get(client, "/en/news/all")
            #expect(listing.contains("Teachers to get a 30% raise"))
            #expect(listing.contains("On October 10 the minister spoke"))
            #expect(!listing.contains("On October 9 the vice minister spoke</a>"))
            #expect(listing.contains("machine translation"))
            let (_, found, _) = try await Self.get(client, "/en/search?q=teachers")
            #expect(found.contains("Teachers to get a 30% raise"))
            let (_, rss, _) = try await Self.get(client, "/en/news/all/rss.xml")
            #expect(rss.contains("<title>Teachers to get a 30% raise</title>"))
            #expect(rss.contains("Headline translated by machine from Russian"))
        }
    }

    @Test("category, region and source pages list their articles; the article links to them")
    func topicPages() async throws {
        try await Self.withSite({ store in
            let key = ArticleKey(project: "kgd-zhetysu", govkzID: "1127933")
            _ = try await store.save(Self.version(.ru, title: "Налоги до Нового года"), for: key)
            let article = try #require(try await store.article(key: key))
            try await store.saveTopics(
                ArticleTopics(section: .economics, secondary: [], sectionScore: 5, sectionReason: "tax body", region: "zhetysu",
                              place: nil, regionReason: "slug"), articleID: article.id)
            try await store.record(HarvestState(
                source: "kgd-zhetysu", language: .ru, lastAttemptAt: Date(), lastSuccessAt: Date(timeIntervalSince1970: 1_766_000_000),
                lastErrorAt: Date(), lastError: "HTTP 503", newestSeen: nil, itemsStored: 12, consecutiveFailures: 1))
        }) { client in
            for uri in ["/ru/category/economics", "/ru/region/zhetysu", "/ru/source/kgd-zhetysu"] {
                let (status, html, _) = try await Self.get(client, uri)
                #expect(status == 200, "\(uri)")
                #expect(html.contains("Налоги до Нового года"), "\(uri)")
            }
            let (_, economics, _) = try await Self.get(client, "/ru/category/economics")
            #expect(economics.contains("<h1>Экономика</h1>"))
            let (_, health, _) = try await Self.get(client, "/ru/category/health")
            #expect(!health.contains("Налоги до Нового года"))
            let (_, page, _) = try await Self.get(client, "/ru/news/1-nalogi-do-novogo-goda")
            #expect(page.contains("href=\"/ru/category/economics\">Экономика</a>"))
            #expect(page.contains("href=\"/ru/region/zhetysu\">область Жетісу</a>"))
            #expect(page.contains("href=\"/ru/source/kgd-zhetysu\">"))
            let (_, sourcePage, _) = try await Self.get(client, "/ru/source/kgd-zhetysu")
            #expect(sourcePage.contains("Последний успешный сбор"))
            #expect(sourcePage.contains("Департамент госдоходов · <a href=\"/ru/region/zhetysu\">область Жетісу</a> · Входит в: <a href=\"/ru/source/kgd\">Комитет государственных доходов</a>"))
            #expect(sourcePage.contains("HTTP 503"))
            for missing in ["/ru/category/nonsense", "/ru/region/atlantis", "/ru/source/no-such-body"] {
                #expect(try await Self.get(client, missing).status == 404, "\(missing)")
            }
        }
    }

    @Test("an article of a story names the other bodies that published it, with links")
    func alsoPublishedBy() async throws {
        try await Self.withSite({ store in
            _ = try await store.save(Self.version(.en, title: "Tax reminder"), for: ArticleKey(project: "kgd-zhetysu", govkzID: "1"))
            _ = try await store.save(Self.version(.en, title: "Tax reminder again"), for: ArticleKey(project: "mfa-london", govkzID: "2"))
            try await store.joinStory(articleID: 2, with: 1)
        }) { client in
            let (_, page, _) = try await Self.get(client, "/en/news/1-tax-reminder")
            #expect(page.contains("Also published by: <a href=\"/en/news/2-\">Embassy of Kazakhstan (London)</a>"))
            let (_, listing, _) = try await Self.get(client, "/en/news/all")
            #expect(listing.contains("Tax reminder"))
            #expect(!listing.contains("Tax reminder again"))
            #expect(listing.contains("Also published by: <a href=\"/en/source/mfa-london\">Embassy of Kazakhstan (London)</a>"))
        }
    }

    @Test("different releases on one subject link to each other as related, until they join one story")
    func related() async throws {
        try await Self.withSite({ store in
            _ = try await store.save(Self.version(.en, title: "Key changes in tax reporting"), for: ArticleKey(project: "kgd-zhambyl", govkzID: "1"))
            _ = try await store.save(Self.version(.en, title: "Revocation of tax returns cancelled"), for: ArticleKey(project: "kgd-zhetysu", govkzID: "2"))
            _ = try await store.save(Self.version(.en, title: "Unrelated news"), for: ArticleKey(project: "mod", govkzID: "3"))
            try await store.relate(1, to: [(id: 2, score: 0.39)])
        }) { client in
            let (_, zhambyl, _) = try await Self.get(client, "/en/news/1-key-changes-in-tax-reporting")
            #expect(zhambyl.contains("<h2 id=\"related\">Related</h2>"))
            #expect(zhambyl.contains("href=\"/en/news/2-revocation-of-tax-returns-cancelled\""))
            #expect(!zhambyl.contains("Unrelated news"))
            let (_, zhetysu, _) = try await Self.get(client, "/ru/news/2-revocation-of-tax-returns-cancelled")
            #expect(zhetysu.contains("<h2 id=\"related\">По теме</h2>"))
            #expect(zhetysu.contains("href=\"/ru/news/1-key-changes-in-tax-reporting\""))
            let (_, unrelated, _) = try await Self.get(client, "/en/news/3-unrelated-news")
            #expect(!unrelated.contains("id=\"related\""))
        }
    }

    @Test("a brief (no body) says so instead of showing an empty block")
    func brief() async throws {
        try await Self.withSite({ store in
            _ = try await store.save(Self.version(.en, title: "The Ministry of Defense signed a memorandum", body: ""),
                                     for: ArticleKey(project: "mod", govkzID: "1127751"))
        }) { client in
            let (_, html, _) = try await Self.get(client, "/en/news/1-the-ministry-of-defense-signed-a-memorandum")
            #expect(html.contains("Brief: gov.kz published no text for this item."))
            #expect(!html.contains("<div class=\"body\">"))
        }
    }

    @Test("news/all pages 20 items at a time, newest first, with links between pages")
    func pagination() async throws {
        try await Self.withSite({ store in
            for index in 0..<45 {
                let published = String(format: "2025-12-%02dT10:00:00Z", 1 + index % 28) .replacingOccurrences(of: "T10", with: String(format: "T%02d", index / 28 + 8))
                _ = try await store.save(Self.version(.ru, title: "Новость \(index)", published: published),
                                         for: ArticleKey(project: "kgd-zhetysu", govkzID: "\(index)"))
            }
        }) { client in
            let (_, first, _) = try await Self.get(client, "/ru/news/all")
            #expect(first.components(separatedBy: "<li><h2>").count - 1 == 20)
            #expect(first.contains("Страница 1 из 3"))
            #expect(first.contains("href=\"/ru/news/all?page=2\""))
            let (_, third, _) = try await Self.get(client, "/ru/news/all?page=3")
            #expect(third.components(separatedBy: "<li><h2>").count - 1 == 5)
            #expect(third.contains("rel=\"prev\" href=\"/ru/news/all?page=2\""))
            let (beyond, _, _) = try await Self.get(client, "/ru/news/all?page=4")
            #expect(beyond == 404)
        }
    }

    @Test("bad parameters get a helpful 400 page, unknown pages a 404 page, both in the edition's language", arguments: [
        ("/en/news/all?page=abc", 400, "whole number"), ("/en/news/all?page=0", 400, "whole number"),
        ("/en/news/all?page=-3", 400, "whole number"), ("/en/news/all?page=99999999999999999999", 400, "whole number"),
        ("/ru/news/all?page=x", 400, "Номер страницы должен быть целым числом"),
        ("/kk/news/all?page=x", 400, "Бет нөмірі 1-ден бастап бүтін сан болуы керек"),
        ("/en/news/999999-missing", 404, "Page not found"), ("/ru/news/not-a-number", 404, "Страница не найдена"),
        ("/de", 404, "Page not found"), ("/en/nothing/here", 404, "Page not found"),
        ("/kk/news/99999999999999999999999", 404, "Бет табылмады"),
    ])
    func errors(_ example: (String, Int, String)) async throws {
        try await Self.withSite({ _ in }) { client in
            let (status, html, _) = try await Self.get(client, example.0)
            #expect(status == example.1)
            #expect(html.contains(example.2))
            #expect(html.hasPrefix("<!DOCTYPE html>"))
        }
    }

    @Test("search: stems, snippets, filters, pages in every edition; bad queries get a 400 that says why")
    func search() async throws {
        try await Self.withSite({ store in
            _ = try await store.save(Self.version(.ru, title: "Налоги до Нового года", body: "<p>Оплатите налоги до 31 декабря.</p>"),
                                     for: ArticleKey(project: "kgd-zhetysu", govkzID: "1"))
            _ = try await store.save(Self.version(.kk, title: "Салықтарды төлеңіз", body: "<p>Салықты 31 желтоқсанға дейін төлеңіз.</p>"),
                                     for: ArticleKey(project: "kgd-zhetysu", govkzID: "2"))
            _ = try await store.save(Self.version(.ru, title: "Кредитование фермеров", body: "<p>Программа продлена.</p>"),
                                     for: ArticleKey(project: "kgd-zhetysu", govkzID: "3"))
        }) { client in
            let (status, page, _) = try await Self.get(client, "/ru/search?q=%D0%BD%D0%B0%D0%BB%D0%BE%D0%B3%D0%BE%D0%B2")  // налогов
            #expect(status == 200)
            #expect(page.contains("Найдено: 1"))
            #expect(page.contains("Налоги до Нового года"))
            #expect(page.contains("<mark>налоги</mark>"))
            #expect(!page.contains("Точных совпадений мало"))
            // No exact form of "кредит" in the texts, but "кредитование" begins with it: found, and said so.
            let (_, widened, _) = try await Self.get(client, "/ru/search?q=%D0%BA%D1%80%D0%B5%D0%B4%D0%B8%D1%82")  // кредит
            #expect(widened.contains("Кредитование фермеров"))
            #expect(widened.contains("Найдено: 1. Точных совпадений мало"))
            let (_, kazakh, _) = try await Self.get(client, "/kk/search?q=%D1%81%D0%B0%D0%BB%D1%8B%D2%9B")  // салық
            #expect(kazakh.contains("Салықтарды төлеңіз"))
            #expect(kazakh.contains("value=\"салық\""))
            let (_, empty, _) = try await Self.get(client, "/en/search")
            #expect(empty.contains("<form class=\"search\""))
            #expect(!empty.contains("role=\"status\""))
            let (quoteStatus, quote, _) = try await Self.get(client, "/en/search?q=%22tax")
            #expect(quoteStatus == 400)
            #expect(quote.contains("A quotation mark is not closed"))
            #expect(quote.contains("<form class=\"search\""))
            let (shortStatus, short, _) = try await Self.get(client, "/ru/search?q=%D0%BD*")  // н*
            #expect(shortStatus == 400)
            #expect(short.contains("нужно не меньше 2 букв"))
            for bad in ["/ru/search?q=a&section=nonsense", "/ru/search?q=a&from=2025-13-40", "/ru/search?q=a&page=0",
                        "/ru/search?q=a&order=random", "/ru/search?q=NOT", "/ru/search?q=" + String(repeating: "x%20", count: 200)] {
                #expect(try await Self.get(client, bad).status == 400, "\(bad)")
            }
        }
    }

    @Test("every listing has RSS, Atom and JSON feeds that parse, with full text, stable ids and Kazakhstan dates")
    func feeds() async throws {
        try await Self.withSite({ store in
            _ = try await store.save(
                Self.version(.ru, title: "Налоги до Нового года", body: "<p>Первый абзац &amp; налоги.</p>\n<p>Второй абзац.</p>",
                             published: "2025-12-18T12:41:00"),
                for: ArticleKey(project: "kgd-zhetysu", govkzID: "1"))
        }) { client in
            for path in ["/ru/news/all", "/ru/source/kgd-zhetysu", "/ru/region/zhetysu", "/ru/search?q=%D0%BD%D0%B0%D0%BB%D0%BE%D0%B3"] {
                let (_, page, _) = try await Self.get(client, path)
                #expect(page.contains("type=\"application/rss+xml\""), "\(path)")
                #expect(page.contains(">Atom</a>"), "\(path)")
            }
            for feed in ["/ru/news/all/rss.xml", "/ru/source/kgd-zhetysu/atom.xml", "/ru/search/rss.xml?q=%D0%BD%D0%B0%D0%BB%D0%BE%D0%B3"] {
                let (status, body, _) = try await Self.get(client, feed)
                #expect(status == 200, "\(feed)")
                let elements = try XMLElements(body)
                #expect(elements.text["title"]?.contains("Налоги до Нового года") == true, "\(feed)")
                #expect(elements.text["guid"] == "http://127.0.0.1:8080/ru/news/1" || elements.text["id"]?.contains("http://127.0.0.1:8080/ru/news/1") == true)
                let date = elements.text["pubDate"] ?? elements.text["published"] ?? ""
                #expect(date == "Thu, 18 Dec 2025 12:41:00 +0500" || date == "2025-12-18T12:41:00+05:00", "\(feed): \(date)")
                let content = elements.text["content:encoded"] ?? elements.text["content"] ?? ""
                #expect(content.contains("<p>Второй абзац.</p>"), "\(feed)")
                #expect(content.contains("&amp; налоги"), "\(feed)")
            }
            let (_, json, _) = try await Self.get(client, "/ru/source/kgd-zhetysu/feed.json")
            let feed = try #require(try JSONSerialization.jsonObject(with: Data(json.utf8)) as? [String: Any])
            #expect(feed["version"] as? String == "https://jsonfeed.org/version/1.1")
            let items = try #require(feed["items"] as? [[String: Any]])
            #expect(items.first?["id"] as? String == "http://127.0.0.1:8080/ru/news/1")
            #expect(items.first?["date_published"] as? String == "2025-12-18T12:41:00+05:00")
            #expect((items.first?["content_html"] as? String)?.contains("<p>Первый абзац &amp; налоги.</p>") == true)
            // The English feeds carry the Russian item saying what it is: its own language on the
            // item, and the page's note at the top of its content.
            let (_, rss, _) = try await Self.get(client, "/en/news/all/rss.xml")
            #expect(rss.contains("<language>en</language>") && rss.contains("<dc:language>ru</dc:language>"))
            let (_, atom, _) = try await Self.get(client, "/en/news/all/atom.xml")
            #expect(atom.contains("<entry xml:lang=\"ru\">"))
            for body in [rss, atom] {
                let content = try XMLElements(body).text["content:encoded"] ?? XMLElements(body).text["content"] ?? ""
                #expect(content.hasPrefix("<p lang=\"en\"><em>This article is not available in English"), "\(content.prefix(80))")
            }
            let (_, englishJSON, _) = try await Self.get(client, "/en/news/all/feed.json")
            let englishFeed = try #require(try JSONSerialization.jsonObject(with: Data(englishJSON.utf8)) as? [String: Any])
            let englishItem = try #require((englishFeed["items"] as? [[String: Any]])?.first)
            #expect(englishFeed["language"] as? String == "en" && englishItem["language"] as? String == "ru")
            #expect((englishItem["content_html"] as? String)?.hasPrefix("<p lang=\"en\"><em>This article is not available in English") == true)
            #expect(try await Self.get(client, "/ru/news/all/feed.txt").status == 404)
            #expect(try await Self.get(client, "/ru/search/rss.xml?q=%22").status == 400)
        }
    }

    @Test("the front page leads with stories several bodies published, then the latest, a block per section and the regions")
    func frontPage() async throws {
        try await Self.withSite({ store in
            _ = try await store.save(Self.version(.en, title: "Tax reminder", published: "2025-12-18T10:00:00"),
                                     for: ArticleKey(project: "kgd-zhetysu", govkzID: "1"))
            _ = try await store.save(Self.version(.en, title: "Tax reminder copy", published: "2025-12-18T11:00:00"),
                                     for: ArticleKey(project: "mfa-london", govkzID: "2"))
            _ = try await store.save(Self.version(.en, title: "Embassy reception", published: "2025-12-18T12:00:00"),
                                     for: ArticleKey(project: "mfa-london", govkzID: "3"))
            try await store.joinStory(articleID: 2, with: 1)
            try await store.saveTopics(
                ArticleTopics(section: .world, secondary: [], sectionScore: 5, sectionReason: "embassy", region: "abroad",
                              place: nil, regionReason: "slug"), articleID: 3)
        }) { client in
            let (_, page, _) = try await Self.get(client, "/en")
            let top = try #require(page.components(separatedBy: "<h2 id=\"top\">Top stories</h2>").dropFirst().first)
            let latest = try #require(top.components(separatedBy: "<h2 id=\"latest\">").first)
            #expect(latest.contains("Tax reminder"))
            #expect(latest.contains("Also published by"))
            #expect(!latest.contains("Embassy reception"))
            let rest = try #require(page.components(separatedBy: "<h2 id=\"latest\">").dropFirst().first)
            #expect(!rest.contains(">Tax reminder<"), "a top story is not repeated under the latest news")
            #expect(page.contains("<h2 id=\"section-world\"><a href=\"/en/category/world\">World</a></h2>") == false)
            #expect(page.contains("href=\"/en/region/zhetysu\">Zhetysu Region</a>"))
            #expect(page.contains("href=\"/en/region/abroad\">Abroad</a>"))
        }
    }

    @Test("an edition leads with its own language: news in other languages only is shown apart, counted, each labelled")
    func honestEdition() async throws {
        try await Self.withSite({ store in
            // The newest news is Russian only; English has an older article of its own.
            _ = try await store.save(Self.version(.en, title: "Tax reminder", published: "2025-12-17T10:00:00"),
                                     for: ArticleKey(project: "kgd-zhetysu", govkzID: "1"))
            for (index, title) in ["Новый финансовый омбудсман", "Налоговая отчётность"].enumerated() {
                _ = try await store.save(Self.version(.ru, title: title, published: "2025-12-18T1\(index):00:00", project: "ardfm", id: "\(index + 10)"),
                                         for: ArticleKey(project: "ardfm", govkzID: "\(index + 10)"))
            }
        }) { client in
            let (_, page, _) = try await Self.get(client, "/en")
            let latest = try #require(page.components(separatedBy: "<h2 id=\"latest\">").dropFirst().first?.components(separatedBy: "</section>").first)
            #expect(latest.contains("Tax reminder"))
            #expect(!latest.contains("омбудсман") && !latest.contains("Налоговая"), "no Russian item among the English latest news")
            let apart = try #require(page.components(separatedBy: "<h2 id=\"not-yet\">").dropFirst().first)
            #expect(apart.hasPrefix("Not yet in English <span class=\"count\">(2)</span></h2>"))
            #expect(apart.contains("<li lang=\"ru\">") && apart.contains("Новый финансовый омбудсман") && apart.contains("in Russian"))
            #expect(apart.contains("Налоговая отчётность"))

            // The Russian edition has all three: two of its own first, and the English one apart.
            let (_, russian, _) = try await Self.get(client, "/ru")
            let russianLatest = try #require(russian.components(separatedBy: "<h2 id=\"latest\">").dropFirst().first?.components(separatedBy: "</section>").first)
            #expect(russianLatest.contains("Налоговая отчётность") && !russianLatest.contains("Tax reminder"))
            #expect(russian.contains("Пока не на русском <span class=\"count\">(1)</span>"))

            // An edition with nothing of its own says so, and still shows the news apart.
            let (status, kazakh, _) = try await Self.get(client, "/kk")
            #expect(status == 200)
            #expect(kazakh.contains("Қазақ тіліндегі жаңалықтар әзірге жоқ."))
            #expect(kazakh.contains("Қазақ тілінде әлі жоқ <span class=\"count\">(3)</span>"))
        }
    }

    @Test("the archive lists one day's news and links the days around it; so does the article page")
    func archive() async throws {
        try await Self.withSite({ store in
            _ = try await store.save(Self.version(.en, title: "Tuesday news", published: "2025-12-16T10:00:00"),
                                     for: ArticleKey(project: "kgd-zhetysu", govkzID: "1"))
            _ = try await store.save(Self.version(.en, title: "Thursday news", published: "2025-12-18T23:59:00"),
                                     for: ArticleKey(project: "kgd-zhetysu", govkzID: "2"))
        }) { client in
            let (status, day, _) = try await Self.get(client, "/en/archive/2025-12-18")
            #expect(status == 200)
            #expect(day.contains("<h1>News of 18 December 2025</h1>"))
            #expect(day.contains("Thursday news") && !day.contains("Tuesday news"))
            // The day links skip days without news: Tuesday is the day before Thursday, and the
            // newest day has no "next".
            #expect(day.contains("href=\"/en/archive/2025-12-16\">← 16 December 2025</a>"))
            #expect(!day.contains("rel=\"next\""))
            let (_, empty, _) = try await Self.get(client, "/en/archive/2025-12-17")
            #expect(empty.contains("No news yet") && !empty.contains("Thursday news"))
            #expect(empty.contains("href=\"/en/archive/2025-12-18\">18 December 2025 →</a>"))
            let (_, article, _) = try await Self.get(client, "/en/news/1-tuesday-news")
            #expect(!article.contains("rel=\"prev\""))
            #expect(article.contains("href=\"/en/archive/2025-12-18\">18 December 2025 →</a>"))
            for bad in ["/en/archive/2025-02-30", "/en/archive/2025-1-1", "/en/archive/yesterday"] {
                let (status, page, _) = try await Self.get(client, bad)
                #expect(status == 400, "\(bad)")
                #expect(page.contains("The day in an archive address is written YYYY-MM-DD"), "\(bad)")
                #expect(!page.contains("“archive”"), "\(bad)")
            }
            // News stored without a harvest (an import) is collected news: no "nothing yet" above it.
            let (_, source, _) = try await Self.get(client, "/en/source/kgd-zhetysu")
            #expect(source.contains("Thursday news"))
            #expect(!source.contains("Nothing from this source has been collected yet") && !source.contains("not been harvested"))
            let (_, quiet, _) = try await Self.get(client, "/en/source/kgd")
            #expect(quiet.contains("Nothing from this source has been collected yet"))
        }
    }

    @Test("robots.txt, a sitemap index by month, OPML of every source, canonical URLs, Open Graph and JSON-LD")
    func forMachines() async throws {
        try await Self.withSite({ store in
            _ = try await store.save(Self.version(.ru, title: "Налоги до Нового года", published: "2025-12-18T12:41:00"),
                                     for: ArticleKey(project: "kgd-zhetysu", govkzID: "1"))
        }) { client in
            let (_, robots, _) = try await Self.get(client, "/robots.txt")
            #expect(robots.contains("Sitemap: http://127.0.0.1:8080/sitemap.xml"))
            let (_, index, _) = try await Self.get(client, "/sitemap.xml")
            #expect(try XMLElements(index).text["loc"] == "http://127.0.0.1:8080/sitemaps/2025-12.xml")
            let (_, month, _) = try await Self.get(client, "/sitemaps/2025-12.xml")
            let locs = month.components(separatedBy: "<loc>").dropFirst().compactMap { $0.components(separatedBy: "</loc>").first }
            #expect(locs == ["kk", "ru", "en"].map { "http://127.0.0.1:8080/\($0)/news/1-nalogi-do-novogo-goda" })
            _ = try XMLElements(month)
            #expect(try await Self.get(client, "/sitemaps/2025-11.xml").status == 404)
            #expect(try await Self.get(client, "/sitemaps/2025-13.xml").status == 404)
            let (_, opml, _) = try await Self.get(client, "/kk/sources.opml")
            _ = try XMLElements(opml)
            #expect(opml.contains("xmlUrl=\"http://127.0.0.1:8080/kk/source/kgd-zhetysu/rss.xml\""))
            let (_, page, _) = try await Self.get(client, "/en/news/1-nalogi-do-novogo-goda")
            #expect(page.contains("<link rel=\"canonical\" href=\"/en/news/1-nalogi-do-novogo-goda\">"))
            #expect(page.contains("<meta property=\"og:url\" content=\"http://127.0.0.1:8080/en/news/1-nalogi-do-novogo-goda\">"))
            let json = try #require(page.components(separatedBy: "<script type=\"application/ld+json\">").dropFirst().first?
                .components(separatedBy: "</script>").first)
            let ld = try #require(try JSONSerialization.jsonObject(with: Data(json.utf8)) as? [String: Any])
            #expect(ld["@type"] as? String == "NewsArticle")
            #expect(ld["headline"] as? String == "Налоги до Нового года")
            #expect(ld["datePublished"] as? String == "2025-12-18T12:41:00+05:00")
            let (_, search, _) = try await Self.get(client, "/en/search?q=tax")
            #expect(search.contains("<meta name=\"robots\" content=\"noindex, follow\">"))
        }
    }

    @Test("no search input makes the site fail", arguments: 0..<3)
    func searchNeverFails(_ seed: Int) async throws {
        var generator = SplitMix64(seed: UInt64(seed + 1))
        let alphabet = Array("ab налогсалық\"*()^:-+NOTANDOR \\'%&;<>\u{0}\u{202e}")
        let inputs = (0..<60).map { _ in
            String((0..<Int.random(in: 0...40, using: &generator)).map { _ in alphabet.randomElement(using: &generator) ?? "a" })
        }
        try await Self.withSite({ store in
            _ = try await store.save(Self.version(.ru, title: "Налоги"), for: ArticleKey(project: "kgd-zhetysu", govkzID: "1"))
        }) { client in
            for text in inputs {
                let encoded = text.addingPercentEncoding(withAllowedCharacters: .alphanumerics) ?? ""
                let status = try await Self.get(client, "/ru/search?q=\(encoded)").status
                #expect(status == 200 || status == 400, "\(text.debugDescription) → \(status)")
            }
        }
    }
}

/// Test content hashes only need to differ when the content differs.
enum ContentHashStub {
    static func hash(_ text: String) -> String { String(text.hashValue) }
}


/// The text of each element of an XML document, by name (the last one wins), read with
/// Foundation's XML parser so a feed that is not well-formed XML fails the test.
struct XMLElements {
    var text: [String: String] = [:]

    init(_ xml: String) throws {
        final class Collector: NSObject, XMLParserDelegate {
            var text: [String: String] = [:]
            var stack: [(String, String)] = []
            func parser(_ parser: XMLParser, didStartElement name: String, namespaceURI: String?, qualifiedName: String?,
                        attributes: [String: String] = [:]) {
                stack.append((qualifiedName ?? name, ""))
            }
            func parser(_ parser: XMLParser, foundCharacters string: String) {
                if !stack.isEmpty { stack[stack.count - 1].1 += string }
            }
            func parser(_ parser: XMLParser, didEndElement name: String, namespaceURI: String?, qualifiedName: String?) {
                if let (element, value) = stack.popLast() { text[element] = value }
            }
        }
        let parser = XMLParser(data: Data(xml.utf8))
        parser.shouldProcessNamespaces = false
        let collector = Collector()
        parser.delegate = collector
        guard parser.parse() else { throw parser.parserError ?? CocoaError(.fileReadCorruptFile) }
        text = collector.text
    }
}
