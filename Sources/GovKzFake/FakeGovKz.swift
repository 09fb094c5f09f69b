import Foundation
import Hummingbird
import LoopbackServer
import Logging
import NIOCore
import Synchronization

/// A stand-in for gov.kz's content-manager API on 127.0.0.1: it serves a `FakeCorpus` with the real
/// paths, parameters and shapes (API.md §2–3) and injects faults on request. Tests, benchmarks and
/// `enbekshi fake-govkz` use it; nothing here ever talks to the real gov.kz.
public final class FakeGovKz: Sendable {
    struct State {
        var content: any FakeNewsContent
        var faults: [FakeFault] = []
        var requests: [RecordedRequest] = []
        /// The last list answer per (project, language), for `.repeatPreviousPage`.
        var lastList: [String: ByteBuffer] = [:]
    }

    private let state: Mutex<State>
    public let firstPage: Int
    let logger: Logger

    /// Whether every request is kept for `requests` (a long simulation only counts them).
    let keepsRequests: Bool
    private let requestCount = Atomic<Int>(0)

    /// Quiet by default: tests start and stop it many times.
    public init(
        content: any FakeNewsContent, firstPage: Int = 1, keepsRequests: Bool = true,
        logger: Logger = Logger(label: "fake-gov.kz") { _ in SwiftLogNoOpLogHandler() }
    ) {
        self.state = Mutex(State(content: content))
        self.firstPage = firstPage
        self.keepsRequests = keepsRequests
        self.logger = logger
    }

    public convenience init(
        corpus: FakeCorpus, firstPage: Int = 1, logger: Logger = Logger(label: "fake-gov.kz") { _ in SwiftLogNoOpLogHandler() }
    ) {
        self.init(content: corpus, firstPage: firstPage, logger: logger)
    }

    /// Requests answered so far (kept or not).
    public var requestTotal: Int { requestCount.load(ordering: .relaxed) }

    public func inject(_ fault: FakeFault) {
        state.withLock { $0.faults.append(fault) }
    }

    public func replaceCorpus(_ corpus: FakeCorpus) {
        state.withLock { $0.content = corpus }
    }

    public var requests: [RecordedRequest] { state.withLock { $0.requests } }

    public func resetRequests() { state.withLock { $0.requests.removeAll() } }

    // MARK: - Running

    public func application(host: String = "127.0.0.1", port: Int = 0, onRunning: @escaping @Sendable (Int) async -> Void = { _ in })
        -> some ApplicationProtocol
    {
        let router = Router(context: BasicRequestContext.self)
        router.get("/api/v1/public/content-manager/news") { request, _ in
            await self.answer(request, isList: true, id: nil)
        }
        router.get("/api/v1/public/content-manager/news/{id}") { request, context in
            await self.answer(request, isList: false, id: context.parameters.get("id"))
        }
        router.get("/uploads/**") { request, _ in
            await self.picture(request)
        }
        router.post("/api/v1/public/_/c/k6") { request, _ in
            self.record(request, status: 200)
            return Self.json("{\"token\":\"fake-token\",\"hash\":\"fake-hash\"}")
        }
        return Application(
            router: router,
            configuration: .init(address: .hostname(host, port: port), serverName: "fake-gov.kz"),
            onServerRunning: { channel in await onRunning(channel.localAddress?.port ?? port) },
            logger: logger)
    }

    /// Runs the fake on a free loopback port for the duration of `body`, passing its base URL.
    public func withRunning<T: Sendable>(_ body: @Sendable (String) async throws -> T) async throws -> T {
        try await withLoopbackServer({ application(onRunning: $0) }, body)
    }

    // MARK: - Answers

    private func answer(_ request: Request, isList: Bool, id: String?) async -> Response {
        // Recorded on arrival, so a test sees a request even while its answer is delayed.
        let recordIndex = record(request, status: 0)
        let query = Self.query(request)
        let language = Self.language(request, query: query)
        let project = query["projects"].map { $0.hasPrefix("eq:") ? String($0.dropFirst(3)) : $0 }
        let page = query["page"].flatMap(Int.init) ?? firstPage
        let fault = takeFault { fault in
            let targetMatches = switch fault.target {
            case .any: true
            case .list: isList
            case .detail: !isList
            case .picture: false
            }
            return targetMatches && (fault.project == nil || fault.project == project)
                && (fault.page == nil || (isList && fault.page == page))
        }
        var response: Response
        switch fault {
        case .status(let code, let retryAfter, let body)?:
            response = Self.status(code, retryAfter: retryAfter, body: body)
        case .notAllowed?:
            response = Self.json("{\"error\":\"notAllowed\"}", status: .badRequest)
        case .html?:
            response = Response(
                status: .ok, headers: [.contentType: "text/html; charset=utf-8"],
                body: .init(byteBuffer: ByteBuffer(string: "<html><head><title>502 Bad Gateway</title></head><body><h1>502 Bad Gateway</h1><hr>nginx</body></html>")))
        case .delay(let duration)?:
            try? await Task.sleep(for: duration)
            response = normalAnswer(isList: isList, id: id, project: project, language: language, query: query, page: page)
        case .truncatedJSON?:
            let (_, full) = normalBody(isList: isList, id: id, project: project, language: language, query: query, page: page)
            let cut = full.getSlice(at: full.readerIndex, length: max(1, full.readableBytes / 2)) ?? ByteBuffer(string: "[")
            response = Response(status: .ok, headers: [.contentType: "application/json"], body: .init(byteBuffer: cut))
        case .repeatPreviousPage?:
            let key = "\(project ?? "")/\(language)"
            if let previous = state.withLock({ $0.lastList[key] }) {
                response = Response(status: .ok, headers: [.contentType: "application/json"], body: .init(byteBuffer: previous))
            } else {
                response = normalAnswer(isList: isList, id: id, project: project, language: language, query: query, page: page)
            }
        case nil:
            response = normalAnswer(isList: isList, id: id, project: project, language: language, query: query, page: page)
        }
        let status = Int(response.status.code)
        state.withLock { state in
            if recordIndex < state.requests.count { state.requests[recordIndex].status = status }
        }
        return response
    }

    /// A picture under `/uploads/` (`FakePictures`), unless a `.picture` fault answers instead.
    private func picture(_ request: Request) async -> Response {
        let recordIndex = record(request, status: 0)
        let fault = takeFault { fault in
            if case .picture = fault.target { true } else { false }
        }
        var response: Response
        switch fault {
        case .status(let code, let retryAfter, let body)?:
            response = Self.status(code, retryAfter: retryAfter, body: body)
        case .delay(let duration)?:
            try? await Task.sleep(for: duration)
            response = Self.pictureResponse(request.uri.path)
        default:
            response = Self.pictureResponse(request.uri.path)
        }
        let status = Int(response.status.code)
        state.withLock { state in
            if recordIndex < state.requests.count { state.requests[recordIndex].status = status }
        }
        return response
    }

    /// The first unspent fault that applies, spending one of its times.
    private func takeFault(where applies: (FakeFault) -> Bool) -> FakeFault.Kind? {
        state.withLock { state in
            guard let index = state.faults.firstIndex(where: { $0.times > 0 && applies($0) }) else { return nil }
            state.faults[index].times -= 1
            return state.faults[index].kind
        }
    }

    /// A `.status` fault's answer.
    static func status(_ code: Int, retryAfter: String?, body: String) -> Response {
        var response = Response(status: .init(code: code), headers: [.contentType: "text/plain"], body: .init(byteBuffer: ByteBuffer(string: body)))
        if let retryAfter { response.headers[.retryAfter] = retryAfter }
        return response
    }

    static func pictureResponse(_ path: String) -> Response {
        switch FakePictures.answer(path: path) {
        case .picture(let bytes, let contentType):
            Response(status: .ok, headers: [.contentType: contentType], body: .init(byteBuffer: ByteBuffer(bytes: bytes)))
        case .notAPicture:
            Response(
                status: .ok, headers: [.contentType: "text/html; charset=utf-8"],
                body: .init(byteBuffer: ByteBuffer(string: "<html><body><h1>Портал временно недоступен</h1></body></html>")))
        case .missing:
            Response(status: .notFound, headers: [.contentType: "text/html"], body: .init(byteBuffer: ByteBuffer(string: "Not found")))
        }
    }

    private func normalAnswer(isList: Bool, id: String?, project: String?, language: String, query: [String: String], page: Int)
        -> Response
    {
        let (status, body) = normalBody(isList: isList, id: id, project: project, language: language, query: query, page: page)
        return Response(status: status, headers: [.contentType: "application/json"], body: .init(byteBuffer: body))
    }

    private func normalBody(isList: Bool, id: String?, project: String?, language: String, query: [String: String], page: Int)
        -> (HTTPResponse.Status, ByteBuffer)
    {
        if isList {
            let size = min(100, max(1, query["size"].flatMap(Int.init) ?? 10))
            let (items, wrapped) = state.withLock { state in
                (state.content.page(project: project, language: language, page: page, size: size, firstPage: firstPage),
                 state.content.wrappedProjects.contains(project ?? ""))
            }
            var body = ByteBuffer(string: wrapped ? "{\"content\":[" : "[")
            for (index, item) in items.enumerated() {
                if index > 0 { body.writeString(",") }
                body.writeBytes(item.json)
            }
            body.writeString(wrapped ? "]}" : "]")
            state.withLock { $0.lastList["\(project ?? "")/\(language)"] = body }
            return (.ok, body)
        }
        guard let id, let item = state.withLock({ $0.content.item(id: id, language: language) }) else {
            return (.notFound, ByteBuffer(string: "{\"error\":\"notFound\"}"))
        }
        return (.ok, ByteBuffer(bytes: item.json))
    }

    @discardableResult
    private func record(_ request: Request, status: Int) -> Int {
        requestCount.add(1, ordering: .relaxed)
        guard keepsRequests else { return Int.max }
        var headers: [String: String] = [:]
        for field in request.headers { headers[field.name.canonicalName.lowercased()] = field.value }
        let recorded = RecordedRequest(
            method: request.method.rawValue, path: request.uri.path, query: Self.query(request), headers: headers,
            receivedAt: .now, status: status)
        return state.withLock { state in
            state.requests.append(recorded)
            return state.requests.count - 1
        }
    }

    static func query(_ request: Request) -> [String: String] {
        var result: [String: String] = [:]
        for (key, value) in request.uri.queryParameters { result[String(key)] = String(value) }
        return result
    }

    /// gov.kz reads the language from Accept-Language (API.md §5); `lang=` is accepted too.
    static func language(_ request: Request, query: [String: String]) -> String {
        if let header = request.headers[.acceptLanguage] {
            let code = header.prefix(2).lowercased()
            if ["kk", "ru", "en"].contains(code) { return code }
        }
        return query["lang"] ?? "ru"
    }

    static func json(_ text: String, status: HTTPResponse.Status = .ok) -> Response {
        Response(status: status, headers: [.contentType: "application/json"], body: .init(byteBuffer: ByteBuffer(string: text)))
    }
}
