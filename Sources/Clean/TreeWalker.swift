import Foundation
import CLibXML2
import EnbekshiCore

/// Walks a libxml2 tree once and builds the allow-listed `Block` model.
///
/// Inline formatting is carried as the current `Marks`, so a block element found inside an inline
/// one (common in Word output) still starts a new block instead of gluing text together.
struct TreeWalker {
    let base: String
    let repairing: Bool
    private var blocks: [Block] = []
    private var inlines: [Inline] = []
    private var marks = Marks.none
    /// Set while inside a list item, table cell or quote: blocks there become line breaks.
    private var container: Container?

    private enum Container {
        case listItem
        case cell
        case quote
    }

    /// Elements entered and not left. Past `maximumDepth` a subtree is read flat (`flatten`), so a
    /// body nested thousands deep keeps its text without the walk's recursion growing with it.
    private var depth = 0
    static let maximumDepth = 100

    private var listStack: [(ordered: Bool, items: [[Inline]])] = []
    private var tableRows: [[[Inline]]]?
    private var currentRow: [[Inline]]?
    private var quoteParagraphs: [[Inline]]?

    init(base: String, repairing: Bool = true) {
        self.base = base
        self.repairing = repairing
    }

    static let dropped: Set<String> = [
        "script", "style", "head", "title", "meta", "link", "iframe", "object", "embed", "form", "input",
        "button", "select", "textarea", "noscript", "svg", "math", "template", "canvas", "audio", "video",
        "frame", "frameset", "applet", "base", "xml",
    ]
    /// Elements never copied, with everything inside them: the list above and Word's `o:`/`w:` islands.
    static func isDropped(_ name: String) -> Bool {
        dropped.contains(name) || name.hasPrefix("o:") || name.hasPrefix("w:")
    }

    static let paragraphLike: Set<String> = [
        "p", "div", "section", "article", "header", "footer", "main", "aside", "figure", "figcaption",
        "address", "center", "pre", "dl", "dt", "dd", "nav", "details", "summary", "hr",
    ]

    mutating func visit(_ node: xmlNodePtr) {
        switch node.pointee.type {
        case XML_TEXT_NODE, XML_CDATA_SECTION_NODE:
            if let content = node.pointee.content {
                appendText(String(cString: content))
            }
        case XML_ELEMENT_NODE:
            element(node)
        case XML_ENTITY_REF_NODE:
            visitChildren(node)
        default:
            break  // comments, processing instructions, DTDs: never copied
        }
    }

    private mutating func visitChildren(_ node: xmlNodePtr) {
        guard depth < Self.maximumDepth else {
            flatten(node)
            return
        }
        depth += 1
        defer { depth -= 1 }
        var child = node.pointee.children
        while let current = child {
            visit(current)
            child = current.pointee.next
        }
    }

    private mutating func element(_ node: xmlNodePtr) {
        let name = node.pointee.name.map { String(cString: $0).lowercased() } ?? ""
        if Self.isDropped(name) { return }
        switch name {
        case "br":
            inlines.append(.lineBreak)
        case "b", "strong":
            withMarks(node) { $0.strong = true }
        case "i", "em":
            withMarks(node) { $0.emphasis = true }
        case "a":
            let target = attribute(node, "href").flatMap(resolveLink)
            withMarks(node) { marks in if let target { marks.link = target } }
        case "img":
            if let src = attribute(node, "src").flatMap(resolveImage) {
                let alt = TextNormalizer.clean(attribute(node, "alt") ?? "")
                if container == nil {
                    flushParagraph()
                    blocks.append(.image(src: src, alt: alt))
                } else {
                    inlines.append(.image(src: src, alt: alt))
                }
            }
        case "h1", "h2", "h3", "h4", "h5", "h6":
            if container != nil {
                visitAsParagraph(node)
                return
            }
            flushParagraph()
            let level = min(4, max(2, Int(name.dropFirst()) ?? 2))
            visitChildren(node)
            let content = Self.trimmed(inlines)
            inlines = []
            if !content.isEmpty { blocks.append(.heading(level: level, content)) }
        case "ul", "ol":
            if container == .cell || container == .quote {
                visitAsParagraph(node)
                return
            }
            flushParagraph()
            let outerContainer = container
            if outerContainer == .listItem {
                // A nested list: its items join the outer list as items of their own.
                endListItem()
                visitChildren(node)
                return
            }
            listStack.append((ordered: name == "ol", items: []))
            visitChildren(node)
            endListItem()
            if let list = listStack.popLast(), !list.items.isEmpty {
                blocks.append(.list(ordered: list.ordered, items: list.items))
            }
        case "li":
            guard !listStack.isEmpty else {
                visitAsParagraph(node)
                return
            }
            endListItem()
            let saved = container
            container = .listItem
            visitChildren(node)
            endListItem()
            container = saved
        case "table":
            if container != nil || tableRows != nil {
                visitAsParagraph(node)
                return
            }
            flushParagraph()
            tableRows = []
            visitChildren(node)
            endRow()
            if let rows = tableRows, rows.contains(where: { row in row.contains { !$0.isEmpty } }) {
                blocks.append(.table(rows: rows))
            }
            tableRows = nil
        case "tr":
            endRow()
            currentRow = []
            visitChildren(node)
            endRow()
        case "td", "th":
            guard tableRows != nil else {
                visitAsParagraph(node)
                return
            }
            if currentRow == nil { currentRow = [] }
            let saved = container
            container = .cell
            // Text not yet in a cell (stray text in the table, or an enclosing cell's text before a
            // nested row) waits here and comes back after this cell: it was lost before.
            let pending = inlines
            inlines = []
            visitChildren(node)
            // A row nested inside this cell ends the current one; the cell then starts the next.
            currentRow = (currentRow ?? []) + [Self.trimmed(inlines)]
            inlines = pending
            container = saved
        case "blockquote":
            if container != nil {
                visitAsParagraph(node)
                return
            }
            flushParagraph()
            quoteParagraphs = []
            container = .quote
            visitChildren(node)
            blockBoundary()
            container = nil
            if let paragraphs = quoteParagraphs, !paragraphs.isEmpty { blocks.append(.quote(paragraphs)) }
            quoteParagraphs = nil
        default:
            if Self.paragraphLike.contains(name) {
                visitAsParagraph(node)
            } else {
                // span, font, u, sup, Word's o:p and unknown inline tags: keep the text, drop the tag.
                visitChildren(node)
            }
        }
    }

    /// The descendants of `root` in document order without recursion: text with the current marks,
    /// line breaks, and a block boundary around every block-level element. Structure below this
    /// depth (lists, tables, bold) is not kept; the text is.
    private mutating func flatten(_ root: xmlNodePtr) {
        var current = root.pointee.children
        while let node = current {
            var descend = false
            switch node.pointee.type {
            case XML_TEXT_NODE, XML_CDATA_SECTION_NODE:
                if let content = node.pointee.content { appendText(String(cString: content)) }
            case XML_ELEMENT_NODE, XML_ENTITY_REF_NODE:
                let name = node.pointee.name.map { String(cString: $0).lowercased() } ?? ""
                if Self.isDropped(name) { break }
                if name == "br" { inlines.append(.lineBreak) }
                if Self.isBlock(name) { blockBoundary() }
                descend = node.pointee.children != nil
            default:
                break
            }
            if descend {
                current = node.pointee.children
                continue
            }
            // Up to the nearest ancestor (below root) with a next sibling, closing blocks on the way.
            var at: xmlNodePtr? = node
            current = nil
            while let here = at, here != root {
                if here != node, let name = here.pointee.name.map({ String(cString: $0).lowercased() }), Self.isBlock(name) {
                    blockBoundary()
                }
                if let next = here.pointee.next {
                    current = next
                    break
                }
                at = here.pointee.parent
            }
        }
    }

    static func isBlock(_ name: String) -> Bool {
        paragraphLike.contains(name) || Self.blockStructure.contains(name)
    }

    static let blockStructure: Set<String> = [
        "h1", "h2", "h3", "h4", "h5", "h6", "ul", "ol", "li", "table", "tr", "td", "th", "blockquote",
    ]

    /// An element that only separates its content from what surrounds it.
    private mutating func visitAsParagraph(_ node: xmlNodePtr) {
        blockBoundary()
        visitChildren(node)
        blockBoundary()
    }

    private mutating func withMarks(_ node: xmlNodePtr, _ change: (inout Marks) -> Void) {
        let saved = marks
        change(&marks)
        visitChildren(node)
        marks = saved
    }

    private mutating func appendText(_ raw: String) {
        let text = TextNormalizer.collapse(repairing ? TextNormalizer.repairText(raw) : raw)
        guard !text.isEmpty else { return }
        if case .text(let previous, let previousMarks)? = inlines.last, previousMarks == marks {
            inlines[inlines.count - 1] = .text(previous + text, marks)
        } else {
            inlines.append(.text(text, marks))
        }
    }

    /// The end of a paragraph-like element: a new paragraph at the top level, a line break inside
    /// list items, cells and quotes.
    private mutating func blockBoundary() {
        switch container {
        case nil:
            flushParagraph()
        case .listItem, .cell:
            if let last = inlines.last, last != .lineBreak { inlines.append(.lineBreak) }
        case .quote:
            let content = Self.trimmed(inlines)
            if !content.isEmpty { quoteParagraphs?.append(content) }
            inlines = []
        }
    }

    private mutating func flushParagraph() {
        guard container == nil else { return }
        let content = Self.trimmed(inlines)
        inlines = []
        guard !content.isEmpty else { return }
        // Two line breaks in a row separate paragraphs (a common way to write them in gov.kz's editor).
        var current: [Inline] = []
        var previousWasBreak = false
        for inline in content {
            if inline == .lineBreak, previousWasBreak {
                if current.last == .lineBreak { current.removeLast() }
                let piece = Self.trimmed(current)
                if !piece.isEmpty { blocks.append(.paragraph(piece)) }
                current = []
                previousWasBreak = false
                continue
            }
            previousWasBreak = inline == .lineBreak
            current.append(inline)
        }
        let piece = Self.trimmed(current)
        if !piece.isEmpty { blocks.append(.paragraph(piece)) }
    }

    private mutating func endListItem() {
        guard !listStack.isEmpty else { return }
        let content = Self.trimmed(inlines)
        inlines = []
        if !content.isEmpty { listStack[listStack.count - 1].items.append(content) }
    }

    private mutating func endRow() {
        if let row = currentRow, !row.isEmpty { tableRows?.append(row) }
        currentRow = nil
    }

    mutating func finish() -> [Block] {
        container = nil
        flushParagraph()
        return blocks
    }

    // MARK: - Attributes and URLs

    private func attribute(_ node: xmlNodePtr, _ name: String) -> String? {
        guard let value = xmlGetProp(node, name) else { return nil }
        defer { enbekshi_xml_free(value) }
        return String(cString: value).trimmingCharacters(in: .whitespacesAndNewlines)
    }

    /// Only http(s) links survive; relative gov.kz links are made absolute; in-page anchors
    /// (Word footnotes) and script URLs are dropped, keeping their text.
    private func resolveLink(_ href: String) -> String? {
        let lowered = href.lowercased()
        if href.isEmpty || href.hasPrefix("#") { return nil }
        if lowered.hasPrefix("http://") || lowered.hasPrefix("https://") { return Self.safeURL(href) }
        if href.hasPrefix("/") && !href.hasPrefix("//") { return Self.safeURL(GovKzURL.absolute(href, base: base)) }
        return nil
    }

    private func resolveImage(_ src: String) -> String? {
        let lowered = src.lowercased()
        if lowered.hasPrefix("https://") || lowered.hasPrefix("http://") { return Self.safeURL(src) }
        if src.hasPrefix("/") && !src.hasPrefix("//") { return Self.safeURL(GovKzURL.absolute(src, base: base)) }
        return nil
    }

    /// A URL with no white space or quotes, so it cannot break out of an attribute.
    private static func safeURL(_ url: String) -> String? {
        url.unicodeScalars.contains { $0.properties.isWhitespace || $0 == "\"" || $0 == "<" || $0 == ">" }
            ? nil : url
    }

    /// Removes leading and trailing spaces and line breaks from a run of inlines.
    static func trimmed(_ inlines: [Inline]) -> [Inline] {
        var result = inlines
        while let first = result.first {
            if first == .lineBreak {
                result.removeFirst()
            } else if case .text(let text, let marks) = first {
                let trimmed = String(text.drop { $0 == " " })
                if trimmed.isEmpty {
                    result.removeFirst()
                } else {
                    result[0] = .text(trimmed, marks)
                    break
                }
            } else {
                break
            }
        }
        while let last = result.last {
            if last == .lineBreak {
                result.removeLast()
            } else if case .text(let text, let marks) = last {
                var trimmed = Substring(text)
                while trimmed.last == " " { trimmed.removeLast() }
                if trimmed.isEmpty {
                    result.removeLast()
                } else {
                    result[result.count - 1] = .text(String(trimmed), marks)
                    break
                }
            } else {
                break
            }
        }
        return result
    }
}
