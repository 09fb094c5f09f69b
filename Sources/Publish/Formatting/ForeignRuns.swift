import EnbekshiCore

/// Marks runs of Cyrillic words inside Latin text (a Kazakh service name left in an English
/// sentence, "юбилей") with their own `lang`, so screen readers and hyphenation read them right.
/// Works on our own sanitised HTML: only the text between tags is touched.
enum ForeignRuns {
    /// Kazakh letters that Russian does not use: a run with one of them is Kazakh, else Russian.
    static let kazakhLetters: Set<Unicode.Scalar> = [
        "ә", "ғ", "қ", "ң", "ө", "ұ", "ү", "һ", "і", "Ә", "Ғ", "Қ", "Ң", "Ө", "Ұ", "Ү", "Һ", "І",
    ]

    static func isCyrillic(_ scalar: Unicode.Scalar) -> Bool { scalar.value >= 0x400 && scalar.value < 0x530 }

    /// `html` with each Cyrillic run wrapped in `<span lang="kk|ru">`, for a text in a Latin-script
    /// edition; any other text is returned as it is.
    static func mark(_ html: String, in language: Language) -> String {
        guard language == .en, html.utf8.contains(where: { $0 >= 0xD0 && $0 <= 0xD4 }) else { return html }
        let scalars = Array(html.unicodeScalars)
        var output = String.UnicodeScalarView()
        var index = 0
        var inTag = false
        while index < scalars.count {
            let scalar = scalars[index]
            if inTag {
                output.append(scalar)
                if scalar == ">" { inTag = false }
                index += 1
                continue
            }
            if scalar == "<" {
                inTag = true
                output.append(scalar)
                index += 1
                continue
            }
            guard isCyrillic(scalar) else {
                output.append(scalar)
                index += 1
                continue
            }
            // The run: Cyrillic words and what joins them (spaces, hyphens, quotes), up to the last
            // Cyrillic letter before anything else.
            var end = index, last = index
            while end < scalars.count, scalars[end] != "<" {
                let current = scalars[end]
                if isCyrillic(current) {
                    last = end
                } else if !(current == " " || current == "-" || current == "«" || current == "»" || ScalarClass.isNumeric(current)) {
                    break
                }
                end += 1
            }
            let run = scalars[index...last]
            let code = run.contains(where: kazakhLetters.contains) ? "kk" : "ru"
            output.append(contentsOf: "<span lang=\"\(code)\">".unicodeScalars)
            output.append(contentsOf: run)
            output.append(contentsOf: "</span>".unicodeScalars)
            index = last + 1
        }
        return String(output)
    }
}
