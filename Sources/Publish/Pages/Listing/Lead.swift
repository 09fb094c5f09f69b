/// The opening of an article for listings, taken from the sanitised body.
enum Lead {
    static let maxLength = 280

    /// Text of the first paragraph, tags removed. The body is our own sanitised HTML, so its text is
    /// already escaped; we only cut it at a word boundary and never inside an entity.
    static func make(fromBodyHTML html: String) -> String {
        guard let start = html.range(of: "<p>") else { return "" }
        let rest = html[start.upperBound...]
        let paragraph = rest.range(of: "</p>").map { rest[..<$0.lowerBound] } ?? rest
        var text = ""
        var inTag = false
        for character in paragraph {
            if character == "<" {
                inTag = true
                if text.last != " " { text.append(" ") }
            } else if character == ">" {
                inTag = false
            } else if !inTag {
                text.append(character)
            }
        }
        text = text.split(separator: " ", omittingEmptySubsequences: true).joined(separator: " ")
        guard text.count > maxLength else { return text }
        var cut = String(text.prefix(maxLength))
        if let space = cut.lastIndex(of: " ") { cut = String(cut[..<space]) }
        if let amp = cut.lastIndex(of: "&"), !cut[amp...].contains(";") { cut = String(cut[..<amp]) }
        while let last = cut.last, ",;:—–-(".contains(last) || last == " " { cut.removeLast() }
        return cut + "…"
    }
}
