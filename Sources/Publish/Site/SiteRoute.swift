import EnbekshiCore

/// Every page of the site, and the one place its URL is written.
public enum SiteRoute: Sendable, Hashable {
    case root
    case home(Language)
    case allNews(Language, page: Int)
    case article(Language, id: Int64, slug: String)
    case section(Language, Section, page: Int)
    case region(Language, String, page: Int)
    case source(Language, String, page: Int)
    case search(Language, SearchParameters)
    /// One day's news, `YYYY-MM-DD`.
    case archive(Language, Day, page: Int)
    case stylesheet
    /// One size of a stored picture (immutable: named by the hash of its bytes).
    case picture(hash: String, width: Int, format: PictureFormat)

    /// Pictures are served under this prefix, outside the page cache: browsers keep them for a year.
    static let mediaPrefix = "/media/"

    public var path: String {
        switch self {
        case .root: "/"
        case .home(let language): "/\(language.rawValue)"
        case .allNews(let language, let page): "/\(language.rawValue)/news/all" + (page > 1 ? "?page=\(page)" : "")
        case .article(let language, let id, let slug): "/\(language.rawValue)/news/\(id)-\(slug)"
        case .section(let language, let section, let page): "/\(language.rawValue)/category/\(section.slug)" + Self.query(page)
        case .region(let language, let region, let page): "/\(language.rawValue)/region/\(region)" + Self.query(page)
        case .source(let language, let slug, let page): "/\(language.rawValue)/source/\(slug)" + Self.query(page)
        case .search(let language, let parameters):
            "/\(language.rawValue)/search" + (parameters.q.isEmpty ? "" : "?" + parameters.queryString)
        case .archive(let language, let day, let page): "/\(language.rawValue)/archive/\(day)" + Self.query(page)
        case .stylesheet: "/static/site.css?v=\(Stylesheet.version)"
        case .picture(let hash, let width, let format): "\(Self.mediaPrefix)\(hash)/\(width).\(format.fileExtension)"
        }
    }

    /// The same page in another edition, for the language switcher.
    public func translated(to language: Language) -> SiteRoute {
        switch self {
        case .root, .stylesheet, .picture: self
        case .home: .home(language)
        case .allNews(_, let page): .allNews(language, page: page)
        case .article(_, let id, let slug): .article(language, id: id, slug: slug)
        case .section(_, let section, let page): .section(language, section, page: page)
        case .region(_, let region, let page): .region(language, region, page: page)
        case .source(_, let slug, let page): .source(language, slug, page: page)
        case .search(_, let parameters): .search(language, parameters)
        case .archive(_, let day, let page): .archive(language, day, page: page)
        }
    }

    /// The same listing at another page.
    public func page(_ page: Int) -> SiteRoute {
        switch self {
        case .allNews(let language, _): .allNews(language, page: page)
        case .section(let language, let section, _): .section(language, section, page: page)
        case .region(let language, let region, _): .region(language, region, page: page)
        case .source(let language, let slug, _): .source(language, slug, page: page)
        case .archive(let language, let day, _): .archive(language, day, page: page)
        default: self
        }
    }

    /// Listings and searches have feeds; other pages do not.
    var hasFeed: Bool {
        switch self {
        case .allNews, .section, .region, .source, .archive: true
        case .search(_, let parameters): !parameters.q.isEmpty
        default: false
        }
    }

    /// Links to a listing's three feeds, for the foot of the page.
    func feedLinksHTML(_ strings: UIStrings) -> String {
        let e = HTMLEscaping.escape
        let links = Feed.Format.allCases.map { format in
            let name = switch format {
            case .rss: "RSS"
            case .atom: "Atom"
            case .json: "JSON Feed"
            }
            return "<a href=\"\(e(feedPath(format)))\">\(name)</a>"
        }
        return "<p class=\"feeds\">\(e(strings.feeds)): \(links.joined(separator: " · "))</p>"
    }

    /// The feed of a listing: the listing's path (page 1) with the feed's file name.
    func feedPath(_ format: Feed.Format) -> String {
        let path = page(1).path
        if case .search(let language, let parameters) = self {
            return "/\(language.rawValue)/search/\(format.rawValue)?\(parameters.queryString)"
        }
        return path + "/" + format.rawValue
    }

    static func query(_ page: Int) -> String { page > 1 ? "?page=\(page)" : "" }
}
