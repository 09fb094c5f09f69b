import AsyncHTTPClient
import EnbekshiCore
import Foundation
import Logging
import NIOCore
import NIOHTTP1
import NIOSSL

/// The REST client for gov.kz's content manager, polite by construction: every request waits for
/// the shared rate limiter, carries an honest User-Agent, and is retried with back-off on timeouts,
/// 429 and 5xx, honouring Retry-After.
public final class HTTPGovKzClient: GovKzClient {
    public let configuration: GovKzConfiguration
    let http: HTTPClient
    let limiter: RateLimiter
    /// The deployment's budget, when several workers share one (checked after this process's own).
    let shared: SharedRequestBudget?
    let logger: Logger
    let backoff: Backoff
    let tickets = TicketCache()

    public init(configuration: GovKzConfiguration, shared: SharedRequestBudget? = nil, logger: Logger) {
        self.configuration = configuration
        self.shared = shared
        self.logger = logger
        var httpConfiguration = HTTPClient.Configuration(
            redirectConfiguration: .follow(max: 3, allowCycles: false),
            timeout: .init(
                connect: .milliseconds(Int64(configuration.connectTimeout * 1000)),
                read: .milliseconds(Int64(configuration.requestTimeout * 1000))))
        if !configuration.verifyTLS {
            var tls = TLSConfiguration.makeClientConfiguration()
            tls.certificateVerification = .none
            httpConfiguration.tlsConfiguration = tls
        }
        http = HTTPClient(eventLoopGroupProvider: .singleton, configuration: httpConfiguration)
        limiter = RateLimiter(perSecond: configuration.requestsPerSecond)
        backoff = Backoff(base: configuration.backoffBase, maximum: configuration.backoffMax)
    }

    /// Closes connections. Call once, when the client is no longer used.
    public func shutdown() async {
        try? await http.shutdown()
    }

    public func newsPage(project: String, language: Language, page: Int, size: Int) async throws(GovKzError)
        -> [GovKzItem]
    {
        let query = [
            ("sort-by", "created_date:DESC"), ("projects", "eq:\(project)"), ("page", String(page)),
            ("size", String(size)), ("lang", language.rawValue),
        ]
        let decoded = try await get(
            path: "/api/v1/public/content-manager/news", query: query, project: project, language: language
        ) { (body: ByteBuffer) throws(GovKzError) in try GovKzDecoder.decodeList(body.readableBytesView) }
        for rejection in decoded.rejected {
            logger.warning(
                "gov.kz list item left out",
                metadata: ["project": "\(project)", "lang": "\(language.rawValue)", "page": "\(page)", "item": "\(rejection)"])
        }
        return decoded.items
    }

    public func latestNews(language: Language, page: Int, size: Int) async throws(GovKzError) -> [GovKzItem] {
        let query = [("sort-by", "created_date:DESC"), ("page", String(page)), ("size", String(size)), ("lang", language.rawValue)]
        return try await get(
            path: "/api/v1/public/content-manager/news", query: query, project: "", language: language
        ) { (body: ByteBuffer) throws(GovKzError) in try GovKzDecoder.decodeList(body.readableBytesView).items }
    }

    public func newsItem(project: String, id: String, language: Language) async throws(GovKzError) -> GovKzItem? {
        let escaped = id.addingPercentEncoding(withAllowedCharacters: .alphanumerics) ?? id
        do {
            return try await get(
                path: "/api/v1/public/content-manager/news/\(escaped)", query: [("lang", language.rawValue)],
                project: project, language: language
            ) { (body: ByteBuffer) throws(GovKzError) in try GovKzDecoder.decodeDetail(body.readableBytesView) }
        } catch .http(status: 404, _) {
            return nil
        }
    }

    public func picture(url: String) async throws(GovKzError) -> [UInt8] {
        guard let path = GovKzURL.portalPath(url, bases: [configuration.publicBaseURL, configuration.baseURL]) else {
            throw .notOnGovKz(url)
        }
        try await takeSlot()
        var request = HTTPClientRequest(url: GovKzURL.trimmed(configuration.baseURL) + path)
        request.method = .GET
        request.headers.add(name: "Accept", value: "image/webp,image/jpeg,image/png,image/gif;q=0.9,*/*;q=0.1")
        request.headers.add(name: "User-Agent", value: configuration.userAgent)
        request.headers.add(name: "Referer", value: GovKzURL.trimmed(configuration.publicBaseURL) + "/")
        for header in configuration.extraHeaders { request.headers.replaceOrAdd(name: header.name, value: header.value) }
        do {
            var body = try await execute(request, accepting: nil)
            HarvestMetrics.picture(.ok)
            return body.readBytes(length: body.readableBytes) ?? []
        } catch {
            HarvestMetrics.picture(HarvestMetrics.Outcome(error))
            throw error
        }
    }

    // MARK: - Requests

    /// GETs and decodes, retrying both: a truncated or HTML answer is as transient as a 503.
    func get<T>(
        path: String, query: [(String, String)], project: String, language: Language,
        decode: (ByteBuffer) throws(GovKzError) -> T
    ) async throws(GovKzError) -> T {
        var attempt = 0
        var refreshedTicket = false
        while true {
            do {
                let decoded = try decode(try await getOnce(path: path, query: query, project: project, language: language))
                HarvestMetrics.request(.ok)
                return decoded
            } catch {
                HarvestMetrics.request(HarvestMetrics.Outcome(error))
                if error == .ticketNeeded, configuration.challengePath != nil, !refreshedTicket {
                    refreshedTicket = true
                    await tickets.clear(project)
                    continue
                }
                // A refused or unresolvable connection is retried once: if gov.kz is down, the pass
                // should say so soon rather than after a minute of back-off per feed.
                let limit = error.isConnectionFailure ? min(1, configuration.maxRetries) : configuration.maxRetries
                guard error.isRetryable, attempt < limit else { throw error }
                var delay = backoff.delay(attempt: attempt)
                if case .http(_, let retryAfter?) = error {
                    guard retryAfter <= configuration.maxRetryAfter else { throw error }
                    delay = max(delay, retryAfter)
                    // Everyone waits: the server asked us to slow down, not just this request.
                    await limiter.pause(for: .milliseconds(Int64(retryAfter * 1000)))
                    await shared?.pause(for: retryAfter)
                }
                attempt += 1
                logger.info(
                    "gov.kz request failed, retrying",
                    metadata: [
                        "path": "\(path)", "project": "\(project)", "lang": "\(language.rawValue)",
                        "error": "\(error)", "attempt": "\(attempt)", "delay_s": "\(String(format: "%.2f", delay))",
                    ])
                do {
                    try await Task.sleep(for: .milliseconds(Int64(delay * 1000)))
                } catch {
                    throw .cancelled
                }
            }
        }
    }

    /// This process's pace, then the deployment's.
    func acquireSlot() async throws {
        try await limiter.acquire()
        try await shared?.acquire()
    }

    /// A slot for one request, or why there is none: no request goes out unless the shared budget
    /// gave it a slot.
    func takeSlot() async throws(GovKzError) {
        do {
            try await acquireSlot()
        } catch is CancellationError {
            throw .cancelled
        } catch {
            throw .transport("request budget unavailable: \(error)")
        }
    }

    func getOnce(path: String, query: [(String, String)], project: String, language: Language) async throws(GovKzError)
        -> ByteBuffer
    {
        try await takeSlot()
        var components = URLComponents()
        components.queryItems = query.map { URLQueryItem(name: $0.0, value: $0.1) }
        let url = GovKzURL.trimmed(configuration.baseURL) + path + (components.percentEncodedQuery.map { "?" + $0 } ?? "")
        var request = HTTPClientRequest(url: url)
        request.method = .GET
        request.headers.add(name: "Accept", value: "application/json")
        request.headers.add(name: "Accept-Language", value: language.rawValue)
        request.headers.add(name: "User-Agent", value: configuration.userAgent)
        let page = project.isEmpty ? "/memleket/news" : "/memleket/entities/\(project)/press/news"
        request.headers.add(
            name: "Referer", value: "\(GovKzURL.trimmed(configuration.publicBaseURL))\(page)?lang=\(language.rawValue)")
        for (name, value) in await ticketHeaders(project: project) { request.headers.replaceOrAdd(name: name, value: value) }
        for header in configuration.extraHeaders { request.headers.replaceOrAdd(name: header.name, value: header.value) }
        return try await execute(request)
    }

    /// Sends a request and collects its answer; `accepting` "json" refuses HTML error pages.
    func execute(_ request: HTTPClientRequest, accepting: String? = "json") async throws(GovKzError) -> ByteBuffer {
        let response: HTTPClientResponse
        do {
            response = try await http.execute(request, timeout: .milliseconds(Int64(configuration.requestTimeout * 1000)))
        } catch {
            if Task.isCancelled { throw .cancelled }
            throw Self.classify(error)
        }
        let body: ByteBuffer
        do {
            body = try await response.body.collect(upTo: configuration.maxResponseBytes)
        } catch is NIOTooManyBytesError {
            throw .tooLarge(limit: configuration.maxResponseBytes)
        } catch {
            throw Self.classify(error)
        }
        let status = Int(response.status.code)
        guard (200..<300).contains(status) else {
            if status == 400, String(buffer: body).contains("notAllowed") { throw .ticketNeeded }
            throw .http(status: status, retryAfter: Backoff.retryAfter(response.headers.first(name: "Retry-After")))
        }
        let contentType = response.headers.first(name: "Content-Type")
        if accepting != nil, let contentType, contentType.lowercased().contains("html") { throw .notJSON(contentType: contentType) }
        return body
    }

    static func classify(_ error: Error) -> GovKzError {
        if let error = error as? HTTPClientError {
            if error == .deadlineExceeded || error == .readTimeout || error == .connectTimeout { return .timeout }
            if error == .remoteConnectionClosed || error == .bodyLengthMismatch {
                return .malformedJSON("connection closed mid-answer")
            }
        }
        return .transport(String(describing: error))
    }

    // MARK: - Anti-bot challenge

    func ticketHeaders(project: String) async -> [(String, String)] {
        guard let path = configuration.challengePath else { return [] }
        if let cached = await tickets.headers(project) { return cached }
        var request = HTTPClientRequest(url: GovKzURL.trimmed(configuration.baseURL) + path)
        request.method = .POST
        request.headers.add(name: "Content-Type", value: "application/json")
        request.headers.add(name: "Origin", value: GovKzURL.trimmed(configuration.publicBaseURL))
        request.headers.add(name: "User-Agent", value: configuration.userAgent)
        request.body = .bytes(ByteBuffer(string: "{}"))
        var headers: [(String, String)] = []
        do {
            try await acquireSlot()
            let body = try await execute(request)
            if case .object(let object) = try GovKzDecoder.parse(body.readableBytesView) {
                for (key, value) in object.prefix(32) {
                    if let text = value.text, text.count <= 4000 { headers.append((key, text)) }
                }
            }
        } catch {
            logger.warning("gov.kz challenge failed", metadata: ["path": "\(path)", "error": "\(error)"])
        }
        await tickets.store(headers, for: project)
        return headers
    }
}

/// Challenge answers, reused for all pages of a project until gov.kz refuses them.
actor TicketCache {
    private var cache: [String: [(String, String)]] = [:]
    func headers(_ project: String) -> [(String, String)]? { cache[project] }
    func store(_ headers: [(String, String)], for project: String) { cache[project] = headers }
    func clear(_ project: String) { cache[project] = nil }
}
