import EnbekshiCore
import Store

/// `sitemap.xml` is an index with one file a month; each file lists every article of the month in
/// the three editions, each naming the others as alternates.
enum Sitemap {
    static func index(_ months: [SitemapMonth], baseURL: String) -> String {
        var xml = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<sitemapindex xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\">\n"
        for month in months {
            xml += "<sitemap><loc>\(baseURL)/sitemaps/\(month.month).xml</loc>"
            if let date = GovKzDate(month.newest) { xml += "<lastmod>\(Feed.rfc3339(date))</lastmod>" }
            xml += "</sitemap>\n"
        }
        return xml + "</sitemapindex>\n"
    }

    static func month(_ entries: [SitemapEntry], baseURL: String) -> String {
        let e = HTMLEscaping.escape
        var xml = """
            <?xml version="1.0" encoding="UTF-8"?>
            <urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9" xmlns:xhtml="http://www.w3.org/1999/xhtml">

            """
        for entry in entries {
            let slug = Slug.make(entry.slugTitle)
            let lastmod = GovKzDate(entry.published).map { "<lastmod>\(Feed.rfc3339($0))</lastmod>" } ?? ""
            let alternates = Language.allCases.map { language in
                "<xhtml:link rel=\"alternate\" hreflang=\"\(language.rawValue)\" href=\"\(e(baseURL + SiteRoute.article(language, id: entry.articleID, slug: slug).path))\"/>"
            }.joined()
            for language in Language.allCases {
                let loc = baseURL + SiteRoute.article(language, id: entry.articleID, slug: slug).path
                xml += "<url><loc>\(e(loc))</loc>\(lastmod)\(alternates)</url>\n"
            }
        }
        return xml + "</urlset>\n"
    }

    /// `YYYY-MM.xml` → its month, from 1990 to 2100.
    static func month(fileName: String) -> Month? {
        guard fileName.hasSuffix(".xml"), let month = Month(fileName.dropLast(4)), (1990...2100).contains(month.year) else { return nil }
        return month
    }

    static func robots(baseURL: String) -> String {
        """
        User-agent: *
        Allow: /
        Disallow: /kk/search
        Disallow: /ru/search
        Disallow: /en/search
        Sitemap: \(baseURL)/sitemap.xml

        """
    }
}
