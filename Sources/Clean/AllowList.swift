/// What sanitised HTML may contain: the cleaner emits nothing else, and audits check stored bodies
/// against the same list.
public enum AllowList {
    public static let tags: Set<String> = [
        "p", "br", "strong", "em", "ul", "ol", "li", "blockquote", "table", "tbody", "tr", "td", "h2", "h3", "h4", "a",
        "img", "figure", "div",
    ]
    public static let attributes: Set<String> = ["href", "rel", "src", "alt", "loading", "class"]

    /// Whether HTML uses only allowed tags, and only quoted allowed attributes.
    public static func permits(_ html: String) -> Bool {
        var rest = Substring(html)
        while let open = rest.firstIndex(of: "<") {
            guard let close = rest[open...].firstIndex(of: ">") else { return false }
            var inside = rest[rest.index(after: open)..<close]
            if inside.hasPrefix("/") { inside = inside.dropFirst() }
            let name = inside.prefix { $0.isLetter || $0.isNumber }.lowercased()
            guard tags.contains(name) else { return false }
            var attributes = inside.dropFirst(name.count)
            while let equals = attributes.firstIndex(of: "=") {
                let attribute = attributes[..<equals].split(separator: " ").last.map(String.init) ?? ""
                guard self.attributes.contains(attribute.lowercased()) else { return false }
                let value = attributes[attributes.index(after: equals)...]
                guard value.first == "\"", let end = value.dropFirst().firstIndex(of: "\"") else { return false }
                attributes = value[value.index(after: end)...]
            }
            guard attributes.allSatisfy({ $0 == " " || $0 == "/" }) else { return false }
            rest = rest[rest.index(after: close)...]
        }
        return !rest.contains(">")
    }
}
