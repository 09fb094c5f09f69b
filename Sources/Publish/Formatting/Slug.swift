/// URL slugs for articles: short, ASCII, readable; the id in front is what finds the article.
public enum Slug {
    static let transliteration: [Character: String] = [
        "а": "a", "б": "b", "в": "v", "г": "g", "д": "d", "е": "e", "ё": "e", "ж": "zh", "з": "z", "и": "i",
        "й": "i", "к": "k", "л": "l", "м": "m", "н": "n", "о": "o", "п": "p", "р": "r", "с": "s", "т": "t",
        "у": "u", "ф": "f", "х": "kh", "ц": "ts", "ч": "ch", "ш": "sh", "щ": "shch", "ъ": "", "ы": "y", "ь": "",
        "э": "e", "ю": "iu", "я": "ia", "ә": "a", "ғ": "g", "қ": "q", "ң": "n", "ө": "o", "ұ": "u", "ү": "u",
        "һ": "h", "і": "i",
    ]

    public static func make(_ title: String, maxLength: Int = 60) -> String {
        var output = ""
        var lastWasDash = true
        for character in title.lowercased() {
            let piece: String
            if character.isASCII, character.isLetter || character.isNumber {
                piece = String(character)
            } else if let mapped = transliteration[character] {
                piece = mapped
            } else {
                piece = "-"
            }
            for scalar in piece {
                if scalar == "-" {
                    if !lastWasDash { output.append("-") }
                    lastWasDash = true
                } else {
                    output.append(scalar)
                    lastWasDash = false
                }
            }
            if output.count >= maxLength { break }
        }
        while output.hasSuffix("-") { output.removeLast() }
        return output.isEmpty ? "news" : String(output.prefix(maxLength)).trimmingTrailingDashes()
    }
}

extension String {
    fileprivate func trimmingTrailingDashes() -> String {
        var value = self
        while value.hasSuffix("-") { value.removeLast() }
        return value
    }
}
