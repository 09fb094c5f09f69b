/// One search term in its index form: lower case, ё folded to е, then stemmed by the language of
/// the text it comes from. Latin words take the English rules in every language; Cyrillic words
/// take the Kazakh rules in Kazakh text and the Russian rules otherwise.
public enum SearchStemming {
    public static func indexForm(_ token: String, language: Language) -> String {
        let folded = String(token.lowercased().map { $0 == "ё" ? "е" : $0 })
        guard let first = folded.unicodeScalars.first, folded.count > 2 else { return folded }
        if first.value < 0x0400 {
            return folded.unicodeScalars.allSatisfy({ $0.properties.isAlphabetic }) ? EnglishStemmer.stem(folded) : folded
        }
        return language == .kk ? KazakhStemmer.stem(folded) : RussianStemmer.stem(folded)
    }
}
