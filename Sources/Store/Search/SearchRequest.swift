import EnbekshiCore

/// What a reader asked the search for: a query and optional filters.
public struct SearchRequest: Sendable, Hashable {
    public enum Order: String, Sendable, CaseIterable {
        case newest, relevance
    }

    public var query: SearchQuery
    public var section: Section?
    public var region: String?
    public var source: String?
    /// Inclusive days (Kazakhstan wall time, like every date we show).
    public var fromDay: Day?
    public var toDay: Day?
    public var order: Order = .newest
    /// The language whose text gives the snippets.
    public var snippetLanguage: Language = .ru
    /// Snippets cost a second tokenization of each result's text; the API and feeds do without.
    public var snippets = true

    public init(query: SearchQuery) {
        self.query = query
    }
}

/// One page of search results: article ids with their snippets, and how many matched.
public struct SearchResults: Sendable {
    public struct Hit: Sendable {
        public var articleID: Int64
        /// Escaped HTML with matches in `<mark>`; empty when the text shown has no match.
        public var snippetHTML: String
    }

    public var hits: [Hit]
    /// Matching articles, counted up to `horizon`; without filters, republished copies are counted
    /// too (the list shows each story once).
    public var total: Int
    /// How far this answer counted: `total` equal to it means "at least that many".
    public var horizon: Int
    /// The exact words found less than a page, so words were also matched by their beginning
    /// (`SearchQuery.widened`).
    public var widened = false

    public init(hits: [Hit], total: Int, horizon: Int = SearchResults.countLimit, widened: Bool = false) {
        self.hits = hits
        self.total = total
        self.horizon = horizon
        self.widened = widened
    }

    /// Whether more matched than were counted.
    public var isCapped: Bool { total >= horizon }

    /// 25 pages of 20: counting further cost most of a common phrase's time, and readers do not page that deep.
    public static let countLimit = 500
    /// How many of the newest matches "by relevance" ranks, on every engine: ranking every match
    /// of a common word costs in proportion to the corpus.
    public static let relevanceWindow = 2000
    /// Counting reaches this far past the page asked for (ten pages from the first), up to
    /// `countLimit`: the walk that counts a phrase of common words checks word positions in every
    /// article holding both words, so its cost follows the count, and a reader on page one sees
    /// "200+" rather than paying for 500. Deeper pages count further.
    public static let countAhead = 180

    /// The count horizon for a page starting at `offset`.
    public static func horizon(offset: Int, limit: Int) -> Int {
        min(countLimit, max(0, offset) + max(0, limit) + countAhead)
    }
}
