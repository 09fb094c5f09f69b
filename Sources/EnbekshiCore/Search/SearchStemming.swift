/// One search term in its index form: lower case, ё folded to е, then stemmed by the language of
/// the text it comes from. Latin words take the English rules in every language; Cyrillic words
/// take the Kazakh rules in Kazakh text and the Russian rules otherwise.
/// Works on Unicode scalars with a fast lower-casing of the Cyrillic and Latin letters: it runs
/// for every word indexed and was most of the cost of building the index when it used Strings.
public enum SearchStemming {
    public static func indexForm(_ token: String, language: Language) -> String {
        var scalars: [Unicode.Scalar] = []
        scalars.reserveCapacity(token.unicodeScalars.count)
        var latin = true, alphabetic = true
        for scalar in token.unicodeScalars {
            let lower = lowercase(scalar)
            scalars.append(lower)
            if lower.value >= 0x0400 { latin = false }
            if !(lower.value >= 0x61 && lower.value <= 0x7A) && lower.value < 0x0400 { alphabetic = false }
        }
        if scalars.count > 2, let first = scalars.first {
            if first.value < 0x0400 {
                if latin && alphabetic { return EnglishStemmer.stem(String(scalars: scalars)) }
            } else if language == .kk {
                KazakhStemmer.stem(&scalars)
            } else {
                RussianStemmer.stem(&scalars)
            }
        }
        return String(scalars: scalars)
    }

    /// Lower case for A–Z, А–Я, Ё (→ е), ё (→ е) and the Kazakh capitals; other scalars by their
    /// Unicode mapping when it is one scalar.
    public static func lowercase(_ scalar: Unicode.Scalar) -> Unicode.Scalar {
        let value = scalar.value
        switch value {
        case 0x41...0x5A, 0x410...0x42F: return Unicode.Scalar(value + 0x20) ?? scalar
        case 0x401, 0x451: return "е"
        case 0x400...0x40F: return Unicode.Scalar(value + 0x50) ?? scalar
        case 0x490...0x4BF where value % 2 == 0: return Unicode.Scalar(value + 1) ?? scalar
        case 0x4D0...0x4FF where value % 2 == 0: return Unicode.Scalar(value + 1) ?? scalar
        case 0x61...0x7A, 0x430...0x44F, 0x452...0x45F, 0x461...0x4FF: return scalar
        default:
            let mapped = scalar.properties.lowercaseMapping.unicodeScalars
            return mapped.count == 1 ? mapped.first ?? scalar : scalar
        }
    }
}
