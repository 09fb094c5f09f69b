/// Headlines for readers: a clean title, or one derived from the body when gov.kz sent none.
public enum HeadlineMaker {
    /// Longest derived headline, in characters; cut at a word boundary.
    public static let maxDerivedLength = 120

    /// Whether gov.kz sent no usable title (nil, empty, `-`).
    public static func isPlaceholderTitle(_ title: String?) -> Bool {
        isPlaceholder(TextNormalizer.clean(title ?? ""))
    }

    /// Titles that mean "no title" in gov.kz data.
    static func isPlaceholder(_ title: String) -> Bool {
        let trimmed = title.trimmingSpaces()
        return trimmed.isEmpty || trimmed.allSatisfy { "-–—.…_*".contains($0) } || trimmed.lowercased() == "null"
    }

    /// The headline to show: the cleaned title, or the first sentence of the body.
    /// Empty only when there is neither a title nor a body.
    public static func headline(title: String?, paragraphs: [String]) -> String {
        let cleaned = TextNormalizer.clean(title ?? "")
        if !isPlaceholder(cleaned) { return cleaned }
        guard let first = paragraphs.first else { return "" }
        return derive(from: first)
    }

    /// The first sentence of `text`, shortened at a word boundary to `maxDerivedLength`.
    public static func derive(from text: String) -> String {
        var sentence = text
        if let end = firstSentenceEnd(text) { sentence = String(text[..<end]) }
        sentence = sentence.trimmingSpaces()
        if sentence.count > maxDerivedLength {
            let prefix = sentence.prefix(maxDerivedLength)
            if let space = prefix.lastIndex(of: " ") {
                sentence = String(prefix[..<space]) + "…"
            } else {
                sentence = String(prefix) + "…"
            }
        }
        while let last = sentence.last, last == "." || last == " " { sentence.removeLast() }
        return sentence
    }

    private static func firstSentenceEnd(_ text: String) -> String.Index? {
        var index = text.startIndex
        while index < text.endIndex {
            let character = text[index]
            if character == "." || character == "!" || character == "?" {
                let next = text.index(after: index)
                if next == text.endIndex { return next }
                if text[next] == " ", text.index(after: next) < text.endIndex,
                    text[text.index(after: next)].isUppercase
                {
                    return character == "." ? index : next
                }
            }
            index = text.index(after: index)
        }
        return nil
    }
}
