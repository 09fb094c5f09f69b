import EnbekshiCore
import Hummingbird
import HummingbirdCore
import Logging
import NIOCore
import NIOHTTP1
import Foundation
import Store

/// The public web site: routes, pages and error handling over a `NewsStore`.
public struct Site: Sendable {
    public let store: any NewsStore
    public let defaultLanguage: Language
    let sources: SourceDirectory
    let cache: PageCache
    /// Pictures' stored sizes kept in memory for `/media` (apart from the pages).
    let pictures: PictureFileCache
    let counts: ListingCounts
    let generation: ContentGeneration
    /// Searches that may run at once; more are refused with 503 (see `SearchGate`).
    let searches: SearchGate

    /// The site's address as readers reach it, for the absolute links of feeds.
    let publicURL: String
    /// Who may read `/metrics`.
    let metricsAllowed: AllowedNetworks
    /// Views of article pages counted here, for "most read" (`viewFlusher` stores them).
    let views = ViewCounter()

    /// `pageCacheBytes` bounds the rendered pages kept in memory; 0 renders every request (for
    /// measuring cold pages). Cached pages follow the store's changes within `contentCheckInterval`.
    /// `pictureCacheBytes` bounds the pictures' sizes kept in memory; 0 reads each from the store.
    public init(
        store: any NewsStore, defaultLanguage: Language = .en, publicURL: String = "http://127.0.0.1:8080",
        pageCacheBytes: Int = 64 << 20, pictureCacheBytes: Int = 32 << 20, contentCheckInterval: Duration = .milliseconds(250),
        concurrentSearches: Int = min(4, ProcessInfo.processInfo.activeProcessorCount), waitingSearches: Int = 256,
        metricsAllowed: AllowedNetworks = .loopback
    ) {
        self.metricsAllowed = metricsAllowed
        // Fewer than the store's readers (SQLite's pool keeps five), so pages always find one free.
        self.searches = SearchGate(limit: concurrentSearches, queueLimit: waitingSearches)
        self.publicURL = publicURL.hasSuffix("/") ? String(publicURL.dropLast()) : publicURL
        self.store = store
        self.defaultLanguage = defaultLanguage
        self.sources = SourceDirectory(store: store)
        self.cache = PageCache(maximumBytes: pageCacheBytes)
        self.pictures = PictureFileCache(maximumBytes: pictureCacheBytes)
        self.generation = ContentGeneration(store: store, trust: contentCheckInterval)
        self.counts = ListingCounts(generation: generation)
    }

    /// Tells the site that something its pages show was just changed here (by an editor): the
    /// next request reads the content generation again instead of trusting the last read.
    public func contentChanged() {
        generation.forget()
    }

    public func router() -> Router<SiteRequestContext> {
        let router = Router(context: SiteRequestContext.self)
        router.add(middleware: RouteRecorder())
        router.add(middleware: SecurityHeadersMiddleware())
        router.add(middleware: ErrorPageMiddleware(defaultLanguage: defaultLanguage))
        router.get("/") { request, _ in
            let edition = Self.edition(acceptLanguage: request.headers[.acceptLanguage]) ?? defaultLanguage
            var response = Response.redirect(to: SiteRoute.home(edition).path, type: .found)
            response.headers[.vary] = "Accept-Language"
            return response
        }
        let generation = generation
        HealthRoutes.add(to: router, store: store, cache: cache, metricsAllowed: metricsAllowed) {
            store.announcesChanges ? generation.isListening : nil
        }
        addAPI(to: router)
        addMedia(to: router)
        router.get("/static/site.css") { _, _ in
            Response(
                status: .ok,
                headers: [.contentType: "text/css; charset=utf-8", .cacheControl: "public, max-age=31536000, immutable"],
                body: .init(byteBuffer: ByteBuffer(string: Stylesheet.css)))
        }
        router.get("/{lang}") { _, context in
            let edition = try Self.edition(context)
            var response = Response.html(HomeView.render(try await HomeModel.load(edition: edition, store: store, sources: sources)))
            response.headers[PageCache.freshFor] = "\(MostRead.freshSeconds)"
            return response
        }
        router.get("/{lang}/news/all") { request, context in
            let edition = try Self.edition(context)
            return try await listing(
                edition: edition, heading: UIStrings(edition).allNews, route: .allNews(edition, page: 1), filter: nil,
                request: request)
        }
        router.get("/{lang}/category/{section}") { request, context in
            let edition = try Self.edition(context)
            guard let section = context.parameters.get("section").flatMap(Section.init(rawValue:)) else {
                throw PageError.notFound
            }
            let week = try await MostRead.load(.week, section: section, edition: edition, store: store, sources: sources)
            var response = try await listing(
                edition: edition, heading: section.name(in: edition), route: .section(edition, section, page: 1),
                filter: .section(section), request: request, aside: MostRead.render([week], edition: edition, id: "most-read"))
            response.headers[PageCache.freshFor] = "\(MostRead.freshSeconds)"
            return response
        }
        router.get("/{lang}/region/{region}") { request, context in
            let edition = try Self.edition(context)
            guard let region = context.parameters.get("region"), let name = Region.name(code: region, in: edition) else {
                throw PageError.notFound
            }
            return try await listing(
                edition: edition, heading: name, route: .region(edition, region, page: 1), filter: .region(region),
                request: request)
        }
        router.get("/{lang}/source/{slug}") { request, context in
            let edition = try Self.edition(context)
            guard let slug = context.parameters.get("slug"), let source = await sources.source(slug) else {
                throw PageError.notFound
            }
            return try await listing(
                edition: edition, heading: source.displayName(in: edition), route: .source(edition, slug, page: 1),
                filter: .source(slug), request: request,
                intro: await SourceAboutView.render(source, edition: edition, sources: sources) + "\n"
                    + (try await SourceHealthView.render(slug: slug, edition: edition, store: store)))
        }
        router.get("/robots.txt") { _, _ in
            Response.text(Sitemap.robots(baseURL: publicURL), contentType: "text/plain; charset=utf-8", maxAge: 3600)
        }
        router.get("/sitemap.xml") { _, _ in
            Response.text(Sitemap.index(try await store.sitemapMonths(), baseURL: publicURL), contentType: "application/xml", maxAge: 3600)
        }
        router.get("/sitemaps/{file}") { _, context in
            guard let month = context.parameters.get("file").flatMap(Sitemap.month(fileName:)) else { throw PageError.notFound }
            let entries = try await store.sitemapEntries(month: month)
            guard !entries.isEmpty else { throw PageError.notFound }
            return Response.text(Sitemap.month(entries, baseURL: publicURL), contentType: "application/xml", maxAge: 3600)
        }
        router.get("/{lang}/sources.opml") { _, context in
            let edition = try Self.edition(context)
            let all = try await store.sources(enabledOnly: true)
            return Response.text(SourcesOPML.render(all, edition: edition, baseURL: publicURL), contentType: "text/x-opml; charset=utf-8",
                                 maxAge: 3600)
        }
        router.get("/{lang}/archive/{day}") { request, context in
            let edition = try Self.edition(context)
            let raw = context.parameters.get("day") ?? ""
            guard let day = SearchParameters.day(raw) else { throw PageError.badRequest(.archiveDay(raw)) }
            let strings = UIStrings(edition)
            return try await listing(
                edition: edition, heading: strings.newsOfDay(DateText.format(GovKzDate(day), in: edition, withTime: false)),
                route: .archive(edition, day, page: 1), filter: .day(day), request: request,
                intro: DayNavigation.render(day: day, around: try await store.daysWithNews(around: day), edition: edition))
        }
        router.get("/{lang}/archive/{day}/{feed}") { _, context in
            let edition = try Self.edition(context)
            guard let day = context.parameters.get("day").flatMap(SearchParameters.day) else { throw PageError.notFound }
            return try await feed(
                context, edition: edition, title: UIStrings(edition).newsOfDay(DateText.format(GovKzDate(day), in: edition, withTime: false)),
                route: .archive(edition, day, page: 1), filter: .day(day))
        }
        router.get("/{lang}/search") { request, context in
            let edition = try Self.edition(context)
            let query = Self.queryItems(request)
            let parameters: SearchParameters
            do throws(BadParameter) { parameters = try SearchParameters.parse(query) } catch { throw PageError.badRequest(error) }
            let model = try await searches.run {
                try await SearchModel.load(edition: edition, parameters: parameters, store: store, sources: sources)
            }
            return Response.html(SearchView.render(model), status: model.problem == nil ? .ok : .badRequest)
        }
        router.get("/{lang}/news/all/{feed}") { _, context in
            let edition = try Self.edition(context)
            return try await feed(context, edition: edition, title: UIStrings(edition).allNews, route: .allNews(edition, page: 1), filter: nil)
        }
        router.get("/{lang}/category/{section}/{feed}") { _, context in
            let edition = try Self.edition(context)
            guard let section = context.parameters.get("section").flatMap(Section.init(rawValue:)) else { throw PageError.notFound }
            return try await feed(context, edition: edition, title: section.name(in: edition), route: .section(edition, section, page: 1),
                                  filter: .section(section))
        }
        router.get("/{lang}/region/{region}/{feed}") { _, context in
            let edition = try Self.edition(context)
            guard let region = context.parameters.get("region"), let name = Region.name(code: region, in: edition) else {
                throw PageError.notFound
            }
            return try await feed(context, edition: edition, title: name, route: .region(edition, region, page: 1), filter: .region(region))
        }
        router.get("/{lang}/source/{slug}/{feed}") { _, context in
            let edition = try Self.edition(context)
            guard let slug = context.parameters.get("slug"), let source = await sources.source(slug) else { throw PageError.notFound }
            return try await feed(context, edition: edition, title: source.displayName(in: edition), route: .source(edition, slug, page: 1),
                                  filter: .source(slug))
        }
        router.get("/{lang}/search/{feed}") { request, context in
            let edition = try Self.edition(context)
            guard let format = context.parameters.get("feed").flatMap(Feed.Format.init(rawValue:)) else { throw PageError.notFound }
            let query = Self.queryItems(request)
            var parameters: SearchParameters
            do throws(BadParameter) { parameters = try SearchParameters.parse(query) } catch { throw PageError.badRequest(error) }
            parameters.page = 1
            guard var search = try? parameters.request(snippetLanguage: edition) else {
                throw PageError.badRequest(.filter("q", parameters.q))
            }
            search.snippets = false
            let ids = try await searches.run { try await store.search(search, limit: Feed.size, offset: 0).hits.map(\.articleID) }
            let route = SiteRoute.search(edition, parameters)
            let feed = try await Feed.load(
                edition: edition, title: "\(parameters.q) — \(UIStrings(edition).search)", pagePath: route.path,
                feedPath: "/\(edition.rawValue)/search/\(format.rawValue)?\(parameters.queryString)", articleIDs: ids, store: store,
                sources: sources, baseURL: publicURL)
            return Response.feed(feed.render(format, baseURL: publicURL), format: format)
        }
        router.get("/{lang}/news/{article}") { _, context in
            let edition = try Self.edition(context)
            let parameter = context.parameters.get("article") ?? ""
            guard let (id, slug) = Self.articleReference(parameter) else { throw PageError.notFound }
            if let hidden = try await store.hiddenArticle(id: id) { throw PageError.gone(reason: hidden.reason) }
            guard let model = try await ArticleModel.load(edition: edition, id: id, store: store, sources: sources, publicURL: publicURL)
            else { throw PageError.notFound }
            // One address per article: old or mistyped slugs move permanently to the canonical one.
            if slug != model.canonicalSlug { return Response.redirect(to: model.route.path, type: .permanent) }
            var response = Response.html(ArticleView.render(model))
            // Its count of views moves on without the content changing.
            response.headers[PageCache.freshFor] = "\(MostRead.articleFreshSeconds)"
            return response
        }
        return router
    }

    func listing(
        edition: Language, heading: String, route: SiteRoute, filter: ListingFilter?, request: Request, intro: String? = nil,
        aside: String? = nil
    ) async throws -> Response {
        let page = try Self.page(request)
        guard
            var model = try await ListingModel.load(
                edition: edition, heading: heading, route: route, filter: filter, page: page, store: store, sources: sources,
                counts: counts)
        else { throw PageError.notFound }
        model.introHTML = intro
        model.asideHTML = aside
        return Response.html(ListingView.render(model))
    }

    func feed(_ context: SiteRequestContext, edition: Language, title: String, route: SiteRoute, filter: ListingFilter?)
        async throws -> Response
    {
        guard let format = context.parameters.get("feed").flatMap(Feed.Format.init(rawValue:)) else { throw PageError.notFound }
        let ids = try await store.latestArticles(limit: Feed.size, offset: 0, filter: filter).map(\.id)
        let feed = try await Feed.load(
            edition: edition, title: title, pagePath: route.path, feedPath: route.feedPath(format), articleIDs: ids,
            store: store, sources: sources, baseURL: publicURL)
        return Response.feed(feed.render(format, baseURL: publicURL), format: format)
    }

    /// The router behind the page cache (what `application` serves, and tests can drive directly).
    public func cachingResponder() -> some HTTPResponder<SiteRequestContext> {
        let generation = generation
        return CachingResponder(wrapped: router().buildResponder(), cache: cache, generation: { try await generation.current() })
    }

    /// The whole application: the public site behind the page cache and, beside it, the editors'
    /// room (`room`, answering every path under `RoomBoundary.pathPrefix`) outside it.
    public func application(
        hostname: String, port: Int, limits: ConnectionLimits = ConnectionLimits(), logger: Logger,
        room: (any HTTPResponder<SiteRequestContext>)? = nil
    ) -> some ApplicationProtocol {
        let serverName = "EnbekshiQazaQ"
        let lookup = cachedAnswer
        let registry = ConnectionGuard.Registry(logger: logger)
        // Outside the HEAD-as-GET responder: a HEAD is no reader's view.
        let site = ViewCountingResponder(wrapped: MethodResponder(wrapped: cachingResponder(), defaultLanguage: defaultLanguage), views: views)
        return Application(
            responder: MeasuredResponder(wrapped: RoomResponder(site: site, room: room)),
            server: .http1(configuration: Self.http1Configuration(
                serverName: serverName, connectionGuard: { ConnectionGuard(limits: limits, registry: registry) }, lookup: lookup)),
            configuration: .init(address: .hostname(hostname, port: port), serverName: serverName),
            logger: logger)
    }

    /// Hummingbird's HTTP/1 channel with cached pages answered on the event loop, behind the guard
    /// that closes idle and slow connections (when one is given).
    static func http1Configuration(
        serverName: String?, connectionGuard: (@Sendable () -> ConnectionGuard)? = nil,
        lookup: @escaping @Sendable (HTTPRequestHead) -> (entry: PageCache.Entry, variant: PageAnswer.Variant)?
    ) -> HTTP1Channel.Configuration {
        .init(additionalChannelHandlers: [
            CachedPageHandler.Installer(guard: connectionGuard) { CachedPageHandler(serverName: serverName, lookup: lookup) }
        ])
    }

    /// The cached answer to a request head, when one can be given without waiting (see
    /// `CachedPageHandler`): a cacheable GET whose page is cached for the content generation last read.
    var cachedAnswer: @Sendable (HTTPRequestHead) -> (entry: PageCache.Entry, variant: PageAnswer.Variant)? {
        let cache = cache, generation = generation, views = views
        return { head in
            guard head.method == .GET else { return nil }
            let uri = URI(head.uri)
            guard PageCache.isCacheable(method: .get, path: uri.path),
                !RoomBoundary.carriesSession(cookieHeaders: head.headers[canonicalForm: "cookie"].lazy.map(String.init)),
                let current = generation.currentIfFresh(),
                let entry = cache.entry(uri.description, generation: current)
            else { return nil }
            views.count(path: Substring(uri.path), userAgent: head.headers.first(name: "user-agent"))
            return (entry, PageAnswer.variant(of: entry, for: PageAnswer.Validators(head.headers)))
        }
    }

    static func edition(_ context: SiteRequestContext) throws -> Language {
        guard let code = context.parameters.get("lang"), let language = Language(rawValue: code) else {
            throw PageError.notFound
        }
        return language
    }

    /// The edition a browser asks for: the first of kk/ru/en in Accept-Language by quality
    /// (`kz` is accepted for Kazakh, as some systems send it); nil when none is named.
    static func edition(acceptLanguage header: String?) -> Language? {
        guard let header else { return nil }
        var best: (Language, Double)?
        for part in header.split(separator: ",") {
            let pieces = part.split(separator: ";").map { $0.trimmingCharacters(in: .whitespaces) }
            guard let tag = pieces.first?.lowercased() else { continue }
            let primary = tag.split(separator: "-").first.map(String.init) ?? tag
            let language = Language(rawValue: primary == "kz" ? "kk" : primary)
            let quality = pieces.dropFirst().first { $0.hasPrefix("q=") }.flatMap { Double($0.dropFirst(2)) } ?? 1
            if let language, quality > 0, quality > (best?.1 ?? 0) { best = (language, quality) }
        }
        return best?.0
    }

    /// The query string as a dictionary, form-encoded or percent-encoded (`QueryItems`).
    static func queryItems(_ request: Request) -> [String: String] {
        QueryItems.parse(request.uri.query)
    }

    /// `?page=N`, 1 when absent; anything but a whole number from 1 up is a bad request.
    static func page(_ request: Request) throws -> Int {
        guard let raw = queryItems(request)["page"] else { return 1 }
        guard let page = Int(raw), page >= 1, page <= 1_000_000 else {
            throw PageError.badRequest(.pageNumber(String(raw)))
        }
        return page
    }

    /// `1234-some-slug` → (1234, "some-slug"); nil when it does not start with an id.
    static func articleReference(_ parameter: String) -> (Int64, String)? {
        let digits = parameter.prefix { $0.isASCII && $0.isNumber }
        guard !digits.isEmpty, digits.count <= 18, let id = Int64(digits) else { return nil }
        var rest = parameter.dropFirst(digits.count)
        if rest.first == "-" { rest = rest.dropFirst() }
        return (id, String(rest))
    }
}
