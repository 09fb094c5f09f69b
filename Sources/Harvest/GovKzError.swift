/// Why a gov.kz request did not give us news. Every case is logged and retried later; none is fatal.
public enum GovKzError: Error, Sendable, Hashable, CustomStringConvertible {
    /// The server could not be reached at all (DNS, refused, connect timeout, TLS).
    case transport(String)
    /// No answer in time.
    case timeout
    /// An HTTP error status; `retryAfter` in seconds when the server said.
    case http(status: Int, retryAfter: Double?)
    /// 400 `notAllowed`: the anti-bot ticket is missing or expired (API.md §6). Not "no news".
    case ticketNeeded
    /// HTML or other non-JSON where JSON was expected (an error page, a login wall).
    case notJSON(contentType: String?)
    /// JSON that does not parse or has no list/object where one is expected.
    case malformedJSON(String)
    /// A body larger than the configured limit.
    case tooLarge(limit: Int)
    /// We stopped (shutdown), not gov.kz.
    case cancelled
    /// We stopped: another worker claimed the feed after our lease ran out.
    case leaseLost
    /// A picture on a host other than gov.kz's: never fetched.
    case notOnGovKz(String)

    /// Worth another try within this pass.
    public var isRetryable: Bool {
        switch self {
        case .transport, .timeout, .notJSON, .malformedJSON: true
        case .http(let status, _): status == 429 || status == 408 || status >= 500
        case .ticketNeeded, .tooLarge, .cancelled, .leaseLost, .notOnGovKz: false
        }
    }

    /// No connection could be made at all (not merely a slow answer).
    public var isConnectionFailure: Bool {
        if case .transport = self { return true }
        return false
    }

    /// The whole service is out of reach (as opposed to one bad answer).
    public var isUnreachable: Bool {
        switch self {
        case .transport, .timeout: true
        default: false
        }
    }

    public var description: String {
        switch self {
        case .transport(let detail): "cannot connect: \(detail)"
        case .timeout: "timed out"
        case .http(let status, let retryAfter):
            "HTTP \(status)" + (retryAfter.map { " (Retry-After \(Int($0)) s)" } ?? "")
        case .ticketNeeded: "HTTP 400 notAllowed: gov.kz wants its anti-bot ticket (see --govkz-challenge)"
        case .notJSON(let type): "expected JSON, got \(type ?? "no content type")"
        case .malformedJSON(let detail): "malformed JSON: \(detail)"
        case .tooLarge(let limit): "answer larger than \(limit) bytes"
        case .cancelled: "cancelled"
        case .leaseLost: "lease taken over by another worker"
        case .notOnGovKz(let url): "not on gov.kz, not fetched: \(url)"
        }
    }
}
