/// A fault the fake gov.kz injects, to test that the harvester survives the real API's failures.
public struct FakeFault: Sendable {
    public enum Kind: Sendable {
        /// An HTTP status with an optional Retry-After header value and body.
        case status(Int, retryAfter: String? = nil, body: String = "")
        /// Waits before answering normally (long enough → a client timeout).
        case delay(Duration)
        /// An HTML error page with status 200 where JSON was expected.
        case html
        /// The right answer cut off in the middle.
        case truncatedJSON
        /// Page N answers what page N-1 answered (broken paging).
        case repeatPreviousPage
        /// 400 `{"error":"notAllowed"}`, as gov.kz answers news requests without its anti-bot ticket.
        case notAllowed
    }

    public enum Target: Sendable {
        case list
        case detail
        /// Any news request (not a picture).
        case any
        /// Picture requests under `/uploads/`.
        case picture
    }

    public var kind: Kind
    public var target: Target
    public var project: String?
    public var page: Int?
    /// How many matching requests it applies to; then it is spent.
    public var times: Int

    public init(_ kind: Kind, target: Target = .any, project: String? = nil, page: Int? = nil, times: Int = 1) {
        self.kind = kind
        self.target = target
        self.project = project
        self.page = page
        self.times = times
    }
}
