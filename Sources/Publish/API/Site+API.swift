import EnbekshiCore
import Foundation
import Hummingbird
import NIOCore
import Store

/// `/api/v1/`: the corpus as JSON for machines. Errors are JSON too (`{"error", "message"}`) with
/// a 4xx status; the document at `/api/v1/openapi.json` describes every answer.
extension Site {
    static let apiPageLimit = 100

    func addAPI(to router: Router<SiteRequestContext>) {
        let api = router.group("api/v1")
        api.get("openapi.json") { _, _ in
            Response.json(Data(OpenAPIDocument.json.utf8), maxAge: 3600)
        }
        api.get("articles") { request, _ in
            try await articleList(Self.queryItems(request))
        }
        api.get("articles/{id}") { _, context in
            if let id = context.parameters.get("id").flatMap({ Int64($0) }), let hidden = try await store.hiddenArticle(id: id) {
                return Self.apiProblem(.gone, "gone", "The newsroom withdrew this article: \(hidden.reason)")
            }
            guard let id = context.parameters.get("id").flatMap({ Int64($0) }), let article = try await store.article(id: id) else {
                return Self.apiProblem(.notFound, "not_found", "No article has that id.")
            }
            var response = try Self.apiJSON(try await articleDetail(article))
            response.headers[PageCache.freshFor] = "\(MostRead.articleFreshSeconds)"
            return response
        }
        api.get("stories/{id}") { _, context in
            guard let id = context.parameters.get("id").flatMap({ Int64($0) }) else {
                return Self.apiProblem(.notFound, "not_found", "No story has that id.")
            }
            let members = try await store.storyMembers(storyID: id)
            guard !members.isEmpty else { return Self.apiProblem(.notFound, "not_found", "No story has that id.") }
            return try Self.apiJSON(API.Story(
                id: id, members: members.map { API.StoryMember(id: $0.id, project: $0.key.project, govkzId: $0.key.govkzID) }))
        }
        api.get("sources") { _, _ in
            try Self.apiJSON(API.List(items: try await store.sources(enabledOnly: false).map(Self.sourceInfo)))
        }
        api.get("sources/{slug}") { _, context in
            guard let slug = context.parameters.get("slug"), let source = try await store.source(slug: slug) else {
                return Self.apiProblem(.notFound, "not_found", "No source has that slug.")
            }
            return try Self.apiJSON(Self.sourceInfo(source))
        }
        api.get("sections") { _, _ in
            try Self.apiJSON(API.List(items: Section.allCases.map { section in
                API.Named(code: section.slug, names: API.names { section.name(in: $0) })
            }))
        }
        api.get("most-read") { request, _ in
            let items = Self.queryItems(request)
            let period: MostRead.Period
            switch items["period"] {
            case nil, "week": period = .week
            case "today": period = .today
            default: return Self.apiBad("period", "today or week")
            }
            var section: Section?
            if let code = items["section"] {
                guard let known = Section.allCases.first(where: { $0.slug == code }) else { return Self.apiBad("section", "a code from /api/v1/sections") }
                section = known
            }
            var edition = Language.en
            if let code = items["lang"] {
                guard let language = Language(rawValue: code) else { return Self.apiBad("lang", "kk, ru or en") }
                edition = language
            }
            let read = try await MostRead.load(period, section: section, edition: edition, store: store, sources: sources)
            var response = try Self.apiJSON(API.List(items: read.items.compactMap { summary, views in
                summary.articleID.map {
                    API.MostReadItem(
                        id: $0, views: views, language: summary.contentLanguage.rawValue, title: summary.title,
                        url: publicURL + summary.route.path)
                }
            }))
            response.headers[PageCache.freshFor] = "\(MostRead.freshSeconds)"
            return response
        }
        api.get("regions") { _, _ in
            try Self.apiJSON(API.List(items: Region.allCodes.map { code in
                API.Named(code: code, names: API.names { Region.name(code: code, in: $0) })
            }))
        }
    }

    func articleList(_ items: [String: String]) async throws -> Response {
        var query = ArticleQuery()
        var text: String?
        var limit = 20
        var cursor: APICursor?
        for (key, value) in items {
            // An empty value means "not given" only where the schema allows any string.
            if value.isEmpty {
                switch key {
                case "lang": return Self.apiBad(key, "one of kk, ru, en")
                case "from", "to": return Self.apiBad(key, "a date YYYY-MM-DD from \(SearchParameters.firstDay) to \(SearchParameters.lastDay)")
                case "limit": return Self.apiBad(key, "a whole number from 1 to \(Self.apiPageLimit)")
                case "section": return Self.apiBad(key, "a section code from /api/v1/sections")
                case "region": return Self.apiBad(key, "a region code from /api/v1/regions")
                case "source", "q", "cursor": continue
                default: return Self.apiBad(key, "a known parameter: lang, section, region, source, from, to, q, cursor, limit")
                }
            }
            switch key {
            case "lang":
                guard let language = Language(rawValue: value) else { return Self.apiBad(key, "one of kk, ru, en") }
                query.language = language
            case "section":
                guard let section = Section.allCases.first(where: { $0.slug == value }) else {
                    return Self.apiBad(key, "a section code from /api/v1/sections")
                }
                query.section = section
            case "region":
                guard Region.englishName(code: value) != nil else { return Self.apiBad(key, "a region code from /api/v1/regions") }
                query.region = value
            case "source": query.source = String(value.prefix(100))
            case "from", "to":
                guard let day = SearchParameters.day(value) else {
                    return Self.apiBad(key, "a date YYYY-MM-DD from \(SearchParameters.firstDay) to \(SearchParameters.lastDay)")
                }
                if key == "from" { query.fromDay = day } else { query.toDay = day }
            case "q": text = value
            case "limit":
                guard let number = Int(value), (1...Self.apiPageLimit).contains(number) else {
                    return Self.apiBad(key, "a whole number from 1 to \(Self.apiPageLimit)")
                }
                limit = number
            case "cursor":
                guard let decoded = APICursor(value) else { return Self.apiBad(key, "a cursor from a previous next_cursor") }
                cursor = decoded
            default: return Self.apiBad(key, "a known parameter: lang, section, region, source, from, to, q, cursor, limit")
            }
        }
        var articles: [Article]
        var next: APICursor?
        if let text {
            var parameters = SearchParameters()
            parameters.q = text
            parameters.section = query.section
            parameters.region = query.region
            parameters.source = query.source
            parameters.from = query.fromDay
            parameters.to = query.toDay
            var request: SearchRequest
            do {
                request = try parameters.request(snippetLanguage: query.language ?? .ru)
                request.snippets = false
            } catch {
                return Self.apiProblem(.badRequest, "bad_query", UIStrings(.en).searchProblem(error))
            }
            var offset = 0
            if case .offset(let value) = cursor { offset = value }
            let found = try await searches.run { [request] in try await store.search(request, limit: limit, offset: offset) }
            articles = []
            let byID = try await store.articles(ids: found.hits.map(\.articleID))
            articles = found.hits.compactMap { byID[$0.articleID] }
            if found.hits.count == limit, offset + limit < SearchResults.countLimit { next = .offset(offset + limit) }
        } else {
            if case .after(let published, let id) = cursor { query.before = (published, id) }
            articles = try await store.articles(query, limit: limit)
            if articles.count == limit, let last = articles.last { next = .after(published: last.published?.local ?? "", id: last.id) }
        }
        let edition = query.language ?? .en
        let pictures = try await store.pictures(urls: articles.compactMap(\.leadPicture))
        let items = articles.compactMap { article -> API.ArticleSummary? in
            guard let version = article.bestVersion(for: edition) else { return nil }
            let slug = Slug.make(article.slugTitle ?? version.title)
            return API.ArticleSummary(
                id: article.id, project: article.key.project, govkzId: article.key.govkzID, published: article.published.map(Feed.rfc3339),
                languages: article.versions.keys.sorted().map(\.rawValue), originalLanguages: article.originalLanguages.map(\.rawValue),
                title: version.title, lead: HTMLEscaping.unescapeBasic(Lead.make(fromBodyHTML: version.bodyHTML)),
                url: publicURL + SiteRoute.article(edition, id: article.id, slug: slug).path,
                section: article.topics?.section.slug, region: article.topics?.region, storyId: article.storyID,
                picture: API.picture(article.leadPicture, in: pictures, publicURL: publicURL))
        }
        return try Self.apiJSON(API.ArticleList(items: items, nextCursor: next?.encoded))
    }

    func articleDetail(_ article: Article) async throws -> API.ArticleDetail {
        let edited = Set(try await store.corrections(articleID: article.id).filter(\.field.isPerEdition).compactMap(\.language))
        let versions = article.versions.keys.sorted().compactMap { language -> API.Version? in
            guard let version = article.versions[language] else { return nil }
            return API.Version(
                language: language.rawValue, title: version.title, bodyHtml: version.bodyHTML, sourceUrl: version.sourceURL,
                published: version.published.map(Feed.rfc3339), fetchedAt: API.timestamp(version.fetchedAt),
                contentHash: version.contentHash, flags: version.flags.map(\.description),
                machineTranslation: version.machineTranslation.map {
                    API.MachineTranslationInfo(
                        engine: $0.engine, model: $0.model, translatedAt: API.timestamp($0.translatedAt), sourceLanguage: $0.sourceLanguage.rawValue)
                }, editedByNewsroom: edited.contains(language))
        }
        let topics = article.topics.map {
            API.Topics(
                section: $0.section.slug, secondary: $0.secondary.map(\.slug), sectionScore: $0.sectionScore,
                sectionReason: $0.sectionReason, region: $0.region, place: $0.place, regionReason: $0.regionReason)
        }
        let slug = Slug.make(article.slugTitle ?? article.versions.values.first?.title ?? "")
        var inBodies: [String] = []
        for language in article.versions.keys.sorted() {
            for url in BodyPictures.sources(inHTML: article.versions[language]?.bodyHTML ?? "") where !inBodies.contains(url) { inBodies.append(url) }
        }
        let pictures = try await store.pictures(urls: article.leadPicture.map { [$0] + inBodies } ?? inBodies)
        return API.ArticleDetail(
            id: article.id, project: article.key.project, govkzId: article.key.govkzID, published: article.published.map(Feed.rfc3339),
            url: publicURL + SiteRoute.article(.en, id: article.id, slug: slug).path, topics: topics, storyId: article.storyID,
            related: try await store.relatedArticles(to: article.id, limit: 5), versions: versions,
            views: try await store.totalViews(articleIDs: [article.id])[article.id] ?? 0,
            picture: API.picture(article.leadPicture, in: pictures, publicURL: publicURL),
            bodyPictures: inBodies.compactMap { API.picture($0, in: pictures, publicURL: publicURL) })
    }

    static func sourceInfo(_ source: Source) -> API.SourceInfo {
        API.SourceInfo(
            slug: source.slug, kind: source.kind.rawValue, region: source.region, parent: source.parentSlug,
            names: API.names { source.names[$0] }, enabled: source.enabled)
    }

    static func apiJSON(_ value: some Encodable) throws -> Response {
        Response.json(try API.encoder.encode(value), maxAge: 60)
    }

    static func apiBad(_ parameter: String, _ expected: String) -> Response {
        apiProblem(.badRequest, "bad_parameter", "The parameter “\(parameter)” must be \(expected).")
    }

    static func apiProblem(_ status: HTTPResponse.Status, _ code: String, _ message: String) -> Response {
        let data = (try? API.encoder.encode(API.Problem(error: code, message: message))) ?? Data()
        var response = Response.json(data, maxAge: 0)
        response.status = status
        return response
    }
}

extension Response {
    static func json(_ data: Data, maxAge: Int) -> Response {
        Response(
            status: .ok,
            headers: [
                .contentType: "application/json; charset=utf-8",
                .cacheControl: maxAge > 0 ? "public, max-age=\(maxAge)" : "no-store",
                .accessControlAllowOrigin: "*",
            ],
            body: .init(byteBuffer: ByteBuffer(bytes: data)))
    }
}
