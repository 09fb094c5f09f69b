import EnbekshiCore

enum HomeView {
    static func render(_ model: HomeModel) -> String {
        let strings = UIStrings(model.edition)
        let e = HTMLEscaping.escape
        let edition = model.edition
        var main = "<h1 class=\"visually-hidden\">\(e(Layout.siteName))</h1>\n"
        if model.isEmpty {
            return Layout.render(
                PageMeta(language: edition, title: Layout.siteName, description: strings.tagline, route: .home(edition)),
                main: main + "<p class=\"note\">\(e(strings.noNewsYet))</p>")
        }
        // Two columns on a wide screen: the news, and beside it what is most read and the regions.
        main += "<div class=\"front\">\n<div class=\"front-main\">\n"
        if !model.top.isEmpty {
            main += "<section class=\"top\" aria-labelledby=\"top\"><h2 id=\"top\">\(e(strings.topStories))</h2>\n"
            main += ListingView.items(model.top.map(\.summary), edition: edition, headingLevel: 3, leadFirst: .lead) + "</section>\n"
        }
        main += "<section class=\"latest\" aria-labelledby=\"latest\"><h2 id=\"latest\">\(e(strings.latestNews))</h2>\n"
        if model.latest.isEmpty {
            main += "<p class=\"note\">\(e(strings.noNewsInThisLanguageYet))</p>\n"
        } else {
            // Without top stories, the latest news leads.
            main += ListingView.items(model.latest, edition: edition, headingLevel: 3, leadFirst: model.top.isEmpty ? .lead : nil)
        }
        main += "\n<p class=\"more\"><a href=\"\(e(SiteRoute.allNews(edition, page: 1).path))\">\(e(strings.moreNews))</a></p></section>\n"
        if !model.sections.isEmpty {
            main += "<div class=\"blocks\">\n"
            for (section, items) in model.sections {
                let id = "section-\(section.slug)"
                main += "<section class=\"block\" aria-labelledby=\"\(id)\"><h2 id=\"\(id)\">"
                main += "<a href=\"\(e(SiteRoute.section(edition, section, page: 1).path))\">\(e(section.name(in: edition)))</a></h2>\n"
                // A narrow block: only its first story shows a picture, across the block.
                let shown = items.enumerated().map { index, item in
                    var item = item
                    if index > 0 { item.picture = nil }
                    return item
                }
                main += ListingView.items(shown, edition: edition, headingLevel: 3, withLeads: false, leadFirst: .blockLead) + "</section>\n"
            }
            main += "</div>\n"
        }
        if !model.notYet.isEmpty {
            // Apart and counted, never mixed into the edition's own news; each item says its language.
            let count = model.notYetTotal >= HomeModel.notYetCountLimit ? "\(HomeModel.notYetCountLimit)+" : "\(model.notYetTotal)"
            main += "<section class=\"not-yet\" aria-labelledby=\"not-yet\"><h2 id=\"not-yet\">\(e(strings.notYetInThisLanguage)) "
            main += "<span class=\"count\">(\(count))</span></h2>\n<p class=\"note\">\(e(strings.notYetExplained))</p>\n"
            main += ListingView.items(model.notYet, edition: edition, headingLevel: 3, withLeads: false, pictures: false) + "</section>\n"
        }
        main += "</div>\n<aside class=\"front-side\">\n"
        main += MostRead.render(model.mostRead, edition: edition, id: "most-read")
        main += "<section class=\"regions\" aria-labelledby=\"regions\"><h2 id=\"regions\">\(e(strings.regions))</h2>\n<ul class=\"regions\">"
        for code in Region.allCodes {
            guard let name = Region.name(code: code, in: edition) else { continue }
            main += "<li><a href=\"\(e(SiteRoute.region(edition, code, page: 1).path))\">\(e(name))</a></li>"
        }
        main += "</ul></section>\n</aside>\n</div>"
        var meta = PageMeta(language: edition, title: Layout.siteName, description: strings.tagline, route: .home(edition))
        meta.wide = true
        return Layout.render(meta, main: main)
    }
}
