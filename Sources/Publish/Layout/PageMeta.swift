import EnbekshiCore

/// What every page tells the layout: its edition, title, and the route it answers.
struct PageMeta: Sendable {
    var language: Language
    var title: String
    var description: String?
    /// The route of this page (for the language switcher and alternates); nil on error pages.
    var route: SiteRoute?
    /// Extra `<head>` markup (Open Graph, JSON-LD), already escaped.
    var head: String = ""
    /// A page laid out in columns on a wide screen (the front page), not in the reading measure.
    var wide = false
}
