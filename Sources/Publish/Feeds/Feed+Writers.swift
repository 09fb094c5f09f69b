import EnbekshiCore
import Foundation

/// The three feed formats. Dates are gov.kz's wall-clock times with Kazakhstan's offset; ids are
/// the articles' permanent addresses, which never change (the slug may, the id part does not).
extension Feed {
    func render(_ format: Format, baseURL: String) -> String {
        switch format {
        case .rss: rss(baseURL)
        case .atom: atom(baseURL)
        case .json: json(baseURL)
        }
    }

    static func xml(_ text: String) -> String { HTMLEscaping.escape(text) }

    /// A stable id per article and edition: the address without the slug.
    func permanentID(_ item: Item, _ baseURL: String) -> String { "\(baseURL)/\(edition.rawValue)/news/\(item.id)" }

    var updated: GovKzDate? { items.compactMap(\.published).max() }

    func rss(_ baseURL: String) -> String {
        var out = """
            <?xml version="1.0" encoding="utf-8"?>
            <rss version="2.0" xmlns:atom="http://www.w3.org/2005/Atom" xmlns:content="http://purl.org/rss/1.0/modules/content/" xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:media="http://search.yahoo.com/mrss/">
            <channel>
            <title>\(Self.xml(title))</title>
            <link>\(Self.xml(baseURL + pagePath))</link>
            <description>\(Self.xml(UIStrings(edition).tagline))</description>
            <language>\(edition.rawValue)</language>
            <atom:link href="\(Self.xml(baseURL + feedPath))" rel="self" type="application/rss+xml"/>

            """
        if let updated { out += "<lastBuildDate>\(Self.rfc822(updated))</lastBuildDate>\n" }
        for item in items {
            out += "<item>\n<title>\(Self.xml(item.title))</title>\n<link>\(Self.xml(baseURL + item.path))</link>\n"
            out += "<guid isPermaLink=\"false\">\(Self.xml(permanentID(item, baseURL)))</guid>\n"
            out += "<dc:creator>\(Self.xml(item.author))</dc:creator>\n<dc:language>\(item.language.rawValue)</dc:language>\n"
            if let published = item.published { out += "<pubDate>\(Self.rfc822(published))</pubDate>\n" }
            // Media RSS: RSS's own enclosure must give a length in bytes, which a variant's row does not hold.
            if let picture = item.picture {
                let (url, width, height) = PictureMarkup.largest(picture, baseURL: baseURL)
                out += "<media:content url=\"\(Self.xml(url))\" medium=\"image\" type=\"image/jpeg\" width=\"\(width)\" height=\"\(height)\"/>\n"
            }
            out += "<content:encoded>\(Self.xml(item.contentHTML))</content:encoded>\n</item>\n"
        }
        return out + "</channel>\n</rss>\n"
    }

    func atom(_ baseURL: String) -> String {
        var out = """
            <?xml version="1.0" encoding="utf-8"?>
            <feed xmlns="http://www.w3.org/2005/Atom" xml:lang="\(edition.rawValue)">
            <title>\(Self.xml(title))</title>
            <id>\(Self.xml(baseURL + feedPath))</id>
            <link rel="self" href="\(Self.xml(baseURL + feedPath))"/>
            <link rel="alternate" type="text/html" href="\(Self.xml(baseURL + pagePath))"/>
            <updated>\(updated.map(Self.rfc3339) ?? "1970-01-01T00:00:00Z")</updated>
            <author><name>Enbekshi QazaQ</name></author>

            """
        for item in items {
            let date = item.published.map(Self.rfc3339) ?? "1970-01-01T00:00:00Z"
            out += "<entry xml:lang=\"\(item.language.rawValue)\">\n<title>\(Self.xml(item.title))</title>\n"
            out += "<id>\(Self.xml(permanentID(item, baseURL)))</id>\n<link rel=\"alternate\" type=\"text/html\" href=\"\(Self.xml(baseURL + item.path))\"/>\n"
            if let picture = item.picture {
                out += "<link rel=\"enclosure\" type=\"image/jpeg\" href=\"\(Self.xml(PictureMarkup.largest(picture, baseURL: baseURL).url))\"/>\n"
            }
            out += "<published>\(date)</published>\n<updated>\(date)</updated>\n<author><name>\(Self.xml(item.author))</name></author>\n"
            out += "<content type=\"html\">\(Self.xml(item.contentHTML))</content>\n</entry>\n"
        }
        return out + "</feed>\n"
    }

    func json(_ baseURL: String) -> String {
        var feed: [String: Any] = [
            "version": "https://jsonfeed.org/version/1.1", "title": title, "home_page_url": baseURL + pagePath,
            "feed_url": baseURL + feedPath, "language": edition.rawValue,
        ]
        feed["items"] = items.map { item -> [String: Any] in
            var entry: [String: Any] = [
                "id": permanentID(item, baseURL), "url": baseURL + item.path, "title": item.title,
                "content_html": item.contentHTML, "authors": [["name": item.author]], "language": item.language.rawValue,
            ]
            if let published = item.published { entry["date_published"] = Self.rfc3339(published) }
            if let picture = item.picture { entry["image"] = PictureMarkup.largest(picture, baseURL: baseURL).url }
            return entry
        }
        let data = (try? JSONSerialization.data(withJSONObject: feed, options: [.sortedKeys, .withoutEscapingSlashes])) ?? Data("{}".utf8)
        return String(decoding: data, as: UTF8.self)
    }

    /// Kazakhstan's offset at that date: UTC+5 since 1 March 2024, UTC+6 before.
    static func offset(_ date: GovKzDate) -> (colon: String, plain: String) {
        date.local < "2024-03-01" ? ("+06:00", "+0600") : ("+05:00", "+0500")
    }

    static func rfc3339(_ date: GovKzDate) -> String {
        let local = date.hasTime ? date.local : date.day + "T00:00:00"
        return String(local.prefix(19)) + offset(date).colon
    }

    static func rfc822(_ date: GovKzDate) -> String {
        let parts = (date.hasTime ? date.local : date.day + "T00:00:00").split(whereSeparator: { $0 == "-" || $0 == "T" || $0 == ":" })
            .compactMap { Int($0) }
        guard parts.count >= 6 else { return "" }
        return HTTPDate.format(
            year: parts[0], month: parts[1], day: parts[2], hour: parts[3], minute: parts[4], second: parts[5],
            zone: offset(date).plain)
    }
}
