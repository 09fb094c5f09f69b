/// A suffix-stripping stemmer for Kazakh: plural, possessive and case endings come off, up to three
/// layers ("салықтарды" → "салықтар" → "салық"), never leaving fewer than three letters, and a final
/// voiced consonant returns to its dictionary form ("салығы" → "салығ" → "салық").
/// Derivational suffixes (-лық, -шы …) stay: they make different words.
public enum KazakhStemmer {
    static let suffixes: [String] = [
        // plural
        "лар", "лер", "дар", "дер", "тар", "тер",
        // genitive, ablative, locative, instrumental
        "ның", "нің", "дың", "дің", "тың", "тің", "нан", "нен", "дан", "ден", "тан", "тен", "нда", "нде", "да", "де",
        "та", "те", "мен", "бен", "пен",
        // dative, accusative
        "ға", "ге", "қа", "ке", "на", "не", "ны", "ні", "ды", "ді", "ты", "ті",
        // possessive
        "ымыз", "іміз", "ыңыз", "іңіз", "мыз", "міз", "ңыз", "ңіз", "сы", "сі", "ым", "ім", "ың", "ің", "ы", "і",
    ].sorted { $0.count > $1.count }

    static let minimumStem = 3
    static let vowels: Set<Character> = ["а", "ә", "е", "и", "о", "ө", "у", "ұ", "ү", "ы", "і", "э", "ю", "я"]

    public static func stem(_ word: String) -> String {
        var current = Substring(word)
        for _ in 0..<3 {
            guard let suffix = suffixes.first(where: { suffix in
                guard current.hasSuffix(suffix), current.count - suffix.count >= minimumStem else { return false }
                // -сы/-сі follow a vowel ("қаласы"); after a consonant the ending is -ы/-і ("облысы"), and
                // stems seldom end in ы/і, so "облы-сы" is read as "облыс-ы".
                guard suffix == "сы" || suffix == "сі" else { return true }
                return current.dropLast(suffix.count).last.map { vowels.contains($0) && $0 != "ы" && $0 != "і" } ?? false
            }) else { break }
            current = current.dropLast(suffix.count)
        }
        var result = String(current)
        if current.count < word.count, let last = result.last, let plain = devoiced[last] {
            result.removeLast()
            result.append(plain)
        }
        return result
    }

    /// A stem-final ғ, г, б before a vowel ending returns to қ, к, п in the dictionary form.
    static let devoiced: [Character: Character] = ["ғ": "қ", "г": "к", "б": "п"]
}
