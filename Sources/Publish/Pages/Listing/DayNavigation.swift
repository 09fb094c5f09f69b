import EnbekshiCore

/// Links to the archive of the day before and the day after, under an archive page or an article.
enum DayNavigation {
    static func render(day: String, edition: Language) -> String {
        let strings = UIStrings(edition)
        let e = HTMLEscaping.escape
        var links: [String] = []
        if let previous = GovKzDate.day(day, plus: -1), let date = GovKzDate(previous, hasTime: false) {
            links.append("<a rel=\"prev\" href=\"\(e(SiteRoute.archive(edition, previous, page: 1).path))\">← \(e(DateText.format(date, in: edition, withTime: false)))</a>")
        }
        if let date = GovKzDate(day, hasTime: false) {
            links.append("<a href=\"\(e(SiteRoute.archive(edition, day, page: 1).path))\">\(e(strings.allNewsOfDay(DateText.format(date, in: edition, withTime: false))))</a>")
        }
        if let next = GovKzDate.day(day, plus: 1), let date = GovKzDate(next, hasTime: false) {
            links.append("<a rel=\"next\" href=\"\(e(SiteRoute.archive(edition, next, page: 1).path))\">\(e(DateText.format(date, in: edition, withTime: false))) →</a>")
        }
        return "<nav class=\"days\" aria-label=\"\(e(strings.archive))\">\(links.joined(separator: " "))</nav>"
    }
}
