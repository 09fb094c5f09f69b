import Foundation
import Hummingbird
import LoopbackServer
import Logging
import NIOCore
import Synchronization

/// A stand-in for translation engines on 127.0.0.1, speaking both real protocols: LibreTranslate's
/// `POST /translate` and OpenAI's `POST /v1/chat/completions`. Its "translation" is marked and
/// deterministic: `[en] ` followed by the text with Cyrillic letters romanised. Faults are injected
/// per request; every request is counted.
public final class FakeTranslationServer: Sendable {
    public enum Fault: Sendable {
        case status(Int, retryAfter: String? = nil)
        case delay(Duration)
        case malformedJSON
        /// Answers with the source text unchanged, as a weak engine sometimes does.
        case leaveSourceWords
    }

    struct State {
        var faults: [Fault] = []
        var requests = 0
        var paragraphs = 0
    }

    private let state = Mutex(State())
    public let apiKey: String?

    public init(apiKey: String? = nil) {
        self.apiKey = apiKey
    }

    /// Faults apply to the next requests, one each, in order.
    public func inject(_ faults: Fault...) { state.withLock { $0.faults += faults } }
    public var requestCount: Int { state.withLock { $0.requests } }
    public var paragraphCount: Int { state.withLock { $0.paragraphs } }

    public static func fakeTranslation(_ text: String, to target: String) -> String {
        let romanised = text.applyingTransform(.toLatin, reverse: false)?.applyingTransform(.stripDiacritics, reverse: false) ?? text
        return "[\(target)] " + (target == "en" ? romanised : text)
    }

    public func application(port: Int = 0, onRunning: @escaping @Sendable (Int) async -> Void = { _ in }) -> some ApplicationProtocol {
        let router = Router(context: BasicRequestContext.self)
        router.post("/translate") { request, _ in
            try await self.answer(request, openAI: false)
        }
        router.post("/v1/chat/completions") { request, _ in
            try await self.answer(request, openAI: true)
        }
        return Application(
            router: router, configuration: .init(address: .hostname("127.0.0.1", port: port), serverName: "fake-translator"),
            onServerRunning: { channel in await onRunning(channel.localAddress?.port ?? port) },
            logger: Logger(label: "fake-translator") { _ in SwiftLogNoOpLogHandler() })
    }

    /// Runs the server on a free loopback port for the duration of `body`, passing its base URL.
    public func withRunning<T: Sendable>(_ body: @Sendable (String) async throws -> T) async throws -> T {
        try await withLoopbackServer({ application(onRunning: $0) }, body)
    }

    private func answer(_ request: Request, openAI: Bool) async throws -> Response {
        let fault = state.withLock { state -> Fault? in
            state.requests += 1
            return state.faults.isEmpty ? nil : state.faults.removeFirst()
        }
        let body = try await request.body.collect(upTo: 8 << 20)
        switch fault {
        case .status(let code, let retryAfter)?:
            var response = Response(status: .init(code: code), body: .init(byteBuffer: ByteBuffer(string: "{\"error\":\"fault\"}")))
            if let retryAfter { response.headers[.retryAfter] = retryAfter }
            return response
        case .malformedJSON?:
            return Self.json("{\"translatedText\": [\"cut")
        case .delay(let duration)?:
            try await Task.sleep(for: duration)
        default:
            break
        }
        let leave = if case .leaveSourceWords? = fault { true } else { false }
        guard let object = try JSONSerialization.jsonObject(with: Data(buffer: body)) as? [String: Any] else {
            return Response(status: .badRequest)
        }
        if openAI {
            guard let messages = object["messages"] as? [[String: Any]], let user = messages.last?["content"] as? String,
                let paragraphs = try JSONSerialization.jsonObject(with: Data(user.utf8)) as? [String],
                let system = messages.first?["content"] as? String
            else { return Response(status: .badRequest) }
            let target = system.contains("to English") ? "en" : system.contains("to Kazakh") ? "kk" : "ru"
            state.withLock { $0.paragraphs += paragraphs.count }
            let translated = paragraphs.map { leave ? $0 : Self.fakeTranslation($0, to: target) }
            let content = String(decoding: try JSONSerialization.data(withJSONObject: translated), as: UTF8.self)
            let answer: [String: Any] = [
                "id": "chatcmpl-fake", "object": "chat.completion",
                "choices": [["index": 0, "finish_reason": "stop", "message": ["role": "assistant", "content": content]]],
            ]
            return Self.json(String(decoding: try JSONSerialization.data(withJSONObject: answer), as: UTF8.self))
        }
        if let apiKey, (object["api_key"] as? String) != apiKey {
            return Response(status: .forbidden, body: .init(byteBuffer: ByteBuffer(string: "{\"error\":\"Invalid API key\"}")))
        }
        guard let target = object["target"] as? String else { return Response(status: .badRequest) }
        let texts = (object["q"] as? [String]) ?? (object["q"] as? String).map { [$0] } ?? []
        state.withLock { $0.paragraphs += texts.count }
        let translated = texts.map { leave ? $0 : Self.fakeTranslation($0, to: target) }
        return Self.json(String(decoding: try JSONSerialization.data(withJSONObject: ["translatedText": translated]), as: UTF8.self))
    }

    static func json(_ text: String) -> Response {
        Response(status: .ok, headers: [.contentType: "application/json"], body: .init(byteBuffer: ByteBuffer(string: text)))
    }
}
