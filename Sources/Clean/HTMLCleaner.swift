import CLibXML2
import EnbekshiCore

/// Turns untrusted gov.kz body HTML into sanitised HTML and plain paragraphs.
///
/// libxml2's HTML parser does the parsing (it recovers from unclosed tags, entities and other
/// soup); this type only walks the tree and keeps an allow-list: paragraphs, line breaks, bold,
/// italic, lists, tables, block quotes, headings h2–h4, http(s) links and `/uploads/…` images.
/// Scripts, styles, comments, event handlers, inline styles and Word leftovers never survive,
/// because nothing outside the allow-list is ever copied.
public struct HTMLCleaner: Sendable {
    /// The host that relative `/uploads/…` references belong to.
    public var base: String
    /// Bodies larger than this are cleaned from their first part only; the original is kept whole.
    public var maxInputBytes: Int
    /// Whether damaged text is repaired (runs glued together, escapes, Markdown). The audit reads
    /// stored bodies with repairs off, to see them exactly as readers do.
    public var repairing: Bool

    public init(base: String = GovKzURL.defaultBase, maxInputBytes: Int = 4 << 20, repairing: Bool = true) {
        self.base = base
        self.maxInputBytes = maxInputBytes
        self.repairing = repairing
    }

    /// The body cleaned; `lostText` is set when the result holds much less text than the HTML
    /// visibly carried (a body past `maxInputBytes`, or a parse that dropped content), so that the
    /// version is flagged and counted instead of silently shown short or empty.
    public func clean(_ html: String?) -> CleanBody {
        guard let html, !html.isEmpty else { return CleanBody(blocks: []) }
        let body = CleanBody(blocks: parse(html))
        let truncated = html.utf8.count > maxInputBytes
        let expected = SourceText.letterCount(html: html)
        let kept = body.paragraphs.reduce(0) { $0 + SourceText.letterCount(text: $1) }
        guard truncated || (expected >= SourceText.minimumForLoss && kept * 2 < expected) else { return body }
        return body.markingLostText()
    }

    /// A title as gov.kz sent it, read as the text of an HTML fragment: entities decoded
    /// (`&lt;script&gt;` is the text "<script>", `&laquo;` a guillemet), while a literal `<` stays text
    /// and is never taken for a tag. Escaping again on output then shows what gov.kz meant.
    public func titleText(_ title: String) -> String {
        guard title.contains("&") else { return title }
        let fragment = "<p>" + title.replacingOccurrences(of: "<", with: "&lt;") + "</p>"
        return parse(fragment).first.map { BlockRenderer.paragraphs([$0]).joined(separator: " ") } ?? title
    }

    func parse(_ html: String) -> [Block] {
        LibXML2.initialise
        var bytes = Array(html.utf8.prefix(maxInputBytes))
        if bytes.isEmpty { return [] }
        // HUGE lifts libxml2's nesting limit (256), past which it silently dropped the rest of the
        // body; `TreeWalker` reads very deep subtrees flat, without recursion.
        let options = Int32(
            HTML_PARSE_RECOVER.rawValue | HTML_PARSE_NOERROR.rawValue | HTML_PARSE_NOWARNING.rawValue
                | HTML_PARSE_NONET.rawValue | XML_PARSE_HUGE.rawValue)
        let document = bytes.withUnsafeMutableBufferPointer { buffer -> htmlDocPtr? in
            buffer.baseAddress.flatMap { pointer in
                pointer.withMemoryRebound(to: CChar.self, capacity: buffer.count) {
                    htmlReadMemory($0, Int32(buffer.count), nil, "UTF-8", options)
                }
            }
        }
        guard let document else { return [] }
        defer { xmlFreeDoc(document) }
        var walker = TreeWalker(base: base, repairing: repairing)
        var node = document.pointee.children
        while let current = node {
            walker.visit(current)
            node = current.pointee.next
        }
        let blocks = walker.finish()
        return repairing ? GlueRepair.repair(blocks) : blocks
    }
}

/// libxml2 wants one global initialisation before threads use it.
enum LibXML2 {
    static let initialise: Void = { xmlInitParser() }()
}
