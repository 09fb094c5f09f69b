/// One news item as gov.kz sent it, every field but the id optional.
public struct GovKzItem: Sendable, Hashable {
    /// The gov.kz id, as text (REST sends numbers, GraphQL strings).
    public var id: String
    public var title: String?
    public var slug: String?
    public var body: String?
    public var heropic: String?
    public var createdDate: String?
    /// A fallback text when `body` is empty (seen through GraphQL).
    public var shortDescription: String?
    /// The whole item, unknown keys included.
    public var raw: JSONValue
    /// Where readers find the original; nil for gov.kz's own page of the item. The newsroom's
    /// articles name their outside source here ("" when they have none).
    public var sourceURL: String?

    public init(
        id: String, title: String? = nil, slug: String? = nil, body: String? = nil, heropic: String? = nil,
        createdDate: String? = nil, shortDescription: String? = nil, raw: JSONValue = .null
    ) {
        self.id = id
        self.title = title
        self.slug = slug
        self.body = body
        self.heropic = heropic
        self.createdDate = createdDate
        self.shortDescription = shortDescription
        self.raw = raw
    }

    /// The sources the item belongs to, from `projects` (a string of slugs separated by spaces or
    /// commas, or an array); empty when gov.kz did not say.
    public var projects: [String] {
        switch raw["projects"] {
        case .string(let text)?:
            return text.split(whereSeparator: { $0 == " " || $0 == "," }).map(String.init)
        case .array(let values)?:
            return values.compactMap { if case .string(let slug) = $0 { slug } else { nil } }
        default:
            return []
        }
    }

    /// Whether the body holds anything at all (an HTML shell with no text counts as empty later,
    /// when cleaning tells).
    public var hasBody: Bool {
        guard let body else { return false }
        return !body.allSatisfy(\.isWhitespace)
    }
}
