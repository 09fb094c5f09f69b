import AsyncHTTPClient
import EnbekshiCore
import Foundation
import Hummingbird
import HummingbirdTesting
import Logging
import NIOCore
@testable import Publish
import Store
import TestSupport
import Testing

/// Pictures on pages over a real connection: a fetched picture is shown in several sizes with its
/// shape and a labelled alt text, one not fetched leaves no gap (and is never hot-linked), and the
/// media route serves stored sizes immutably, with 404s (never 500s) for anything else.
@Suite("Pictures on pages")
struct PicturePagesTests {
    static let logger = Logger(label: "pictures-test") { _ in SwiftLogNoOpLogHandler() }
    static let hash = "0123456789abcdef0123456789abcdef"

    static func picture() -> ProcessedPicture {
        ProcessedPicture(
            hash: hash, width: 1000, height: 750, originalType: "image/jpeg", original: Array("original".utf8),
            variants: [320, 640, 1000].flatMap { width in
                PictureFormat.allCases.map { PictureVariant(width: width, height: width * 3 / 4, format: $0, bytes: Array("\(width) \($0)".utf8)) }
            })
    }

    @Test("pages show fetched pictures with srcset, size and alt; an unfetched one leaves nothing; media is immutable")
    func pictures() async throws {
        let database = try await TemporaryDatabase()
        let store = database.store
        try await store.seed(sources: SourceCatalog.parse("kgd-zhetysu\nmfa-london"))
        var saved: [Int64] = []
        // The second article's text holds two pictures: one fetched, one not.
        let body = "<p>The office opened.</p>\n<figure><img src=\"https://www.gov.kz/uploads/in-body.jpg\" alt=\"The new office\" loading=\"lazy\"></figure>\n"
            + "<p>Visitors came <img src=\"https://www.gov.kz/uploads/not-fetched.jpg\" alt=\"\" loading=\"lazy\"> early.</p>\n"
            + "<figure><img src=\"https://www.gov.kz/uploads/not-fetched-either.jpg\" alt=\"\" loading=\"lazy\"></figure>"
        for (index, title) in ["Reception at the embassy", "Tax office opens"].enumerated() {
            var version = SiteTests.version(.en, title: title, published: "2025-12-18T1\(index):00:00", id: "\(index + 1)")
            if index == 1 { version.bodyHTML = body }
            version.heropic = "https://www.gov.kz/uploads/2025/12/18/\(index)_original.\(index).jpg"
            let key = ArticleKey(project: "kgd-zhetysu", govkzID: "\(index + 1)")
            _ = try await store.save(version, for: key)
            saved.append(try #require(try await store.articleID(for: key)))
        }
        let ids = saved
        try await store.storePicture(url: "https://www.gov.kz/uploads/2025/12/18/0_original.0.jpg", picture: Self.picture(), now: Date())
        try await store.storePicture(url: "https://www.gov.kz/uploads/in-body.jpg", picture: Self.picture(), now: Date())

        let site = Site(store: store, publicURL: "https://news.example")
        try await site.application(hostname: "127.0.0.1", port: 0, logger: Self.logger).test(.live) { client in
            func get(_ uri: String, headers: HTTPFields = [:]) async throws -> (status: Int, headers: HTTPFields, body: String) {
                try await client.execute(uri: uri, method: .get, headers: headers) { (Int($0.status.code), $0.headers, String(buffer: $0.body)) }
            }
            let (_, _, home) = try await get("/en/news/all")
            let items = home.components(separatedBy: "<li").dropFirst()
            let withPicture = try #require(items.first { $0.contains("Reception at the embassy") })
            #expect(withPicture.hasPrefix(" class=\"with-picture\""))
            #expect(withPicture.contains("<source type=\"image/webp\" srcset=\"/media/\(Self.hash)/320.webp 320w, /media/\(Self.hash)/640.webp 640w, /media/\(Self.hash)/1000.webp 1000w\""))
            #expect(withPicture.contains("src=\"/media/\(Self.hash)/640.jpg\""))
            #expect(withPicture.contains("width=\"1000\" height=\"750\""))
            #expect(withPicture.contains("alt=\"Picture for the news: Reception at the embassy\" loading=\"lazy\""))
            let without = try #require(items.first { $0.contains("Tax office opens") })
            #expect(!without.contains("<picture") && !without.contains("<img"), "a picture not fetched leaves no gap")
            #expect(!home.contains("gov.kz/uploads"), "gov.kz's pictures are never hot-linked")

            // The front page without top stories: the latest news leads, and the lead slot takes the
            // story with a picture (the second newest) over the newest, which has none yet.
            let (_, _, front) = try await get("/en")
            let latest = try #require(front.components(separatedBy: "<section class=\"latest\"").dropFirst().first?
                .components(separatedBy: "</section>").first)
            #expect(latest.contains("<ul class=\"news lead-first\">"))
            let listed = Array(latest.components(separatedBy: "<li").dropFirst())
            #expect(listed.count == 2)
            let leading = try #require(listed.first)
            #expect(leading.contains("Reception at the embassy"))
            #expect(leading.contains("sizes=\"\(PictureMarkup.Placement.lead.sizes)\"") && !leading.contains("loading=\"lazy\""))
            #expect(listed.last?.contains("Tax office opens") == true && listed.last?.contains("<picture") == false)
            let reference = PictureReference(hash: Self.hash, width: 1000, height: 750, widths: [320, 640, 1000])
            #expect(!PictureMarkup.html(reference, alt: "", placement: .lead).contains("loading="), "a lead picture loads at once")
            #expect(PictureMarkup.html(reference, alt: "", placement: .blockLead).contains("loading=\"lazy\""))

            let (_, _, article) = try await get("/en/news/\(ids[0])-reception-at-the-embassy")
            #expect(article.contains("<figure class=\"hero\"><picture>"))
            let hero = try #require(article.components(separatedBy: "<figure class=\"hero\">").dropFirst().first)
            #expect(!hero.components(separatedBy: "</figure>")[0].contains("loading=\"lazy\""), "the article's own picture loads early")
            #expect(article.contains("<figcaption lang=\"en\">Photo: "))
            #expect(article.contains("<meta property=\"og:image\" content=\"https://news.example/media/\(Self.hash)/1000.jpg\">"))
            #expect(article.contains("1 min read"))
            let (_, _, other) = try await get("/en/news/\(ids[1])-tax-office-opens")
            #expect(!other.contains("<figure class=\"hero\"") && !other.contains("gov.kz/uploads") && !other.contains("og:image"))
            #expect(other.contains("<figure><picture><source type=\"image/webp\" srcset=\"/media/\(Self.hash)/320.webp 320w"))
            #expect(other.contains("alt=\"The new office\" loading=\"lazy\""), "gov.kz's own alt text is kept")
            #expect(other.contains("<p>Visitors came  early.</p>"), "a picture not fetched is left out")
            #expect(!other.contains("<figure></figure>") && other.components(separatedBy: "<picture>").count == 2)

            // Feeds: the lead picture as each format's enclosure, the text's fetched pictures as one
            // absolute JPEG each, the others left out; never gov.kz's address.
            let largest = "https://news.example/media/\(Self.hash)/1000.jpg"
            let (_, _, rss) = try await get("/en/news/all/rss.xml")
            #expect(rss.contains("<media:content url=\"\(largest)\" medium=\"image\" type=\"image/jpeg\" width=\"1000\" height=\"750\"/>"))
            #expect(rss.components(separatedBy: "<media:content").count == 2, "only the article with a stored lead picture")
            #expect(rss.contains("&lt;img src=&quot;\(largest)&quot; width=&quot;1000&quot; height=&quot;750&quot; alt=&quot;The new office&quot;&gt;"))
            let (_, _, atom) = try await get("/en/news/all/atom.xml")
            #expect(atom.contains("<link rel=\"enclosure\" type=\"image/jpeg\" href=\"\(largest)\"/>"))
            let (_, _, jsonFeed) = try await get("/en/news/all/feed.json")
            let feedItems = try #require(
                (try JSONSerialization.jsonObject(with: Data(jsonFeed.utf8)) as? [String: Any])?["items"] as? [[String: Any]])
            #expect(feedItems.compactMap { $0["image"] as? String } == [largest])
            for feed in [rss, atom, jsonFeed] { #expect(!feed.contains("gov.kz/uploads"), "feeds never hot-link gov.kz") }

            // The API: our sizes, with gov.kz's address only as the key that body_html holds.
            let (_, _, list) = try await get("/api/v1/articles?lang=en")
            let apiItems = try #require(
                (try JSONSerialization.jsonObject(with: Data(list.utf8)) as? [String: Any])?["items"] as? [[String: Any]])
            let withLead = try #require(apiItems.first { ($0["id"] as? Int).map(Int64.init) == ids[0] })
            let lead = try #require(withLead["picture"] as? [String: Any])
            #expect(lead["url"] as? String == largest && lead["width"] as? Int == 1000 && lead["height"] as? Int == 750)
            #expect(lead["source_url"] as? String == "https://www.gov.kz/uploads/2025/12/18/0_original.0.jpg")
            let sizes = try #require(lead["sizes"] as? [[String: Any]])
            #expect(sizes.compactMap { $0["webp"] as? String } == [320, 640, 1000].map { "https://news.example/media/\(Self.hash)/\($0).webp" })
            #expect(apiItems.first { ($0["id"] as? Int).map(Int64.init) == ids[1] }?["picture"] == nil)
            let (_, _, detail) = try await get("/api/v1/articles/\(ids[1])")
            let detailed = try #require(try JSONSerialization.jsonObject(with: Data(detail.utf8)) as? [String: Any])
            let inBody = try #require(detailed["body_pictures"] as? [[String: Any]])
            #expect(inBody.compactMap { $0["source_url"] as? String } == ["https://www.gov.kz/uploads/in-body.jpg"])
            #expect(detailed["picture"] == nil)
            let (_, _, documentText) = try await get("/api/v1/openapi.json")
            let validator = try SchemaValidator(
                document: try #require(try JSONSerialization.jsonObject(with: Data(documentText.utf8)) as? [String: Any]))
            #expect(validator.errors(try JSONSerialization.jsonObject(with: Data(list.utf8)), against: "ArticleList") == [])
            #expect(validator.errors(detailed, against: "ArticleDetail") == [])
            let (_, _, leadDetail) = try await get("/api/v1/articles/\(ids[0])")
            #expect(validator.errors(try JSONSerialization.jsonObject(with: Data(leadDetail.utf8)), against: "ArticleDetail") == [])

            let media = try await get("/media/\(Self.hash)/640.webp")
            #expect(media.status == 200 && media.body == "640 webp")
            #expect(media.headers[.contentType] == "image/webp")
            #expect(media.headers[.cacheControl] == "public, max-age=31536000, immutable")
            let etag = try #require(media.headers[.eTag])
            #expect(try await get("/media/\(Self.hash)/640.webp", headers: [.ifNoneMatch: etag]).status == 304)
            #expect(try await get("/media/\(Self.hash)/1000.jpg").headers[.contentType] == "image/jpeg")
            let cached = site.cache.count
            _ = try await get("/media/\(Self.hash)/320.jpg")
            #expect(site.cache.count == cached, "pictures stay out of the page cache")
            // Kept in memory of their own once read: 640.webp, 1000.jpg and 320.jpg, the same bytes again.
            #expect(site.pictures.count == 3)
            let again = try await get("/media/\(Self.hash)/640.webp")
            #expect(again.status == 200 && again.body == "640 webp" && again.headers[.contentType] == "image/webp")
            let padded = try await get("/media/\(Self.hash)/0640.webp")
            #expect(padded.status == 200 && padded.body == "640 webp")
            #expect(site.pictures.count == 3, "one entry per stored file, however its width is written")
            for bad in [
                "/media/\(Self.hash)/1280.webp", "/media/ffffffffffffffffffffffffffffffff/640.webp", "/media/xyz/640.webp",
                "/media/\(Self.hash)/+640.webp", "/media/\(Self.hash)/640.gif", "/media/\(Self.hash)/original",
                "/media/\(Self.hash.uppercased())/640.webp", "/media/\(Self.hash)/99999999999999999999.webp",
            ] {
                let answer = try await get(bad)
                #expect(answer.status == 404, "\(bad)")
                #expect(answer.body.contains("<html"), "a page that says so: \(bad)")
            }
        }
    }

    @Test("pictures are served outside the page cache: browsers keep them, the cache keeps pages")
    func notCached() {
        #expect(!PageCache.isCacheable(method: .get, path: "/media/\(Self.hash)/640.webp"))
        #expect(PageCache.isCacheable(method: .get, path: "/en/news/all"))
    }
}
