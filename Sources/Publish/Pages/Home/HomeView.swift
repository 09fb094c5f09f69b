import EnbekshiCore

enum HomeView {
    static func render(_ model: HomeModel) -> String {
        let strings = UIStrings(model.edition)
        let e = HTMLEscaping.escape
        var main = "<h1>\(e(strings.latestNews))</h1>\n"
        if model.latest.isEmpty {
            main += "<p class=\"note\">\(e(strings.noNewsYet))</p>"
        } else {
            main += ListingView.items(model.latest, edition: model.edition)
            main += "\n<p class=\"more\"><a href=\"\(e(SiteRoute.allNews(model.edition, page: 1).path))\">\(e(strings.moreNews))</a></p>"
        }
        return Layout.render(
            PageMeta(language: model.edition, title: Layout.siteName, description: strings.tagline,
                     route: .home(model.edition)), main: main)
    }
}
