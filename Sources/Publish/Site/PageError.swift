/// A request the site cannot answer with a page, turned into a friendly error page by
/// `ErrorPageMiddleware`.
enum PageError: Error {
    case notFound
    /// A parameter the reader can fix; the page says how, in the reader's edition.
    case badRequest(BadParameter)
    /// Too many searches at once (`SearchGate`): try again in a moment.
    case busy
    /// An article the newsroom hid, with its reason: 410 Gone.
    case gone(reason: String)
}

/// What was wrong with a request, so the error page can explain it in each edition.
enum BadParameter: Error, Sendable {
    case pageNumber(String)
    /// A filter value that names nothing (`?section=nonsense`).
    case filter(String, String)
    /// A date that is not `YYYY-MM-DD`.
    case day(String, String)
    /// An archive address whose day is not a real `YYYY-MM-DD` (`/en/archive/2025-13-01`).
    case archiveDay(String)

    func message(_ strings: UIStrings) -> String {
        switch self {
        case .pageNumber(let raw): strings.badPageNumber(String(raw.prefix(40)))
        case .filter(let name, let raw): strings.badFilter(name, String(raw.prefix(40)))
        case .day(let name, let raw): strings.badDay(name, String(raw.prefix(40)))
        case .archiveDay(let raw): strings.badArchiveDay(String(raw.prefix(40)))
        }
    }
}
