import EnbekshiCore

/// Articles for the JSON API: filters, and a keyset cursor (the last item of the previous page), so
/// a page deep in the archive costs what the first does.
public struct ArticleQuery: Sendable, Hashable {
    /// Only articles with a version in this language.
    public var language: Language?
    public var section: Section?
    public var region: String?
    public var source: String?
    public var fromDay: Day?
    public var toDay: Day?
    /// Items strictly older than this (published, id) pair.
    public var before: (published: String, id: Int64)?

    public init() {}

    public static func == (lhs: ArticleQuery, rhs: ArticleQuery) -> Bool {
        lhs.language == rhs.language && lhs.section == rhs.section && lhs.region == rhs.region && lhs.source == rhs.source
            && lhs.fromDay == rhs.fromDay && lhs.toDay == rhs.toDay && lhs.before?.published == rhs.before?.published
            && lhs.before?.id == rhs.before?.id
    }

    public func hash(into hasher: inout Hasher) {
        hasher.combine(language)
        hasher.combine(section)
        hasher.combine(region)
        hasher.combine(source)
        hasher.combine(before?.id)
    }
}
