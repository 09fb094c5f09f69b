/// URL slugs for articles: short, ASCII, readable; the id in front is what finds the article.
public enum Slug {
    static let transliteration: [Character: String] = [
        "а": "a", "б": "b", "в": "v", "г": "g", "д": "d", "е": "e", "ё": "e", "ж": "zh", "з": "z", "и": "i",
        "й": "i", "к": "k", "л": "l", "м": "m", "н": "n", "о": "o", "п": "p", "р": "r", "с": "s", "т": "t",
        "у": "u", "ф": "f", "х": "kh", "ц": "ts", "ч": "ch", "ш": "sh", "щ": "shch", "ъ": "", "ы": "y", "ь": "",
        "э": "e", "ю": "iu", "я": "ia", "ә": "a", "ғ": "g", "қ": "q", "ң": "n", "ө": "o", "ұ": "u", "ү": "u",
        "һ": "h", "і": "i",
    ]

    /// Works on Unicode scalars with a lookup table: it runs for every item of every listing.
    public static func make(_ title: String, maxLength: Int = 60) -> String {
        var output: [UInt8] = []
        output.reserveCapacity(maxLength + 8)
        var lastWasDash = true
        for scalar in title.unicodeScalars {
            if output.count >= maxLength { break }
            let value = scalar.value
            if (0x30...0x39).contains(value) || (0x61...0x7A).contains(value) {
                output.append(UInt8(value))
                lastWasDash = false
            } else if (0x41...0x5A).contains(value) {
                output.append(UInt8(value + 32))
                lastWasDash = false
            } else if let mapped = scalarTable[scalar] {
                if mapped.isEmpty { continue }
                output.append(contentsOf: mapped.utf8)
                lastWasDash = false
            } else if !lastWasDash {
                output.append(UInt8(ascii: "-"))
                lastWasDash = true
            }
        }
        if output.count > maxLength { output.removeSubrange(maxLength...) }
        while output.last == UInt8(ascii: "-") { output.removeLast() }
        return output.isEmpty ? "news" : String(decoding: output, as: UTF8.self)
    }

    /// Lower- and upper-case Cyrillic letters, Kazakh ones included.
    static let scalarTable: [Unicode.Scalar: String] = {
        var table: [Unicode.Scalar: String] = [:]
        for (character, latin) in transliteration {
            for scalar in String(character).unicodeScalars { table[scalar] = latin }
            for scalar in String(character).uppercased().unicodeScalars { table[scalar] = latin }
        }
        return table
    }()
}
