/// A suffix-stripping stemmer for Kazakh: plural, possessive and case endings come off, up to three
/// layers ("салықтарды" → "салықтар" → "салық"), never leaving fewer than three letters, and a final
/// voiced consonant returns to its dictionary form ("салығы" → "салығ" → "салық").
/// Derivational suffixes (-лық, -шы …) stay: they make different words.
/// Works on Unicode scalars (every Kazakh letter is one): it runs for every word indexed.
public enum KazakhStemmer {
    static let suffixes: [[Unicode.Scalar]] = [
        // plural
        "лар", "лер", "дар", "дер", "тар", "тер",
        // genitive, ablative, locative, instrumental
        "ның", "нің", "дың", "дің", "тың", "тің", "нан", "нен", "дан", "ден", "тан", "тен", "нда", "нде", "да", "де",
        "та", "те", "мен", "бен", "пен",
        // dative, accusative
        "ға", "ге", "қа", "ке", "на", "не", "ны", "ні", "ды", "ді", "ты", "ті",
        // possessive
        "ымыз", "іміз", "ыңыз", "іңіз", "мыз", "міз", "ңыз", "ңіз", "сы", "сі", "ым", "ім", "ың", "ің", "ы", "і",
    ].map { Array($0.unicodeScalars) }.sorted { $0.count > $1.count }

    static let minimumStem = 3
    static let vowels: Set<Unicode.Scalar> = ["а", "ә", "е", "и", "о", "ө", "у", "ұ", "ү", "ы", "і", "э", "ю", "я"]
    static let possessiveAfterVowel: [[Unicode.Scalar]] = [Array("сы".unicodeScalars), Array("сі".unicodeScalars)]

    public static func stem(_ word: String) -> String {
        var scalars = Array(word.unicodeScalars)
        stem(&scalars)
        return String(scalars: scalars)
    }

    static func stem(_ word: inout [Unicode.Scalar]) {
        let original = word.count
        for _ in 0..<3 {
            guard let suffix = suffixes.first(where: { suffix in
                guard word.count - suffix.count >= minimumStem, word.suffix(suffix.count).elementsEqual(suffix) else { return false }
                // -сы/-сі follow a vowel ("қаласы"); after a consonant the ending is -ы/-і ("облысы"), and
                // stems seldom end in ы/і, so "облы-сы" is read as "облыс-ы".
                guard possessiveAfterVowel.contains(suffix) else { return true }
                let before = word[word.count - suffix.count - 1]
                return vowels.contains(before) && before != "ы" && before != "і"
            }) else { break }
            word.removeLast(suffix.count)
        }
        if word.count < original, let last = word.last, let plain = devoiced[last] {
            word[word.count - 1] = plain
        }
    }

    /// A stem-final ғ, г, б before a vowel ending returns to қ, к, п in the dictionary form.
    static let devoiced: [Unicode.Scalar: Unicode.Scalar] = ["ғ": "қ", "г": "к", "б": "п"]
}
