import EnbekshiCore

/// Parting joins in the block model: a heading run into its paragraph becomes an `h3` before it, a
/// lead-in becomes bold at the start of its paragraph, any other join gets its space. Inside list
/// items, cells, quotes and headings only spaces are added. Joins are found over a block's whole
/// text, so one that spans two runs ("<b>Heading</b>Text") is found as well.
extension GlueRepair {
    static func repair(_ blocks: [Block]) -> [Block] {
        // A join may span two runs ("<b>Heading</b>Text"), so each block is looked at whole.
        let candidates = blocks.map(mayHaveJoins)
        guard candidates.contains(true) else { return blocks }
        // Evidence for parting two capitalised words: the body uses one of them on its own.
        // Read only when a join needs it (two capitalised words): most bodies never do.
        let evidence = LazyWords(blocks)
        let standalone: (String) -> Bool = { evidence.contains($0) }
        var repaired: [Block] = []
        for (block, candidate) in zip(blocks, candidates) {
            guard candidate else {
                repaired.append(block)
                continue
            }
            switch block {
            case .paragraph(let inlines):
                repaired += paragraph(inlines, standalone: standalone)
            case .heading(let level, let inlines):
                repaired.append(.heading(level: level, spaced(inlines, standalone: standalone)))
            case .list(let ordered, let items):
                repaired.append(.list(ordered: ordered, items: items.map { spaced($0, standalone: standalone) }))
            case .quote(let paragraphs):
                repaired.append(.quote(paragraphs.map { spaced($0, standalone: standalone) }))
            case .table(let rows):
                repaired.append(.table(rows: rows.map { $0.map { spaced($0, standalone: standalone) } }))
            case .image:
                repaired.append(block)
            }
        }
        return repaired
    }

    /// Whether a block may hold a join, its runs read as one text.
    static func mayHaveJoins(_ block: Block) -> Bool {
        var found = false
        var state = JoinScan()
        block.forEachText { text in if !found { found = state.feed(text) } }
        return found
    }

    /// The words of some texts, lower case, that the evidence for parting two capitalised words
    /// is read from.
    public static func standaloneWords(_ texts: [String]) -> Set<String> {
        var words = Set<String>()
        var word = String.UnicodeScalarView()
        var length = 0
        func finish() {
            if length >= 3 { words.insert(String(word)) }
            word = String.UnicodeScalarView()
            length = 0
        }
        for text in texts {
            for scalar in text.unicodeScalars {
                if ScalarClass.isAlphabetic(scalar) {
                    ScalarClass.forEachLowercase(scalar) { word.append($0) }
                    length += 1
                } else if length > 0 || !word.isEmpty {
                    finish()
                }
            }
            finish()
        }
        return words
    }

    /// One paragraph, parted into blocks at its joins.
    static func paragraph(_ inlines: [Inline], standalone: (String) -> Bool) -> [Block] {
        let flat = FlatText(inlines)
        let found = joins(in: flat.scalars, standalone: standalone)
        guard !found.isEmpty else { return [.paragraph(inlines)] }
        var blocks: [Block] = []
        var current: [Inline] = []
        func flush() {
            let content = TreeWalker.trimmed(current)
            if !content.isEmpty { blocks.append(.paragraph(content)) }
            current = []
        }
        var cursor = 0
        for join in found {
            let phrase = join.phraseStart.map { flat.slice($0, join.index) } ?? []
            let linked = phrase.contains { if case .text(_, let marks) = $0 { marks.link != nil } else { false } }
            switch (join.kind, join.phraseStart) {
            case (.heading, let start?) where !linked:
                current += flat.slice(cursor, start)
                flush()
                let heading = TreeWalker.trimmed(phrase.map { $0.withMarks { $0.strong = false } })
                if !heading.isEmpty { blocks.append(.heading(level: 3, heading)) }
            case (.colon, let start?):
                current += flat.slice(cursor, start)
                flush()
                current += TreeWalker.trimmed(phrase.map { $0.withMarks { $0.strong = true } }) + [.text(" ", .none)]
            default:
                current += flat.slice(cursor, join.index) + [.text(" ", .none)]
            }
            cursor = join.index
        }
        current += flat.slice(cursor, flat.scalars.count)
        flush()
        return blocks
    }

    /// Inlines with a space at each join.
    static func spaced(_ inlines: [Inline], standalone: (String) -> Bool) -> [Inline] {
        let flat = FlatText(inlines)
        let found = joins(in: flat.scalars, standalone: standalone)
        guard !found.isEmpty else { return inlines }
        var result: [Inline] = []
        var cursor = 0
        for join in found {
            result += flat.slice(cursor, join.index) + [.text(" ", .none)]
            cursor = join.index
        }
        return result + flat.slice(cursor, flat.scalars.count)
    }
}

/// Whether a body uses a word on its own, answered by a scan of its text when first asked: most
/// bodies are never asked, and the few that are ask once or twice.
final class LazyWords {
    private let blocks: [Block]
    private var answers: [String: Bool] = [:]

    init(_ blocks: [Block]) { self.blocks = blocks }

    func contains(_ word: String) -> Bool {
        if let known = answers[word] { return known }
        let target = Array(word.unicodeScalars)
        var found = false
        for block in blocks where !found {
            block.forEachText { text in if !found { found = Self.hasWord(target, in: text) } }
        }
        answers[word] = found
        return found
    }

    /// `target` (lower case) as a whole word of `text`, compared case-insensitively.
    static func hasWord(_ target: [Unicode.Scalar], in text: String) -> Bool {
        var position = 0
        var matching = true
        var previousLetter = false
        for scalar in text.unicodeScalars {
            let letter = ScalarClass.isAlphabetic(scalar)
            if letter {
                if !previousLetter {
                    position = 0
                    matching = true
                }
                if matching {
                    var lower: Unicode.Scalar = scalar
                    ScalarClass.forEachLowercase(scalar) { lower = $0 }
                    matching = position < target.count && target[position] == lower
                    position += 1
                }
            } else if previousLetter, matching, position == target.count {
                return true
            }
            previousLetter = letter
        }
        return previousLetter && matching && position == target.count
    }
}

/// A block's inlines as one run of scalars (a line break is "\n", an image U+FFFC), so joins can
/// be found across runs and the inlines cut again at any offset.
struct FlatText {
    let inlines: [Inline]
    private(set) var scalars: [Unicode.Scalar] = []
    /// Where each inline starts in `scalars`.
    private var starts: [Int] = []

    init(_ inlines: [Inline]) {
        self.inlines = inlines
        for inline in inlines {
            starts.append(scalars.count)
            switch inline {
            case .text(let text, _): scalars += text.unicodeScalars
            case .lineBreak: scalars.append("\n")
            case .image: scalars.append("\u{FFFC}")
            }
        }
    }

    /// The inlines covering `scalars[from..<to]`, text runs cut where the range cuts them.
    func slice(_ from: Int, _ to: Int) -> [Inline] {
        guard from < to else { return [] }
        var result: [Inline] = []
        for (index, inline) in inlines.enumerated() {
            let start = starts[index]
            let end = index + 1 < starts.count ? starts[index + 1] : scalars.count
            guard start < to, end > from else { continue }
            if case .text(_, let marks) = inline {
                let piece = String(String.UnicodeScalarView(scalars[max(start, from)..<min(end, to)]))
                if !piece.isEmpty { result.append(.text(piece, marks)) }
            } else {
                result.append(inline)
            }
        }
        return result
    }
}

extension Inline {
    func withMarks(_ change: (inout Marks) -> Void) -> Inline {
        guard case .text(let text, var marks) = self else { return self }
        change(&marks)
        return .text(text, marks)
    }
}

extension Block {
    /// Calls `body` with the text of each of the block's runs.
    func forEachText(_ body: (String) -> Void) {
        func each(_ inlines: [Inline]) {
            for case .text(let text, _) in inlines { body(text) }
        }
        switch self {
        case .paragraph(let inlines), .heading(_, let inlines): each(inlines)
        case .list(_, let items): items.forEach(each)
        case .quote(let paragraphs): paragraphs.forEach(each)
        case .table(let rows): rows.forEach { $0.forEach(each) }
        case .image: break
        }
    }
}
