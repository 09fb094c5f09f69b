import Foundation

/// The newsroom's correction of what the catalog says of a source: a name in one language, its
/// kind, region or parent body. The catalog keeps being seeded at every start; reads show the
/// correction over it.
public struct SourceCorrection: Sendable, Hashable {
    public enum Field: String, Sendable, CaseIterable, Codable {
        case nameKK = "name_kk", nameRU = "name_ru", nameEN = "name_en", kind, region, parent
    }

    public var slug: String
    public var field: Field
    /// "" for region and parent means none.
    public var value: String
    /// What the catalog said when the correction was made.
    public var replaced: String?
    public var actor: String
    public var reason: String
    public var at: Date

    public init(slug: String, field: Field, value: String, replaced: String? = nil, actor: String, reason: String, at: Date) {
        self.slug = slug
        self.field = field
        self.value = value
        self.replaced = replaced
        self.actor = actor
        self.reason = reason
        self.at = at
    }
}
