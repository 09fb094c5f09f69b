import EnbekshiCore
import CompressNIO
import Foundation
import Hummingbird
import NIOCore
import Synchronization

/// Rendered answers kept in memory until the content changes (the store's content generation),
/// with their ETag, Last-Modified and a gzip copy made once. Bounded by bytes: when full, the
/// oldest entries go. A lock, not an actor: a cached answer is found without a suspension, which
/// is most of what a warm request costs.
final class PageCache: Sendable {
    struct Entry: Sendable {
        var generation: Int64
        var status: HTTPResponse.Status
        var headers: HTTPFields
        var body: ByteBuffer
        var gzipped: ByteBuffer?
        var etag: String
        var lastModified: String
        var stored: UInt64
        /// A search's answer (`PageCache.isOneOff`), kept within its own share of the cache.
        var oneOff = false
        /// The route template that rendered it, for the request metrics of its hits.
        var route = "unmatched"
        /// When it must be rendered again even if the content has not changed (a page showing what
        /// is most read, which changes no content generation); nil: only when the content changes.
        var expires: ContinuousClock.Instant?
        /// Whether it may still answer for `generation`.
        func isCurrent(_ generation: Int64) -> Bool {
            self.generation == generation && (expires.map { ContinuousClock.now < $0 } ?? true)
        }
        var bytes: Int { body.readableBytes + (gzipped?.readableBytes ?? 0) }

        /// Whether a request gets the same answer from both entries (same bytes, same headers).
        func isSameAnswer(as other: Entry) -> Bool {
            etag == other.etag && lastModified == other.lastModified && status == other.status && headers == other.headers
                && body.readableBytes == other.body.readableBytes && gzipped?.readableBytes == other.gzipped?.readableBytes
        }
    }

    struct State: ~Copyable {
        var entries: [String: Entry] = [:]
        var totalBytes = 0
        /// Bytes of the entries that answer searches, within `totalBytes`.
        var oneOffBytes = 0
        var clock: UInt64 = 0
        /// Renders in progress, with the requests waiting for them: after a change, many readers
        /// asking for one page get one rendering, not one each.
        var rendering: [String: [CheckedContinuation<(render: Bool, entry: Entry?), Never>]] = [:]
    }

    let maximumBytes: Int
    private let state = Mutex(State())

    init(maximumBytes: Int = 64 << 20) {
        self.maximumBytes = maximumBytes
    }

    /// Whether a cache key answers a search (the page, its feeds, the API's `q`): readers rarely ask
    /// the same one twice, so a storm of different queries would push every front page and listing
    /// out of the cache. Those entries share an eighth of it among themselves.
    static func isOneOff(_ key: String) -> Bool {
        key.contains("/search") || (key.hasPrefix("/api/") && (key.contains("?q=") || key.contains("&q=")))
    }

    /// Whether a request may be answered from the cache: "/" depends on Accept-Language and the
    /// health checks must always reach the server.
    static func isCacheable(method: HTTPRequest.Method, path: String) -> Bool {
        method == .get && path != "/" && !healthChecks.contains(path) && !RoomBoundary.contains(path: path)
            && !path.hasPrefix(SiteRoute.mediaPrefix)
    }

    static let healthChecks: Set<String> = ["/healthz", "/livez", "/readyz", "/metrics"]

    /// Whether a request may be answered from or kept in the cache: a cacheable path, asked
    /// without the editors' session.
    static func isCacheable(_ request: Request) -> Bool {
        isCacheable(method: request.method, path: request.uri.path)
            && !RoomBoundary.carriesSession(cookieHeaders: request.headers[values: .cookie])
    }

    func entry(_ key: String, generation: Int64) -> Entry? {
        state.withLock { state in
            guard let entry = state.entries[key], entry.isCurrent(generation) else { return nil }
            return entry
        }
    }

    /// A page's answer sets this header (seconds) to be kept only that long; it is never sent.
    static let freshFor = HTTPFields.Element.Name("X-Enbekshi-Fresh-For")!

    var count: Int { state.withLock { $0.entries.count } }

    /// Bytes held by the entries whose keys pass `include`.
    func bytes(where include: (String) -> Bool) -> Int {
        state.withLock { state in state.entries.reduce(0) { $0 + (include($1.key) ? $1.value.bytes : 0) } }
    }

    /// Whether the caller should render `key` (it is then the one renderer until `finish`), or the
    /// entry another request rendered meanwhile (nil when that rendering kept nothing).
    func claim(_ key: String, generation: Int64) async -> (render: Bool, entry: Entry?) {
        guard maximumBytes > 0 else { return (true, nil) }
        return await withCheckedContinuation { continuation in
            state.withLock { state in
                if let entry = state.entries[key], entry.isCurrent(generation) {
                    continuation.resume(returning: (false, entry))
                } else if state.rendering[key] == nil {
                    state.rendering[key] = []
                    continuation.resume(returning: (true, nil))
                } else {
                    state.rendering[key, default: []].append(continuation)
                }
            }
        }
    }

    /// Requests waiting for the rendering of `key`.
    func waiting(_ key: String) -> Int { state.withLock { $0.rendering[key]?.count ?? 0 } }

    /// Ends a claimed rendering, keeping its entry (if any) and handing it to those who waited.
    func finish(_ key: String, _ entry: Entry?) {
        let waiters = state.withLock { state in
            if let entry { Self.store(key, entry, in: &state, maximumBytes: maximumBytes) }
            return state.rendering.removeValue(forKey: key) ?? []
        }
        for waiter in waiters { waiter.resume(returning: (false, entry)) }
    }

    private static func store(_ key: String, _ entry: Entry, in state: inout State, maximumBytes: Int) {
        guard entry.bytes <= maximumBytes / 8 else { return }
        remove(key, from: &state)
        var entry = entry
        state.clock += 1
        entry.stored = state.clock
        entry.oneOff = isOneOff(key)
        state.entries[key] = entry
        state.totalBytes += entry.bytes
        if entry.oneOff { state.oneOffBytes += entry.bytes }
        // Searches first, within their share; then everything, oldest first, down to three quarters.
        if state.oneOffBytes > maximumBytes / 8 {
            evict(from: &state, while: { $0.oneOffBytes > maximumBytes / 8 * 3 / 4 }, only: { $0.oneOff })
        }
        if state.totalBytes > maximumBytes {
            evict(from: &state, while: { $0.totalBytes > maximumBytes * 3 / 4 }, only: { _ in true })
        }
    }

    private static func evict(from state: inout State, while over: (borrowing State) -> Bool, only: (Entry) -> Bool) {
        for (key, _) in state.entries.filter({ only($0.value) }).sorted(by: { $0.value.stored < $1.value.stored }) {
            guard over(state) else { return }
            remove(key, from: &state)
        }
    }

    private static func remove(_ key: String, from state: inout State) {
        guard let old = state.entries.removeValue(forKey: key) else { return }
        state.totalBytes -= old.bytes
        if old.oneOff { state.oneOffBytes -= old.bytes }
    }
}

/// Serves GET requests from `PageCache` when the content has not changed since they were rendered,
/// answers conditional requests with 304, and compresses text for clients that accept gzip. Only
/// successful answers are kept; errors and redirects always go to the router.
struct CachingResponder<Wrapped: HTTPResponder>: HTTPResponder {
    typealias Context = Wrapped.Context
    let wrapped: Wrapped
    let cache: PageCache
    let generation: @Sendable () async throws -> Int64

    func respond(to request: Request, context: Context) async throws -> Response {
        guard PageCache.isCacheable(request) else {
            return try await wrapped.respond(to: request, context: context).keepingNoFreshness()
        }
        let key = request.uri.description
        let current = try await generation()
        if let entry = cache.entry(key, generation: current) { return hit(entry, request: request, context: context) }
        let claim = await cache.claim(key, generation: current)
        if let entry = claim.entry { return hit(entry, request: request, context: context) }
        Vitals.pageCache("miss")
        guard claim.render else { return try await wrapped.respond(to: request, context: context).keepingNoFreshness() }
        do {
            var response = try await wrapped.respond(to: request, context: context)
            let freshFor = response.headers[PageCache.freshFor].flatMap(Int.init)
            response = response.keepingNoFreshness()
            // An answer that sets a cookie or forbids storing is one reader's: never kept.
            guard response.status == .ok, Self.isText(response.headers[.contentType]), response.headers[.setCookie] == nil,
                !(response.headers[.cacheControl] ?? "").contains("no-store")
            else {
                cache.finish(key, nil)
                return response
            }
            var made = try await Self.entry(response, generation: current)
            made.route = Self.route(of: context) ?? made.route
            if let freshFor { made.expires = .now + .seconds(max(1, freshFor)) }
            cache.finish(key, made)
            return Self.answer(made, to: request)
        } catch {
            cache.finish(key, nil)
            throw error
        }
    }

    func hit(_ entry: Entry, request: Request, context: Context) -> Response {
        Vitals.pageCache("hit")
        (context as? SiteRequestContext)?.route.set(entry.route)
        return Self.answer(entry, to: request)
    }

    static func route(of context: Context) -> String? {
        (context as? SiteRequestContext)?.route.template
    }

    static func entry(_ response: Response, generation: Int64) async throws -> Entry {
        let collector = BodyCollector()
        try await response.body.write(collector)
        let body = collector.buffer
        var gzipped: ByteBuffer?
        if body.readableBytes >= 1024 {
            var source = body
            gzipped = try? source.compress(with: .gzip())
        }
        return Entry(
            generation: generation, status: response.status, headers: response.headers, body: body, gzipped: gzipped,
            etag: "\"\(Self.hash(body))\"", lastModified: HTTPDate.format(Date()), stored: 0)
    }

    typealias Entry = PageCache.Entry

    static func answer(_ entry: Entry, to request: Request) -> Response {
        let answer = PageAnswer(entry, requestHeaders: request.headers)
        return Response(status: answer.status, headers: answer.headers, body: answer.body.map { .init(byteBuffer: $0) } ?? .init())
    }

    static func isText(_ contentType: String?) -> Bool {
        guard let type = contentType else { return false }
        return type.hasPrefix("text/") || type.contains("xml") || type.contains("json")
    }

    /// FNV-1a over the body: the ETag changes exactly when the bytes do.
    static func hash(_ buffer: ByteBuffer) -> String {
        String(buffer.withUnsafeReadableBytes { FNV1a.hash($0) }, radix: 16)
    }
}

extension Response {
    /// The answer without the cache's instruction (`PageCache.freshFor`), which is never sent.
    func keepingNoFreshness() -> Response {
        guard headers[PageCache.freshFor] != nil else { return self }
        var response = self
        response.headers[PageCache.freshFor] = nil
        return response
    }
}

/// Collects a response body into one buffer.
final class BodyCollector: ResponseBodyWriter {
    var buffer = ByteBuffer()
    func write(_ buffer: ByteBuffer) async throws { self.buffer.writeImmutableBuffer(buffer) }
    func finish(_ trailingHeaders: HTTPFields?) async throws {}
}
