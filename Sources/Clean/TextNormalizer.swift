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

    /// Collapses every run of white space (no-break and other Unicode spaces included) to one space
    /// and drops invisible characters. Leading and trailing spaces are kept as a single space so that
    /// runs can be joined; `clean(_:)` trims. Works on UTF-8 bytes: it runs on every text node.
    public static func collapse(_ text: String) -> String {
        var text = text
        return text.withUTF8 { bytes -> String in
            var output: [UInt8] = []
            output.reserveCapacity(bytes.count)
            var pendingSpace = false
            var index = 0
            let count = bytes.count
            while index < count {
                let byte = bytes[index]
                var width = 1
                var kind = 0  // 0 keep, 1 space, 2 drop
                if byte < 0x20 || byte == 0x20 || byte == 0x7F {
                    kind = 1
                } else if byte == 0xC2, index + 1 < count {
                    width = 2
                    let next = bytes[index + 1]
                    if next == 0xA0 || next == 0x85 { kind = 1 } else if next == 0xAD { kind = 2 } else if next < 0xA0 { kind = 1 }
                } else if byte == 0xE2, index + 2 < count {
                    width = 3
                    let (second, third) = (bytes[index + 1], bytes[index + 2])
                    if second == 0x80 {
                        if third <= 0x8A || third == 0xA8 || third == 0xA9 || third == 0xAF { kind = 1 }
                        else if third >= 0x8B && third <= 0x8D { kind = 2 }
                    } else if second == 0x81 {
                        if third == 0x9F { kind = 1 } else if third == 0xA0 { kind = 2 }
                    }
                } else if byte == 0xEF, index + 2 < count, bytes[index + 1] == 0xBB, bytes[index + 2] == 0xBF {
                    width = 3
                    kind = 2
                } else if byte == 0xE3, index + 2 < count, bytes[index + 1] == 0x80, bytes[index + 2] == 0x80 {
                    width = 3
                    kind = 1
                } else if byte == 0xE1, index + 2 < count, bytes[index + 1] == 0x9A, bytes[index + 2] == 0x80 {
                    width = 3
                    kind = 1
                } else if byte >= 0xF0 {
                    width = 4
                } else if byte >= 0xE0 {
                    width = 3
                } else if byte >= 0xC0 {
                    width = 2
                }
                width = min(width, count - index)
                switch kind {
                case 1:
                    pendingSpace = true
                case 2:
                    break
                default:
                    if pendingSpace {
                        output.append(0x20)
                        pendingSpace = false
                    }
                    output.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[index..<(index + width)]))
                }
                index += width
            }
            if pendingSpace { output.append(0x20) }
            return String(decoding: output, as: UTF8.self)
        }
    }

    /// Collapsed, trimmed, with no space before closing punctuation ("fulfilled ." → "fulfilled.").
    public static func clean(_ text: String) -> String {
        let collapsed = collapse(repairText(text))
        return tidyPunctuation(collapsed).trimmingSpaces()
    }

    /// Fixes text-level damage seen in gov.kz data: literal escape sequences (`\u200b`), Markdown
    /// bold markers, and sentences glued without a space ("certificate.The Akim").
    public static func repairText(_ text: String) -> String {
        var needsEscapes = false, needsMarkdown = false
        for byte in text.utf8 {
            if byte == 0x5C { needsEscapes = true }
            if byte == 0x2A || byte == 0x5F { needsMarkdown = true }
        }
        guard needsEscapes || needsMarkdown else { return separateGluedSentences(text) }
        var value = text
        if needsEscapes, value.contains("\\u") {
            for escape in ["\\u200b", "\\u200B", "\\u00a0", "\\u00A0", "\\u200c", "\\u200d", "\\ufeff", "\\uFEFF"] {
                value = value.replacingOccurrences(of: escape, with: escape.lowercased().hasSuffix("a0") ? " " : "")
            }
        }
        if needsMarkdown {
            value = value.replacingOccurrences(of: "**", with: "").replacingOccurrences(of: "__", with: "")
        }
        return separateGluedSentences(value)
    }

    /// Inserts the missing space in "word.Word": a sentence end between a lower-case word and a
    /// capitalised one. Abbreviations ("т.е.", "U.S."), domains ("gov.kz") and addresses
    /// ("Anara.Pavanova@finreg.kz") do not match.
    public static func separateGluedSentences(_ text: String) -> String {
        // Fast path: a sentence mark directly followed by a letter (ASCII upper case or any multi-byte
        // character) is rare; most text has none and is returned as is.
        var candidate = false
        var previous: UInt8 = 0
        for byte in text.utf8 {
            if previous == 0x2E || previous == 0x21 || previous == 0x3F, (byte >= 0x41 && byte <= 0x5A) || byte >= 0xC0 {
                candidate = true
                break
            }
            previous = byte
        }
        guard candidate else { return text }
        let scalars = Array(text.unicodeScalars)
        guard scalars.count >= 5 else { return text }
        var output = String.UnicodeScalarView()
        var changed = false
        for index in scalars.indices {
            output.append(scalars[index])
            let scalar = scalars[index]
            guard scalar == "." || scalar == "!" || scalar == "?", index >= 2, index + 2 < scalars.count else { continue }
            if scalars[index - 1].properties.isLowercase, scalars[index - 2].properties.isLowercase,
                scalars[index + 1].properties.isUppercase, scalars[index + 2].properties.isLowercase,
                !GlueRepair.isAddress(scalars, around: index, dotted: false)
            {
                output.append(" ")
                changed = true
            }
        }
        return changed ? String(output) : text
    }

    static let closingPunctuation: Set<Character> = [",", ".", ";", ":", "!", "?", ")", "»"]

    static func tidyPunctuation(_ text: String) -> String {
        var text = text
        return text.withUTF8 { bytes -> String? in
            // A space followed by closing punctuation that ends a word: ", " ". " ";" ")" "»".
            func closes(_ index: Int) -> Int? {
                guard index < bytes.count else { return nil }
                switch bytes[index] {
                case 0x2C, 0x29: return 1  // , )
                case 0x2E, 0x3B, 0x3A, 0x21, 0x3F:  // . ; : ! ?
                    return index + 1 >= bytes.count || bytes[index + 1] == 0x20 ? 1 : nil
                case 0xC2 where index + 1 < bytes.count && bytes[index + 1] == 0xBB: return 2  // »
                default: return nil
                }
            }
            var found = false
            for index in bytes.indices where bytes[index] == 0x20 && index > 0 && bytes[index - 1] != 0x20 && closes(index + 1) != nil {
                found = true
                break
            }
            // Most paragraphs need nothing: they are returned as they are, not copied and re-validated.
            guard found else { return nil }
            var output: [UInt8] = []
            output.reserveCapacity(bytes.count)
            for index in bytes.indices {
                if bytes[index] == 0x20, index > 0, bytes[index - 1] != 0x20, closes(index + 1) != nil { continue }
                output.append(bytes[index])
            }
            return String(decoding: output, as: UTF8.self)
        } ?? text
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

extension TextNormalizer {
    /// Two spaces where runs met ("a " + " b") become one.
    static func collapseDoubleSpaces(_ text: String) -> String {
        var previous: UInt8 = 0
        var found = false
        for byte in text.utf8 {
            if byte == 0x20 && previous == 0x20 {
                found = true
                break
            }
            previous = byte
        }
        guard found else { return text }
        var output: [UInt8] = []
        output.reserveCapacity(text.utf8.count)
        for byte in text.utf8 where !(byte == 0x20 && output.last == 0x20) { output.append(byte) }
        return String(decoding: output, as: UTF8.self)
    }
}
