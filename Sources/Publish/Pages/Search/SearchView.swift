import EnbekshiCore
import Store

/// The search form and its results. Works without JavaScript: the form is a plain GET.
enum SearchView {
    static func render(_ model: SearchModel) -> String {
        let strings = UIStrings(model.edition)
        let e = HTMLEscaping.escape
        let edition = model.edition
        let p = model.parameters
        var main = "<h1>\(e(strings.search))</h1>\n"
        main += "<form class=\"search\" role=\"search\" method=\"get\" action=\"/\(edition.rawValue)/search\">\n"
        main += "<p><label for=\"q\">\(e(strings.searchLabel))</label> "
        main += "<input type=\"search\" id=\"q\" name=\"q\" value=\"\(e(p.q))\" maxlength=\"\(SearchQuery.maximumLength)\"> "
        main += "<button type=\"submit\">\(e(strings.search))</button></p>\n"
        main += "<p class=\"hint\">\(e(strings.searchHint))</p>\n<p class=\"filters\">"
        main += select("section", strings.sectionLabel, strings.anySection, p.section?.slug,
                       Section.allCases.map { ($0.slug, $0.name(in: edition)) })
        main += select("region", strings.regionLabel, strings.anyRegion, p.region,
                       Region.allCodes.compactMap { code in Region.name(code: code, in: edition).map { (code, $0) } })
        main += "<label for=\"from\">\(e(strings.fromDay))</label> <input type=\"date\" id=\"from\" name=\"from\" value=\"\(e(p.from?.description ?? ""))\"> "
        main += "<label for=\"to\">\(e(strings.toDay))</label> <input type=\"date\" id=\"to\" name=\"to\" value=\"\(e(p.to?.description ?? ""))\"> "
        main += select("order", strings.orderLabel, nil, p.order.rawValue,
                       [("newest", strings.newestFirst), ("relevance", strings.mostRelevant)])
        if let source = p.source { main += "<input type=\"hidden\" name=\"source\" value=\"\(e(source))\">" }
        main += "</p>\n</form>\n"
        if let problem = model.problem {
            main += "<p class=\"note\" role=\"alert\">\(e(problem))</p>\n"
        } else if !p.q.isEmpty {
            var status = strings.resultCount(model.total, capped: model.capped)
            if model.widened { status += ". " + strings.searchWidened }
            main += "<p class=\"meta\" role=\"status\">\(e(status))</p>\n"
            if !model.results.isEmpty {
                var items = model.results.map(\.summary)
                for index in items.indices where !model.results[index].snippetHTML.isEmpty {
                    items[index].leadHTML = model.results[index].snippetHTML
                }
                main += ListingView.items(items, edition: edition)
            }
            if model.pageCount > 1 {
                main += "\n<nav class=\"pager\" aria-label=\"\(e(strings.pagination))\">"
                var previous = p, next = p
                previous.page -= 1
                next.page += 1
                main += p.page > 1
                    ? "<a rel=\"prev\" href=\"\(e(SiteRoute.search(edition, previous).path))\">\(e(strings.previousPage))</a>" : "<span></span>"
                let more = model.capped && model.pageCount < SearchModel.maximumPage
                main += "<span>\(e(strings.pageOf(p.page, model.pageCount, more: more)))</span>"
                main += p.page < model.pageCount
                    ? "<a rel=\"next\" href=\"\(e(SiteRoute.search(edition, next).path))\">\(e(strings.nextPage))</a>" : "<span></span>"
                main += "</nav>"
            }
        }
        if model.problem == nil, !p.q.isEmpty { main += "\n" + model.route.feedLinksHTML(strings) }
        let title = p.q.isEmpty ? strings.search : "\(p.q) — \(strings.search)"
        return Layout.render(PageMeta(language: edition, title: title, description: nil, route: model.route), main: main)
    }

    static func select(_ name: String, _ label: String, _ any: String?, _ selected: String?, _ options: [(String, String)]) -> String {
        let e = HTMLEscaping.escape
        var html = "<label for=\"\(name)\">\(e(label))</label> <select id=\"\(name)\" name=\"\(name)\">"
        if let any { html += "<option value=\"\">\(e(any))</option>" }
        for (value, text) in options {
            html += "<option value=\"\(e(value))\"\(value == selected ? " selected" : "")>\(e(text))</option>"
        }
        return html + "</select> "
    }
}
