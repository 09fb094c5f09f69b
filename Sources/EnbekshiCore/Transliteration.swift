/// Place names from gov.kz slugs (`zhanaozen`, `besqaraqai`) written back in Cyrillic for the
/// Russian and Kazakh editions: a rule-based reversal of the usual Latin transliteration, close
/// enough for a reader to recognise the place.
enum Transliteration {
    /// English, Russian and Kazakh forms of a slug fragment ("kok-pekti" or "kokpekti").
    static func names(_ slug: String) -> (en: String, ru: String, kk: String) {
        let words = slug.split(whereSeparator: { $0 == "-" || $0 == " " }).map(String.init)
        func join(_ convert: (String) -> String) -> String {
            words.map { capitalised(convert($0)) }.joined(separator: " ")
        }
        return (join { $0 }, join { cyrillic($0, kazakh: false) }, join { cyrillic($0, kazakh: true) })
    }

    static func capitalised(_ word: String) -> String {
        guard let first = word.first else { return word }
        return first.uppercased() + word.dropFirst()
    }

    /// Digraphs first, then single letters.
    static let digraphs: [(String, String)] = [
        ("shch", "щ"), ("sh", "ш"), ("zh", "ж"), ("ch", "ч"), ("kh", "х"), ("ts", "ц"), ("ya", "я"), ("yu", "ю"),
        ("yo", "ё"), ("ye", "е"),
    ]
    static let letters: [Character: String] = [
        "a": "а", "b": "б", "c": "ц", "d": "д", "e": "е", "f": "ф", "g": "г", "h": "х", "i": "и", "j": "ж",
        "k": "к", "l": "л", "m": "м", "n": "н", "o": "о", "p": "п", "r": "р", "s": "с", "t": "т", "u": "у",
        "v": "в", "w": "у", "x": "кс", "y": "ы", "z": "з",
    ]

    static func cyrillic(_ word: String, kazakh: Bool) -> String {
        var output = ""
        var rest = Substring(word.lowercased())
        outer: while let letter = rest.first {
            for (latin, cyr) in digraphs where rest.hasPrefix(latin) {
                output += cyr
                rest = rest.dropFirst(latin.count)
                continue outer
            }
            switch letter {
            case "q": output += kazakh ? "қ" : "к"
            case "y" where output.last.map({ "аеиоуыэюяё".contains($0) }) ?? false: output += "й"
            default: output += letters[letter] ?? String(letter)
            }
            rest = rest.dropFirst()
        }
        return output
    }
}
