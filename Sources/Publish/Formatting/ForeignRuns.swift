import EnbekshiCore

/// Marks runs of Cyrillic words inside Latin text (`CyrillicRuns`) with their own `lang`, so screen
/// readers and hyphenation read them right, and follows each that has a machine gloss with it,
/// labelled. Works on our own sanitised HTML: only the text between tags is touched.
enum ForeignRuns {
    /// `html` with each Cyrillic run wrapped in `<span lang="kk|ru">`, for a text in a Latin-script
    /// edition; any other text is returned as it is. `glosses` are by the run's text; `label` names
    /// them as machine translations in the reader's language.
    static func mark(_ html: String, in language: Language, glosses: [String: String] = [:], label: String = "") -> String {
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
            guard CyrillicRuns.isCyrillic(scalar) else {
                output.append(scalar)
                index += 1
                continue
            }
            let range = CyrillicRuns.run(in: scalars, from: index)
            let run = scalars[range]
            output.append(contentsOf: "<span lang=\"\(CyrillicRuns.language(of: run).rawValue)\">".unicodeScalars)
            output.append(contentsOf: run)
            output.append(contentsOf: "</span>".unicodeScalars)
            var text = String.UnicodeScalarView()
            text.append(contentsOf: run)
            if let gloss = glosses[String(text)] {
                let shown = " <span class=\"gloss\">[" + HTMLEscaping.escape(label) + ": " + HTMLEscaping.escape(gloss) + "]</span>"
                output.append(contentsOf: shown.unicodeScalars)
            }
            index = range.upperBound + 1
        }
        return String(output)
    }
}
