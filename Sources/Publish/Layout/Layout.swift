import EnbekshiCore

/// The page frame shared by every page: head, header with the edition switcher, footer.
enum Layout {
    static let siteName = "Enbekshi QazaQ"

    static func render(_ meta: PageMeta, main: String) -> String {
        let strings = UIStrings(meta.language)
        let e = HTMLEscaping.escape
        let wrap = meta.wide ? "wrap wide" : "wrap"
        var html = """
            <!DOCTYPE html>
            <html lang="\(meta.language.rawValue)">
            <head>
            <meta charset="utf-8">
            <meta name="viewport" content="width=device-width, initial-scale=1">
            <title>\(e(meta.title == siteName ? siteName : meta.title + " — " + siteName))</title>
            """
        if let description = meta.description {
            html += "\n<meta name=\"description\" content=\"\(e(description))\">"
        }
        if let route = meta.route {
            for language in Language.allCases {
                html += "\n<link rel=\"alternate\" hreflang=\"\(language.rawValue)\" href=\"\(e(route.translated(to: language).path))\">"
            }
            // Search result pages are not canonical documents; everything else names its own address.
            if case .search = route {
                html += "\n<meta name=\"robots\" content=\"noindex, follow\">"
            } else {
                html += "\n<link rel=\"canonical\" href=\"\(e(route.path))\">"
            }
            if route.hasFeed {
                for format in Feed.Format.allCases {
                    let type = format.contentType.split(separator: ";").first.map(String.init) ?? ""
                    html += "\n<link rel=\"alternate\" type=\"\(type)\" title=\"\(e(meta.title))\" href=\"\(e(route.feedPath(format)))\">"
                }
            }
        }
        html += meta.head
        html += """

            <link rel="stylesheet" href="\(SiteRoute.stylesheet.path)">
            </head>
            <body>
            <a class="skip" href="#main">\(e(strings.skipToContent))</a>
            <header class="masthead">
            <div class="\(wrap)">
            <a class="brand" href="\(SiteRoute.home(meta.language).path)">\(siteName)</a>
            <p class="tagline">\(e(strings.tagline))</p>
            <nav aria-label="\(e(strings.navigation))">
            <ul class="nav">
            <li><a href="\(SiteRoute.home(meta.language).path)">\(e(strings.home))</a></li>
            <li><a href="\(SiteRoute.allNews(meta.language, page: 1).path)">\(e(strings.allNews))</a></li>
            <li><a href="/\(meta.language.rawValue)/search">\(e(strings.search))</a></li>
            </ul>

            """
        // The sections twice: folded away on a phone (no JavaScript), listed on a wider screen. The
        // stylesheet shows one of the two, so a screen reader meets them once.
        var sections = ""
        for section in Section.allCases {
            sections += "<li><a href=\"\(SiteRoute.section(meta.language, section, page: 1).path)\">\(e(section.name(in: meta.language)))</a></li>"
        }
        html += "<details class=\"sections-fold\"><summary>\(e(strings.sections))</summary><ul class=\"nav sections\">\(sections)</ul></details>\n"
        html += "<ul class=\"nav sections sections-wide\">\(sections)</ul>\n"
        html += """
            </nav>
            <nav aria-label="\(e(strings.languageLabel))">
            <ul class="langs">
            """
        for language in Language.allCases {
            let target = (meta.route ?? .home(meta.language)).translated(to: language)
            if language == meta.language {
                html += "<li><span aria-current=\"true\" lang=\"\(language.rawValue)\">\(e(language.endonym))</span></li>"
            } else {
                html += "<li><a href=\"\(e(target.path))\" hreflang=\"\(language.rawValue)\" lang=\"\(language.rawValue)\">\(e(language.endonym))</a></li>"
            }
        }
        html += """
            </ul>
            </nav>
            </div>
            </header>
            <main id="main" class="\(wrap)">
            \(main)
            </main>
            <footer class="\(wrap) footer"><p>\(e(strings.footer))</p><p><a href="/\(meta.language.rawValue)/sources.opml">\(e(strings.allSourcesFeeds))</a> · <a href="\(e(SiteRoute.allNews(meta.language, page: 1).feedPath(.rss)))">RSS</a></p></footer>
            </body>
            </html>

            """
        return html
    }
}
