import EnbekshiCore

/// Everything about how we talk to gov.kz. All of it is configuration, because the API is only
/// partly known (API.md) and operators may need a mirror or extra headers.
public struct GovKzConfiguration: Sendable {
    /// Where the API lives. Tests and demos point this at a local server.
    public var baseURL: String = GovKzURL.defaultBase
    /// Public portal address used in "original on gov.kz" links, whatever `baseURL` is.
    public var publicBaseURL: String = GovKzURL.defaultBase
    /// Sent with every request, after ours (so they can override ours).
    public var extraHeaders: [(name: String, value: String)] = []
    /// Says who we are: gov.kz operators can tell our traffic apart and reach the project.
    public var userAgent: String = "EnbekshiQazaQ/0.1 (news aggregator of gov.kz press releases)"
    /// At most this many requests a second, over all sources together.
    public var requestsPerSecond: Double = 2
    /// Sources harvested at the same time.
    public var concurrency: Int = 2
    public var connectTimeout: Double = 5
    public var requestTimeout: Double = 30
    /// Attempts after the first, for retryable failures.
    public var maxRetries: Int = 4
    /// First back-off delay in seconds; doubles each attempt, with jitter.
    public var backoffBase: Double = 1
    public var backoffMax: Double = 60
    /// A Retry-After longer than this fails the fetch (it is retried next pass) instead of stalling.
    public var maxRetryAfter: Double = 120
    /// gov.kz's first page number (API.md §2.3: 1 in most clients).
    public var firstPage: Int = 1
    public var pageSize: Int = 50
    /// Pages read per feed in one pass, so a broken paging never loops.
    public var maxPages: Int = 20
    /// Largest answer accepted, in bytes.
    public var maxResponseBytes: Int = 16 << 20
    /// Optional anti-bot challenge path (e.g. `/api/v1/public/_/c/k6`, API.md §6): POSTed before a
    /// feed's first list request; string pairs in its JSON answer are sent as headers.
    public var challengePath: String?
    /// TLS certificate verification (on unless an operator must talk to a misconfigured mirror).
    public var verifyTLS: Bool = true

    public init() {}
}
