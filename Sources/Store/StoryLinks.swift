import EnbekshiCore

/// What story detection decided for one stored text.
public struct StoryLinks: Sendable {
    public var fingerprint: StoredFingerprint
    public var language: Language
    /// The article whose story this one joins, if any.
    public var joins: Int64?
    /// Articles of other stories on the same subject, with their similarity.
    public var related: [(id: Int64, score: Double)]

    public init(fingerprint: StoredFingerprint, language: Language, joins: Int64?, related: [(id: Int64, score: Double)]) {
        self.fingerprint = fingerprint
        self.language = language
        self.joins = joins
        self.related = related
    }
}
