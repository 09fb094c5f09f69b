/// The sanitised document model: the only shapes a body can take after cleaning.
/// Anything gov.kz sends is reduced to these before it is rendered again as HTML.
enum Block: Sendable, Hashable {
    case paragraph([Inline])
    case heading(level: Int, [Inline])
    case list(ordered: Bool, items: [[Inline]])
    case quote([[Inline]])
    case table(rows: [[[Inline]]])
    case image(src: String, alt: String)
}

/// A run of text with its formatting, or a line break inside a block.
enum Inline: Sendable, Hashable {
    case text(String, Marks)
    case lineBreak
    /// An image inside a table cell or list item (at the top level images are `Block.image`).
    case image(src: String, alt: String)
}

/// Inline formatting kept by the sanitiser.
struct Marks: Sendable, Hashable {
    var strong = false
    var emphasis = false
    /// An http(s) link target, already resolved to an absolute URL.
    var link: String?

    static let none = Marks()
}
