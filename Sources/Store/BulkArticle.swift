import EnbekshiCore

/// One version to save in a batch: the version, the language gov.kz was asked for, the article's
/// topics and, for a copy known in advance (the benchmark corpus), the article whose story it joins.
public struct BulkArticle: Sendable {
    public var key: ArticleKey
    public var version: ArticleVersion
    public var requested: Language
    public var topics: ArticleTopics?
    public var copyOf: ArticleKey?
    /// Whether story detection still owes this text its place (`NewsStore.pendingStoryTexts`); a
    /// bulk load that decides stories itself (the synthetic corpus) owes nothing.
    public var owesStoryLinks = true

    public init(key: ArticleKey, version: ArticleVersion, requested: Language? = nil, topics: ArticleTopics?, copyOf: ArticleKey? = nil) {
        self.key = key
        self.version = version
        self.requested = requested ?? version.language
        self.topics = topics
        self.copyOf = copyOf
    }
}
