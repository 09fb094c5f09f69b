import EnbekshiCore

/// A text fingerprint as stored: MinHash signatures and distinctive tokens (see `TextFingerprint`).
public struct StoredFingerprint: Sendable, Hashable {
    public var articleID: Int64
    /// Day of publication, `YYYY-MM-DD`: candidates are looked up by day.
    public var day: String
    /// MinHash of the text's word 3-shingles.
    public var signature: [UInt64]
    /// Distinct shingles behind `signature`.
    public var shingleCount: Int
    /// Numbers and capitalised words, one a line.
    public var tokens: String
    /// MinHash of the text's word stems; empty when unknown.
    public var topic: [UInt64]

    public init(articleID: Int64, day: String, signature: [UInt64], shingleCount: Int, tokens: String, topic: [UInt64]) {
        self.articleID = articleID
        self.day = day
        self.signature = signature
        self.shingleCount = shingleCount
        self.tokens = tokens
        self.topic = topic
    }
}
