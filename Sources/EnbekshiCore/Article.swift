/// A stored article with the language versions we hold for it.
public struct Article: Sendable, Hashable {
    /// Our own id, used in URLs.
    public var id: Int64
    public var key: ArticleKey
    public var published: GovKzDate?
    public var versions: [Language: ArticleVersion]
    /// Section and region, once classified.
    public var topics: ArticleTopics?
    /// The story this article belongs to (the id of its first article), when others published it too.
    public var storyID: Int64?

    public init(
        id: Int64, key: ArticleKey, published: GovKzDate?, versions: [Language: ArticleVersion], topics: ArticleTopics? = nil,
        storyID: Int64? = nil
    ) {
        self.id = id
        self.key = key
        self.published = published
        self.versions = versions
        self.topics = topics
        self.storyID = storyID
    }

    /// The version to show a reader of `language`: gov.kz's own in that language, else a labelled
    /// machine translation into it, else the original in the language its readers read best.
    /// Versions without a headline, and translations with untranslated leftovers, are never shown.
    public func bestVersion(for language: Language) -> ArticleVersion? {
        if let own = versions[language], own.isShowable { return own }
        for candidate in language.fallbackOrder where candidate != language {
            if let version = versions[candidate], version.isShowable, version.machineTranslation == nil { return version }
        }
        return nil
    }

    /// The headline URLs are made from: gov.kz's own, Russian first, so the address does not change
    /// between editions or when a translation arrives.
    /// The address of gov.kz's lead picture (the same in every language version), when it has one.
    public var leadPicture: String? {
        Language.allCases.lazy.compactMap { self.versions[$0]?.heropic }.first { $0.hasPrefix("https://") || $0.hasPrefix("http://") }
    }

    public var slugTitle: String? {
        for language in [Language.ru, .kk, .en] {
            if let version = versions[language], version.machineTranslation == nil, !version.title.isEmpty {
                return version.title
            }
        }
        return nil
    }

    /// Languages gov.kz published this article in, with a headline.
    public var originalLanguages: [Language] {
        versions.values.filter { $0.machineTranslation == nil && !$0.title.isEmpty }.map(\.language).sorted()
    }
}
