/// The result of cleaning one gov.kz body.
public struct CleanBody: Sendable, Hashable {
    /// Sanitised HTML built only from allow-listed elements; empty when the body had no text.
    public var html: String
    /// The text of each block, in order: what search, snippets and derived headlines read.
    /// Block boundaries are never lost, so paragraphs never run together.
    public var paragraphs: [String]

    public init(html: String, paragraphs: [String]) {
        self.html = html
        self.paragraphs = paragraphs
    }

    public var plainText: String { paragraphs.joined(separator: "\n\n") }
    public var isEmpty: Bool { paragraphs.isEmpty && !html.contains("<img") }
}
