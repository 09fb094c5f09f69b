/// One gov.kz entity (a ministry, akimat, embassy …) whose news we harvest.
public struct Source: Sendable, Hashable, Codable {
    public var slug: String
    public var kind: SourceKind
    /// Region code (see `Region`), nil where the slug does not tell.
    public var region: String?
    public var names: [Language: String]
    public var enabled: Bool
    /// The body this one belongs to as the newsroom set it ("" for none); nil leaves it to the slug
    /// (`parentSlug`).
    public var parent: String?

    public init(
        slug: String, kind: SourceKind, region: String?, names: [Language: String] = [:],
        enabled: Bool = true, parent: String? = nil
    ) {
        self.slug = slug
        self.kind = kind
        self.region = region
        self.names = names
        self.enabled = enabled
        self.parent = parent
    }

    /// Whether text can be a gov.kz entity slug: lower-case Latin letters, digits and hyphens, at
    /// most 100 (every slug gov.kz lists has this shape). Slugs reach addresses, file names and logs.
    public static func isValidSlug(_ text: String) -> Bool {
        !text.isEmpty && text.utf8.count <= 100 && text.first != "-"
            && text.utf8.allSatisfy { (0x61...0x7A).contains($0) || (0x30...0x39).contains($0) || $0 == 0x2D }
    }

    /// The best name for a reader of `language`, falling back to other languages, then the slug.
    public func displayName(in language: Language) -> String {
        for candidate in language.fallbackOrder {
            if let name = names[candidate], !name.isEmpty { return name }
        }
        return slug
    }
}

extension Source {
    /// The slug under which the newsroom's own articles are stored, beside gov.kz's bodies.
    public static let newsroomSlug = "newsroom"

    /// The newsroom as a source: seeded with the catalog, never harvested.
    public static let newsroom = Source(
        slug: newsroomSlug, kind: .newsroom, region: nil,
        names: [.kk: "Enbekshi QazaQ редакциясы", .ru: "Редакция Enbekshi QazaQ", .en: "Enbekshi QazaQ newsroom"], enabled: false)

    /// Whether gov.kz is asked for this source's news.
    public var isHarvested: Bool { enabled && kind != .newsroom }
}
