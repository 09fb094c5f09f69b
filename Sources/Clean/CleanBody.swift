/// The result of cleaning one gov.kz body.
public struct CleanBody: Sendable, Hashable {
    /// The sanitised model behind `html` and `paragraphs`, kept so headline rules can edit the body.
    var blocks: [Block] = []

    /// Sanitised HTML built only from allow-listed elements; empty when the body had no text.
    public var html: String
    /// The text of each block, in order: what search, snippets and derived headlines read.
    /// Block boundaries are never lost, so paragraphs never run together.
    public var paragraphs: [String]

    public init(html: String, paragraphs: [String]) {
        self.html = html
        self.paragraphs = paragraphs
    }

    init(blocks: [Block]) {
        self.blocks = blocks
        self.html = BlockRenderer.html(blocks)
        self.paragraphs = BlockRenderer.paragraphs(blocks)
    }

    /// The body with a paragraph of plain text put first (a title that was really a lead).
    func prepending(paragraph text: String) -> CleanBody {
        CleanBody(blocks: [.paragraph([.text(text, .none)])] + blocks)
    }

    /// The body without its first block, when that block only repeats the title.
    func droppingFirstBlock() -> CleanBody {
        CleanBody(blocks: Array(blocks.dropFirst()))
    }

    public var plainText: String { paragraphs.joined(separator: "\n\n") }
    public var isEmpty: Bool { paragraphs.isEmpty && !html.contains("<img") }
}
