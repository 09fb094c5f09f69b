import EnbekshiCore

/// An OPML 2.0 list of every source's RSS feed in one edition, grouped by kind of body, for feed
/// readers that import subscriptions.
enum SourcesOPML {
    static func render(_ sources: [Source], edition: Language, baseURL: String) -> String {
        let e = HTMLEscaping.escape
        let strings = UIStrings(edition)
        var xml = """
            <?xml version="1.0" encoding="UTF-8"?>
            <opml version="2.0">
            <head><title>\(e(Layout.siteName)) — \(e(strings.allSources))</title></head>
            <body>

            """
        for kind in SourceKind.allCases {
            let members = sources.filter { $0.kind == kind }
            guard !members.isEmpty else { continue }
            xml += "<outline text=\"\(e(strings.kindName(kind)))\">\n"
            for source in members {
                let page = SiteRoute.source(edition, source.slug, page: 1)
                xml += "<outline type=\"rss\" text=\"\(e(source.displayName(in: edition)))\" title=\"\(e(source.displayName(in: edition)))\""
                xml += " xmlUrl=\"\(e(baseURL + page.feedPath(.rss)))\" htmlUrl=\"\(e(baseURL + page.path))\"/>\n"
            }
            xml += "</outline>\n"
        }
        return xml + "</body>\n</opml>\n"
    }
}
