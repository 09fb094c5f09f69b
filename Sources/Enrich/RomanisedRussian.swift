import EnbekshiCore

/// Russian written in Latin letters ("15 sentyabrya 2025 goda sostoyalos' zasedanie kollegii…"),
/// the mark of a translation tool that gave up: Latin text, but not English. Told from the words
/// a Russian sentence cannot do without and from Russian endings, against English's own function
/// words; and read back into Cyrillic so an editor can see what it says.
public enum RomanisedRussian {
    /// Russian function words as they are romanised; none of them is an English word.
    static let russianWords: Set<String> = [
        "v", "vo", "na", "po", "k", "ot", "iz", "za", "dlya", "pri", "chto", "kak", "eto", "takzhe", "goda", "godu",
        "byl", "byla", "bylo", "byli", "budet", "ne", "ili", "kotoryy", "kotoraya", "kotoroe", "kotorye", "sostoyalos",
        "sostoyalas", "rayona", "oblasti", "goroda", "respubliki", "ramkakh", "sredi", "mezhdu", "cherez",
    ]
    static let englishWords: Set<String> = [
        "the", "of", "and", "to", "in", "is", "for", "on", "with", "was", "that", "by", "at", "from", "as", "an",
        "are", "be", "this", "were", "has", "have", "it", "will", "which", "their", "its", "during", "about",
    ]
    /// Endings of Russian adjectives and nouns that English words do not have.
    static let russianEndings = ["ogo", "ego", "iya", "iye", "yye", "ykh", "ikh", "nyy", "skiy", "skoy", "aya", "oye", "yami", "ami"]

    /// Whether Latin text is romanised Russian: enough words, and Russian evidence outweighing
    /// English three to one.
    public static func isRomanised(_ text: String) -> Bool {
        var russian = 0, english = 0, words = 0
        // Words of ASCII letters (an apostrophe inside is dropped: "sostoyalos'"), lower case,
        // read from the bytes: this runs on every English version.
        var word: [UInt8] = []
        var asciiOnly = true
        func finish() {
            defer {
                word.removeAll(keepingCapacity: true)
                asciiOnly = true
            }
            guard !word.isEmpty, asciiOnly else { return }
            words += 1
            let value = String(decoding: word, as: UTF8.self)
            if englishWords.contains(value) { english += 1 }
            if russianWords.contains(value) {
                russian += 1
            } else if word.count >= 5, russianEndings.contains(where: value.hasSuffix) {
                russian += 1
            }
        }
        for byte in text.utf8 {
            switch byte {
            case 0x41...0x5A: word.append(byte + 0x20)
            case 0x61...0x7A: word.append(byte)
            case 0x27: continue
            case 0x80...0xFF: asciiOnly = false
            default: finish()
            }
        }
        finish()
        return words >= 12 && russian >= 4 && russian >= english * 3
    }

    /// Longest first: "shch" before "sh" before "s".
    static let sequences: [(String, String)] = [
        ("shch", "щ"), ("sch", "щ"), ("zh", "ж"), ("kh", "х"), ("ts", "ц"), ("ch", "ч"), ("sh", "ш"), ("yu", "ю"),
        ("ya", "я"), ("yo", "ё"), ("yy", "ый"), ("iy", "ий"), ("a", "а"), ("b", "б"), ("v", "в"), ("g", "г"),
        ("d", "д"), ("e", "е"), ("z", "з"), ("i", "и"), ("k", "к"), ("l", "л"), ("m", "м"), ("n", "н"), ("o", "о"),
        ("p", "п"), ("r", "р"), ("s", "с"), ("t", "т"), ("u", "у"), ("f", "ф"), ("c", "ц"), ("h", "х"), ("w", "в"),
        ("x", "кс"), ("q", "к"), ("j", "й"), ("'", "ь"),
    ]

    /// Latin letters read back as Cyrillic (the usual BGN-style romanisation reversed): "y" after a
    /// vowel is "й", before a vowel at a word's start "е"/"ю"/"я" come from their digraphs, "'" is
    /// "ь". Close enough for an editor to read; not a spelling anyone should publish unchecked.
    public static func cyrillic(_ text: String) -> String {
        var output = ""
        var rest = Substring(text)
        let vowels: Set<Character> = ["а", "е", "и", "о", "у", "ы", "э", "ю", "я", "ё"]
        scan: while let first = rest.first {
            let upper = first.isUppercase
            let lower = rest.prefix(4).lowercased()
            if first.isASCII, first.isLetter || first == "'" {
                if lower.hasPrefix("y"), let previous = output.last.map({ Character($0.lowercased()) }), vowels.contains(previous),
                    !(lower.hasPrefix("ya") || lower.hasPrefix("yu") || lower.hasPrefix("ye"))
                {
                    output += upper ? "Й" : "й"
                    rest = rest.dropFirst()
                    continue
                }
                if lower.hasPrefix("ye") {
                    output += upper ? "Е" : "е"
                    rest = rest.dropFirst(2)
                    continue
                }
                for (latin, cyr) in sequences where lower.hasPrefix(latin) {
                    output += upper ? cyr.prefix(1).uppercased() + cyr.dropFirst() : cyr
                    rest = rest.dropFirst(latin.count)
                    continue scan
                }
                if lower.hasPrefix("y") {
                    output += upper ? "Ы" : "ы"
                    rest = rest.dropFirst()
                    continue
                }
            }
            output.append(first)
            rest = rest.dropFirst()
        }
        return output
    }
}
