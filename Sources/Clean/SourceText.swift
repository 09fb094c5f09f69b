/// A rough count of the text an HTML body visibly carries, without parsing it: letters and digits
/// outside tags, comments and the elements the cleaner drops whole (scripts, styles, forms, Word's
/// `o:`/`w:` islands). Compared with what cleaning kept, it tells when text was lost.
enum SourceText {
    /// Below this many letters a difference is noise (an image caption, a stray word).
    static let minimumForLoss = 40

    static func letterCount(text: String) -> Int {
        text.unicodeScalars.reduce(0) { $0 + (isCounted($1) ? 1 : 0) }
    }

    static func letterCount(html: String) -> Int {
        var count = 0
        var scalars = Substring(html).unicodeScalars[...]
        while let scalar = scalars.first {
            if scalar == "<" {
                scalars = skipMarkup(scalars)
            } else if scalar == "&" {
                // An entity is one character at most (`&nbsp;`, `&#1234;`, `&laquo;`).
                let entity = scalars.dropFirst().prefix(12)
                if let end = entity.firstIndex(of: ";"), entity[..<end].allSatisfy({ $0.properties.isAlphabetic || ("0"..."9").contains($0) || $0 == "#" }) {
                    scalars = scalars[scalars.index(after: end)...]
                } else {
                    scalars = scalars.dropFirst()
                }
            } else {
                if isCounted(scalar) { count += 1 }
                scalars = scalars.dropFirst()
            }
        }
        return count
    }

    static func isCounted(_ scalar: Unicode.Scalar) -> Bool {
        scalar.properties.isAlphabetic || scalar.properties.numericType != nil
    }

    /// Past a tag, a comment, or a dropped element with everything in it.
    static func skipMarkup(_ text: Substring.UnicodeScalarView) -> Substring.UnicodeScalarView {
        var rest = text.dropFirst()
        if rest.starts(with: "!--".unicodeScalars) {
            guard let end = rest.firstRange(of: "-->".unicodeScalars) else { return rest[rest.endIndex...] }
            return rest[end.upperBound...]
        }
        let name = String(String.UnicodeScalarView(rest.prefix { $0.properties.isAlphabetic || $0 == ":" || ("0"..."9").contains($0) })).lowercased()
        // A `<` that opens no tag is text, as a browser reads it.
        guard !name.isEmpty || rest.first == "/" || rest.first == "!" || rest.first == "?" else { return rest }
        guard let close = rest.firstIndex(of: ">") else { return rest[rest.endIndex...] }
        rest = rest[rest.index(after: close)...]
        guard TreeWalker.isDropped(name) else { return rest }
        // Self-closed (`<o:p/>`) or void: nothing inside.
        if text[..<close].last == "/" { return rest }
        guard let end = rest.firstRangeIgnoringASCIICase(of: "</" + name) else { return rest }
        return rest[end.lowerBound...]
    }
}

extension Substring.UnicodeScalarView {
    /// The first range equal to `pattern` (given in lower case) with A–Z read as a–z: HTML tag
    /// names in any case.
    func firstRangeIgnoringASCIICase(of pattern: String) -> Range<Index>? {
        let wanted = Array(pattern.unicodeScalars)
        guard let first = wanted.first else { return nil }
        var index = startIndex
        while index < endIndex {
            if Self.lower(self[index]) == first {
                var probe = index
                var matched = 0
                while matched < wanted.count, probe < endIndex, Self.lower(self[probe]) == wanted[matched] {
                    matched += 1
                    probe = self.index(after: probe)
                }
                if matched == wanted.count { return index..<probe }
            }
            index = self.index(after: index)
        }
        return nil
    }

    static func lower(_ scalar: Unicode.Scalar) -> Unicode.Scalar {
        ("A"..."Z").contains(scalar) ? Unicode.Scalar(scalar.value + 32) ?? scalar : scalar
    }
}
