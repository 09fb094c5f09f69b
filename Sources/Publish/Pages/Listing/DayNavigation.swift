import EnbekshiCore

/// Links to the archive of the nearest days with news before and after a day, under an archive page
/// or an article: a reader following "next day" never lands on an empty page.
enum DayNavigation {
    static func render(day: Day, around: (before: Day?, after: Day?), edition: Language) -> String {
        let strings = UIStrings(edition)
        let e = HTMLEscaping.escape
        func label(_ day: Day) -> String { DateText.format(GovKzDate(day), in: edition, withTime: false) }
        var links: [String] = []
        if let previous = around.before {
            links.append("<a rel=\"prev\" href=\"\(e(SiteRoute.archive(edition, previous, page: 1).path))\">← \(e(label(previous)))</a>")
        }
        let text = label(day)
        links.append("<a href=\"\(e(SiteRoute.archive(edition, day, page: 1).path))\">\(e(strings.allNewsOfDay(text)))</a>")
        if let next = around.after {
            let text = label(next)
            links.append("<a rel=\"next\" href=\"\(e(SiteRoute.archive(edition, next, page: 1).path))\">\(e(text)) →</a>")
        }
        return "<nav class=\"days\" aria-label=\"\(e(strings.archive))\">\(links.joined(separator: " "))</nav>"
    }
}
