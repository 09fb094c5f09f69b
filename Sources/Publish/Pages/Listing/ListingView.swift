import EnbekshiCore

/// Renders lists of articles (home page, all news).
enum ListingView {
    /// `pictures` shows each item's picture beside it; with `leadFirst`, the first item's picture goes
    /// across the column, placed as said.
    static func items(
        _ items: [NewsSummary], edition: Language, headingLevel: Int = 2, withLeads: Bool = true, pictures: Bool = true,
        leadFirst: PictureMarkup.Placement? = nil
    ) -> String {
        let strings = UIStrings(edition)
        let e = HTMLEscaping.escape
        var html = leadFirst == nil ? "<ul class=\"news\">\n" : "<ul class=\"news lead-first\">\n"
        for (index, item) in items.enumerated() {
            let langAttribute = item.contentLanguage == edition ? "" : " lang=\"\(item.contentLanguage.rawValue)\""
            let picture = pictures ? item.picture : nil
            html += "<li\(langAttribute)\(picture == nil ? "" : " class=\"with-picture\"")>"
            if let picture {
                let placement = index == 0 ? leadFirst ?? .thumbnail : .thumbnail
                html += "<div class=\"pic\" lang=\"\(edition.rawValue)\">"
                    + PictureMarkup.html(picture, alt: strings.pictureAlt(item.title), placement: placement) + "</div>"
            }
            html += "<h\(headingLevel)><a href=\"\(e(item.route.path))\">\(e(item.title))</a></h\(headingLevel)>"
            html += "<p class=\"meta\" lang=\"\(edition.rawValue)\">"
            if let date = item.date {
                html += "<time datetime=\"\(date.local)\">\(e(DateText.format(date, in: edition)))</time> · "
            }
            html += "<a href=\"\(e(SiteRoute.source(edition, item.sourceSlug, page: 1).path))\">\(e(item.sourceName))</a>"
            if !item.alsoPublishedBy.isEmpty {
                let others = item.alsoPublishedBy.map {
                    "<a href=\"\(e(SiteRoute.source(edition, $0.slug, page: 1).path))\">\(e($0.name))</a>"
                }
                html += " · \(e(strings.alsoPublishedBy)): " + others.joined(separator: ", ")
            }
            if item.contentLanguage != edition { html += " · " + e(strings.inLanguage(item.contentLanguage)) }
            if item.isMachineTranslated { html += " · " + e(strings.machineTranslationShort) }
            html += "</p>"
            if withLeads, !item.leadHTML.isEmpty { html += "<p class=\"lead\">\(item.leadHTML)</p>" }
            html += "</li>\n"
        }
        html += "</ul>"
        return html
    }

    static func render(_ model: ListingModel) -> String {
        let strings = UIStrings(model.edition)
        let e = HTMLEscaping.escape
        var main = "<h1>\(e(model.heading))</h1>\n" + (model.introHTML.map { $0 + "\n" } ?? "")
        if model.items.isEmpty {
            main += "<p class=\"note\">\(e(strings.noNewsYet))</p>"
        } else {
            main += items(model.items, edition: model.edition)
        }
        if model.pageCount > 1 {
            main += "\n<nav class=\"pager\" aria-label=\"\(e(strings.pagination))\">"
            main += model.page > 1
                ? "<a rel=\"prev\" href=\"\(e(model.route.page(model.page - 1).path))\">\(e(strings.previousPage))</a>"
                : "<span></span>"
            main += "<span>\(e(strings.pageOf(model.page, model.pageCount, more: model.deeper)))</span>"
            main += model.page < model.pageCount
                ? "<a rel=\"next\" href=\"\(e(model.route.page(model.page + 1).path))\">\(e(strings.nextPage))</a>"
                : "<span></span>"
            main += "</nav>"
        }
        main += "\n" + model.route.feedLinksHTML(strings)
        if let aside = model.asideHTML, model.page == 1 { main += "\n" + aside }
        let title = model.page > 1 ? "\(model.heading) — \(strings.pageOf(model.page, model.pageCount, more: model.deeper))" : model.heading
        return Layout.render(
            PageMeta(language: model.edition, title: title, description: strings.tagline,
                     route: model.route.page(model.page)), main: main)
    }
}
