import EnbekshiCore

/// The machine-translation seam: a LibreTranslate server and OpenAI-compatible chat servers
/// implement it, each over its real HTTP protocol.
public protocol Translator: Sendable {
    /// Engine name stored as provenance and used in the cache key.
    var engine: String { get }
    var model: String? { get }
    /// Translates paragraphs one to one; the result has as many elements as the input.
    func translate(_ paragraphs: [String], from source: Language, to target: Language) async throws(TranslationError)
        -> [String]
}

/// Why a translation did not come back. Rate limits, server errors, timeouts and malformed answers
/// are retried later with back-off.
public enum TranslationError: Error, Sendable, Hashable, CustomStringConvertible {
    case rateLimited(retryAfter: Double?)
    case server(status: Int)
    case timeout
    case transport(String)
    case malformed(String)

    public var isRetryable: Bool { true }

    public var description: String {
        switch self {
        case .rateLimited(let after): "rate limited" + (after.map { " (Retry-After \(Int($0)) s)" } ?? "")
        case .server(let status): "HTTP \(status)"
        case .timeout: "timed out"
        case .transport(let detail): "cannot connect: \(detail)"
        case .malformed(let detail): "malformed answer: \(detail)"
        }
    }
}
