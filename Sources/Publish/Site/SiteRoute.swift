import EnbekshiCore

/// Every page of the site, and the one place its URL is written.
public enum SiteRoute: Sendable, Hashable {
    case root
    case home(Language)
    case allNews(Language, page: Int)
    case article(Language, id: Int64, slug: String)
    case stylesheet

    public var path: String {
        switch self {
        case .root: "/"
        case .home(let language): "/\(language.rawValue)"
        case .allNews(let language, let page): "/\(language.rawValue)/news/all" + (page > 1 ? "?page=\(page)" : "")
        case .article(let language, let id, let slug): "/\(language.rawValue)/news/\(id)-\(slug)"
        case .stylesheet: "/static/site.css?v=\(Stylesheet.version)"
        }
    }

    /// The same page in another edition, for the language switcher.
    public func translated(to language: Language) -> SiteRoute {
        switch self {
        case .root, .stylesheet: self
        case .home: .home(language)
        case .allNews(_, let page): .allNews(language, page: page)
        case .article(_, let id, let slug): .article(language, id: id, slug: slug)
        }
    }
}
