/// Whitespace and invisible-character rules shared by titles and bodies.
public enum TextNormalizer {
    /// Characters that carry no text and only break search and layout.
    static let invisible: Set<Unicode.Scalar> = [
        "\u{200B}", "\u{200C}", "\u{200D}", "\u{2060}", "\u{FEFF}", "\u{00AD}",
    ]

    /// Whether a scalar is white space for our purposes, including no-break and other Unicode spaces.
    static func isSpace(_ scalar: Unicode.Scalar) -> Bool {
        scalar.properties.isWhitespace || scalar == "\u{00A0}" || scalar == "\u{202F}" || scalar == "\u{2007}"
    }

    /// Collapses every run of white space (no-break spaces included) to one space and drops
    /// invisible characters. Leading and trailing spaces are kept as a single space so that runs
    /// can be joined; `clean(_:)` trims.
    public static func collapse(_ text: String) -> String {
        var result = String.UnicodeScalarView()
        var pendingSpace = false
        for scalar in text.unicodeScalars {
            if invisible.contains(scalar) { continue }
            if isSpace(scalar) || scalar.properties.generalCategory == .control {
                pendingSpace = true
                continue
            }
            if pendingSpace {
                result.append(" ")
                pendingSpace = false
            }
            result.append(scalar)
        }
        if pendingSpace { result.append(" ") }
        return String(result)
    }

    /// Collapsed, trimmed, with no space before closing punctuation ("fulfilled ." → "fulfilled.").
    public static func clean(_ text: String) -> String {
        let collapsed = collapse(repairText(text))
        return tidyPunctuation(collapsed).trimmingSpaces()
    }

    /// Fixes text-level damage seen in gov.kz data: literal escape sequences (`\u200b`), Markdown
    /// bold markers, and sentences glued without a space ("certificate.The Akim").
    public static func repairText(_ text: String) -> String {
        var value = text
        if value.contains("\\u") {
            for escape in ["\\u200b", "\\u200B", "\\u00a0", "\\u00A0", "\\u200c", "\\u200d", "\\ufeff", "\\uFEFF"] {
                value = value.replacingOccurrences(of: escape, with: escape.lowercased().hasSuffix("a0") ? " " : "")
            }
        }
        if value.contains("**") { value = value.replacingOccurrences(of: "**", with: "") }
        if value.contains("__") { value = value.replacingOccurrences(of: "__", with: "") }
        return separateGluedSentences(value)
    }

    /// Inserts the missing space in "word.Word": a sentence end between a lower-case word and a
    /// capitalised one. Abbreviations ("т.е.", "U.S.") and domains ("gov.kz") do not match.
    public static func separateGluedSentences(_ text: String) -> String {
        let scalars = Array(text.unicodeScalars)
        guard scalars.count >= 5 else { return text }
        var output = String.UnicodeScalarView()
        var changed = false
        for index in scalars.indices {
            output.append(scalars[index])
            let scalar = scalars[index]
            guard scalar == "." || scalar == "!" || scalar == "?", index >= 2, index + 2 < scalars.count else { continue }
            if scalars[index - 1].properties.isLowercase, scalars[index - 2].properties.isLowercase,
                scalars[index + 1].properties.isUppercase, scalars[index + 2].properties.isLowercase
            {
                output.append(" ")
                changed = true
            }
        }
        return changed ? String(output) : text
    }

    static let closingPunctuation: Set<Character> = [",", ".", ";", ":", "!", "?", ")", "»"]

    static func tidyPunctuation(_ text: String) -> String {
        guard text.contains(" ") else { return text }
        var output = ""
        output.reserveCapacity(text.utf8.count)
        var characters = Array(text)
        var index = 0
        while index < characters.count {
            let character = characters[index]
            if character == " ", index + 1 < characters.count, closingPunctuation.contains(characters[index + 1]),
                index > 0, characters[index - 1] != " ",
                // Keep " ..." and "… ." patterns alone only when the punctuation ends a word.
                index + 2 >= characters.count || characters[index + 2] == " "
                    || characters[index + 1] == "," || characters[index + 1] == ")"
                    || characters[index + 1] == "»"
            {
                index += 1
                continue
            }
            output.append(character)
            index += 1
        }
        characters.removeAll()
        return output
    }
}

extension String {
    func trimmingSpaces() -> String {
        var scalars = Substring(self)
        while let first = scalars.first, first == " " { scalars.removeFirst() }
        while let last = scalars.last, last == " " { scalars.removeLast() }
        return String(scalars)
    }
}
