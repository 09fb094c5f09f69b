import EnbekshiCore
import Foundation

/// An editor's correction of what the machines decided: a headline or a text in one edition (a
/// machine translation edited by the newsroom is one), or an article's section or region. Kept as a record beside the automatic value, and applied again
/// after every later automatic write (a re-harvest, `reclean`, a reclassification, a translation).
public struct Correction: Sendable, Hashable {
    public enum Field: String, Sendable, CaseIterable, Codable {
        /// `body` is the sanitised HTML of one edition (its lead is the first paragraph).
        case title, body, section, region
        /// Whether the field belongs to one edition (a headline, a body) or the whole article.
        public var isPerEdition: Bool { self == .title || self == .body }
    }

    public var articleID: Int64
    /// The edition for a headline; nil for the whole article's section or region.
    public var language: Language?
    public var field: Field
    public var value: String
    /// The automatic value it stands in for, as last written by the machines (nil before any).
    public var replaced: String?
    public var actor: String
    public var reason: String
    public var at: Date

    public init(
        articleID: Int64, language: Language?, field: Field, value: String, replaced: String? = nil, actor: String, reason: String,
        at: Date
    ) {
        self.articleID = articleID
        self.language = field.isPerEdition ? language : nil
        self.field = field
        self.value = value
        self.replaced = replaced
        self.actor = actor
        self.reason = reason
        self.at = at
    }
}
