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

    public init(base: String = GovKzURL.defaultBase, maxInputBytes: Int = 4 << 20) {
        self.base = base
        self.maxInputBytes = maxInputBytes
    }

    public func clean(_ html: String?) -> CleanBody {
        guard let html, !html.isEmpty else { return CleanBody(blocks: []) }
        return CleanBody(blocks: parse(html))
    }

    func parse(_ html: String) -> [Block] {
        LibXML2.initialise
        var bytes = Array(html.utf8.prefix(maxInputBytes))
        if bytes.isEmpty { return [] }
        let options = Int32(
            HTML_PARSE_RECOVER.rawValue | HTML_PARSE_NOERROR.rawValue | HTML_PARSE_NOWARNING.rawValue
                | HTML_PARSE_NONET.rawValue)
        let document = bytes.withUnsafeMutableBufferPointer { buffer -> htmlDocPtr? in
            buffer.baseAddress.flatMap { pointer in
                pointer.withMemoryRebound(to: CChar.self, capacity: buffer.count) {
                    htmlReadMemory($0, Int32(buffer.count), nil, "UTF-8", options)
                }
            }
        }
        guard let document else { return [] }
        defer { xmlFreeDoc(document) }
        var walker = TreeWalker(base: base)
        var node = document.pointee.children
        while let current = node {
            walker.visit(current)
            node = current.pointee.next
        }
        return walker.finish()
    }
}

/// libxml2 wants one global initialisation before threads use it.
enum LibXML2 {
    static let initialise: Void = { xmlInitParser() }()
}
