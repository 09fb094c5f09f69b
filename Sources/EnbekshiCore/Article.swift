/// A stored article with the language versions we hold for it.
public struct Article: Sendable, Hashable {
    /// Our own id, used in URLs.
    public var id: Int64
    public var key: ArticleKey
    public var published: GovKzDate?
    public var versions: [Language: ArticleVersion]

    public init(id: Int64, key: ArticleKey, published: GovKzDate?, versions: [Language: ArticleVersion]) {
        self.id = id
        self.key = key
        self.published = published
        self.versions = versions
    }

    /// The version to show a reader of `language`: that language if it has a headline, else the
    /// next language its readers read best. Versions without a headline are never shown.
    public func bestVersion(for language: Language) -> ArticleVersion? {
        for candidate in language.fallbackOrder {
            if let version = versions[candidate], !version.title.isEmpty { return version }
        }
        return nil
    }
}
