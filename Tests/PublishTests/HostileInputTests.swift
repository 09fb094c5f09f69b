import EnbekshiCore
import Foundation
import Hummingbird
import HummingbirdTesting
import Logging
import Publish
import Store
import TestSupport
import Testing

/// What a hostile tester found on the landed site, each as the request that showed it, through a
/// real server on 127.0.0.1.
@Suite("Site: real and hostile use")
struct HostileInputTests {
    /// Enough English and Russian articles that two plain words find less than a page and are
    /// widened to prefixes (the path that answered 500).
    static func fill(_ store: any NewsStore) async throws {
        let english = ["Tax region meeting", "Regional tax office news", "Bank credit for farmers", "Tax reporting deadlines", "Banks of the region"]
        let russian = ["Налог и банк", "Налоговая служба банков", "Банки региона", "Налоги для бизнеса", "Банковский кредит"]
        for (index, title) in (english + russian).enumerated() {
            let language: Language = index < english.count ? .en : .ru
            _ = try await store.save(
                SiteTests.version(language, title: title, body: "<p>\(title) in the regions.</p><p>\(title) — подробности.</p>", id: "\(index + 1)"),
                for: ArticleKey(project: "kgd-zhetysu", govkzID: "\(index + 1)"))
        }
    }

    static let searchRoutes = ["/en/search?q=", "/en/search/rss.xml?q=", "/en/search/atom.xml?q=", "/en/search/feed.json?q=", "/api/v1/articles?q="]

    @Test("searches of several words, prefixes and operators answer on the page, the three feeds and the API", arguments: [
        "tax%20region", "%D0%BD%D0%B0%D0%BB%D0%BE%D0%B3%20%D0%B1%D0%B0%D0%BD%D0%BA", "tax+reg*", "tax+OR+bank", "regional+bank+credit",
        "%22tax+reporting%22+bank", "bank+NOT+tax+region", "tax+%D0%B1%D0%B0%D0%BD%D0%BA",
    ])
    func severalWords(_ query: String) async throws {
        try await SiteTests.withSite(Self.fill) { client in
            for route in Self.searchRoutes {
                let (status, body, _) = try await SiteTests.get(client, route + query)
                #expect(status == 200, "\(route + query) → \(status): \(body.prefix(200))")
            }
        }
    }

    @Test("random queries from the index's words, form- and percent-encoded, never answer 5xx on any search route",
          arguments: [1, 2] as [UInt64])
    func randomQueries(_ seed: UInt64) async throws {
        var random = SplitMix64(seed: seed)
        let words = ["tax", "region", "regional", "bank", "credit", "farmers", "reporting", "налог", "банк", "банки", "региона",
                     "бизнеса", "кредит", "служба", "re*", "нал*", "\"tax reporting\"", "OR", "AND", "NOT"]
        let queries = (0..<30).map { _ in
            (0..<Int.random(in: 1...5, using: &random)).map { _ in words.randomElement(using: &random) ?? "tax" }.joined(separator: " ")
        }
        try await SiteTests.withSite(Self.fill) { client in
            for query in queries {
                let plus = query.split(separator: " ").map { $0.addingPercentEncoding(withAllowedCharacters: .alphanumerics) ?? "" }
                    .joined(separator: "+")
                let percent = query.addingPercentEncoding(withAllowedCharacters: .alphanumerics) ?? ""
                for route in Self.searchRoutes {
                    for encoded in [plus, percent] {
                        let status = try await SiteTests.get(client, route + encoded).status
                        #expect(status == 200 || status == 400, "\(route)\(encoded) → \(status)")
                    }
                }
            }
        }
    }

    @Test("the search form's own encoding (+ for a space) is read as the reader typed it")
    func formEncoding() async throws {
        try await SiteTests.withSite(Self.fill) { client in
            let page = try await SiteTests.get(client, "/en/search?q=tax+OR+bank").body
            #expect(page.contains("value=\"tax OR bank\""))
            #expect(!page.contains("tax+OR+bank\""))
            let plus = try await SiteTests.get(client, "/api/v1/articles?q=tax+OR+bank&lang=en").body
            let percent = try await SiteTests.get(client, "/api/v1/articles?q=tax%20OR%20bank&lang=en").body
            #expect(plus == percent)
            let items = try #require(try JSONSerialization.jsonObject(with: Data(plus.utf8)) as? [String: Any])["items"] as? [Any]
            #expect((items?.count ?? 0) >= 3)
        }
    }

    @Test("every answer carries the security headers: pages, feeds, the API, the stylesheet, errors", arguments: [
        "/en", "/en/news/all/rss.xml", "/api/v1/sections", "/static/site.css", "/en/nowhere", "/api/v1/nowhere", "/robots.txt",
    ])
    func securityHeaders(_ path: String) async throws {
        try await SiteTests.withSite(Self.fill) { client in
            let headers = try await client.execute(uri: path, method: .get) { $0.headers }
            #expect(headers[.contentSecurityPolicy]?.contains("default-src 'none'") == true, "\(path)")
            #expect(headers[.contentSecurityPolicy]?.contains("frame-ancestors 'none'") == true)
            #expect(headers[HTTPFields.Element.Name("X-Content-Type-Options")!] == "nosniff")
            #expect(headers[HTTPFields.Element.Name("Referrer-Policy")!] == "strict-origin-when-cross-origin")
            #expect(headers[HTTPFields.Element.Name("X-Frame-Options")!] == "DENY")
        }
    }

    @Test("a weak validator matches: If-None-Match W/\"…\" gets 304")
    func weakValidator() async throws {
        try await SiteTests.withSite(Self.fill) { client in
            let etag = try #require(try await client.execute(uri: "/en", method: .get) { $0.headers[.eTag] })
            for tag in [etag, "W/\(etag)", "\"other\", W/\(etag)"] {
                let status = try await client.execute(uri: "/en", method: .get, headers: [.ifNoneMatch: tag]) { Int($0.status.code) }
                #expect(status == 304, "\(tag)")
            }
            let other = try await client.execute(uri: "/en", method: .get, headers: [.ifNoneMatch: "W/\"other\""]) { Int($0.status.code) }
            #expect(other == 200)
        }
    }

    @Test("other methods get 405 with Allow where the address exists, 404 where not; the API answers in JSON", arguments: [
        ("/api/v1/articles", HTTPRequest.Method.delete, 405), ("/api/v1/sections", .put, 405), ("/api/v1/articles/1", .post, 405),
        ("/api/v1/nowhere", .get, 404), ("/api/v1/nowhere", .delete, 404), ("/api", .get, 404), ("/en", .delete, 405),
        ("/en/nowhere", .post, 404),
    ])
    func methods(_ example: (String, HTTPRequest.Method, Int)) async throws {
        try await SiteTests.withSite(Self.fill) { client in
            let (status, allow, type, body) = try await client.execute(uri: example.0, method: example.1) { response in
                (Int(response.status.code), response.headers[.allow], response.headers[.contentType], String(buffer: response.body))
            }
            #expect(status == example.2, "\(example.1) \(example.0)")
            #expect((allow == "GET, HEAD") == (status == 405))
            if example.0.hasPrefix("/api") {
                #expect(type?.hasPrefix("application/json") == true)
                let problem = try JSONSerialization.jsonObject(with: Data(body.utf8)) as? [String: Any]
                #expect(problem?["error"] is String)
                #expect(problem?["message"] is String)
            }
        }
    }

    @Test("the API refuses empty or out-of-range dates and says the range", arguments: [
        "to=", "from=", "from=3381-05-10", "lang=", "limit=",
    ])
    func apiDates(_ query: String) async throws {
        try await SiteTests.withSite(Self.fill) { client in
            let (status, body, _) = try await SiteTests.get(client, "/api/v1/articles?" + query)
            #expect(status == 400, "\(query)")
            if query.hasPrefix("from") || query.hasPrefix("to") { #expect(body.contains("1990-01-01 to 2100-12-31")) }
        }
    }
}
