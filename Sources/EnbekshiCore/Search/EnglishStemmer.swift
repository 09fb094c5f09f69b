/// A light English stemmer for the English edition: plural and common verb endings
/// ("taxes" → "tax", "reporting" → "report", "reports" → "report").
public enum EnglishStemmer {
    public static func stem(_ word: String) -> String {
        guard word.count > 3 else { return word }
        let rules: [(String, String)] = [
            ("ies", "y"), ("sses", "ss"), ("xes", "x"), ("ches", "ch"), ("shes", "sh"), ("ing", ""), ("ed", ""), ("s", ""),
        ]
        for (suffix, replacement) in rules where word.hasSuffix(suffix) {
            if suffix == "s", word.hasSuffix("ss") || word.hasSuffix("us") || word.hasSuffix("is") { return word }
            let stem = String(word.dropLast(suffix.count)) + replacement
            guard stem.count >= 3, stem.contains(where: { "aeiouy".contains($0) }) else { return word }
            return stem
        }
        return word
    }
}
