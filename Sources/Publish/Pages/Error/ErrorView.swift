import EnbekshiCore

/// Friendly error pages in the reader's edition; never a stack trace, never a bare status line.
enum ErrorView {
    /// The detail of a 503 when the database did not answer (a search queue's 503 has none).
    static let databaseUnavailable = "The database is not answering; try again in a few seconds."

    static func render(status: Int, edition: Language, detail: String?) -> String {
        let strings = UIStrings(edition)
        let e = HTMLEscaping.escape
        let title: String
        let text: String
        switch status {
        case 404:
            title = strings.notFoundTitle
            text = strings.notFoundText
        case 410:
            title = strings.goneTitle
            text = strings.goneText + (detail.map { " " + $0 } ?? "")
        case 400..<500:
            title = strings.badRequestTitle
            text = detail ?? strings.badRequestTitle
        case 503 where detail == Self.databaseUnavailable:
            title = strings.unavailableTitle
            text = strings.unavailableText
        case 503:
            title = strings.busyTitle
            text = strings.busyText
        default:
            title = strings.serverErrorTitle
            text = strings.serverErrorText
        }
        let main = """
            <h1>\(e(title))</h1>
            <p>\(e(text))</p>
            <p><a href="\(SiteRoute.home(edition).path)">\(e(strings.goHome))</a></p>
            """
        return Layout.render(PageMeta(language: edition, title: title, description: nil, route: nil), main: main)
    }
}
