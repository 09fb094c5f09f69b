/// The result of cleaning one gov.kz body.
public struct CleanBody: Sendable, Hashable {
    /// The sanitised model behind `html` and `paragraphs`, kept so headline rules can edit the body.
    let blocks: [Block]

    /// Sanitised HTML built only from allow-listed elements; empty when the body had no text.
    public let html: String
    /// The text of each block, in order: what search, snippets and derived headlines read.
    /// Block boundaries are never lost, so paragraphs never run together.
    public let paragraphs: [String]
    /// The original carried clearly more text than this body holds (see `HTMLCleaner.clean`).
    public private(set) var lostText = false

    init(blocks: [Block], lostText: Bool = false) {
        self.blocks = blocks
        self.html = BlockRenderer.html(blocks)
        self.paragraphs = BlockRenderer.paragraphs(blocks)
        self.lostText = lostText
    }

    func markingLostText() -> CleanBody {
        CleanBody(blocks: blocks, lostText: true)
    }

    /// The body with a paragraph of plain text put first (a title that was really a lead).
    func prepending(paragraph text: String) -> CleanBody {
        CleanBody(blocks: [.paragraph([.text(text, .none)])] + blocks, lostText: lostText)
    }

    /// The body without its first block, when that block only repeats the title.
    func droppingFirstBlock() -> CleanBody {
        CleanBody(blocks: Array(blocks.dropFirst()), lostText: lostText)
    }

    /// The body with its first `count` characters of text removed (a first sentence that repeats
    /// the title), keeping the rest of the first paragraph and its formatting.
    func droppingLeadingText(characters count: Int) -> CleanBody {
        guard case .paragraph(let inlines)? = blocks.first else { return self }
        var remaining = count
        var kept: [Inline] = []
        for inline in inlines {
            guard remaining > 0 else {
                kept.append(inline)
                continue
            }
            if case .text(let text, let marks) = inline {
                if text.count <= remaining {
                    remaining -= text.count
                } else {
                    kept.append(.text(String(text.dropFirst(remaining)), marks))
                    remaining = 0
                }
            } else if inline == .lineBreak {
                continue
            } else {
                kept.append(inline)
            }
        }
        let rest = TreeWalker.trimmed(kept)
        return CleanBody(blocks: rest.isEmpty ? Array(blocks.dropFirst()) : [.paragraph(rest)] + blocks.dropFirst(), lostText: lostText)
    }

    public var plainText: String { paragraphs.joined(separator: "\n\n") }
    public var isEmpty: Bool { paragraphs.isEmpty && !html.contains("<img") }
}
