/// Runs of Cyrillic words inside Latin text: a Kazakh service name left in an English sentence,
/// "юбилей". Pages mark each with its own `lang`; the gloss worker has each translated once. Both
/// find the same runs, so a gloss is found again by the run's text.
public enum CyrillicRuns {
    /// Kazakh letters that Russian does not use: a run with one of them is Kazakh, else Russian.
    static let kazakhLetters: Set<Unicode.Scalar> = [
        "ә", "ғ", "қ", "ң", "ө", "ұ", "ү", "һ", "і", "Ә", "Ғ", "Қ", "Ң", "Ө", "Ұ", "Ү", "Һ", "І",
    ]

    public static func isCyrillic(_ scalar: Unicode.Scalar) -> Bool { scalar.value >= 0x400 && scalar.value < 0x530 }

    /// The run starting at `start` (a Cyrillic letter): Cyrillic words and what joins them (spaces,
    /// hyphens, guillemets, digits), up to the last Cyrillic letter before anything else or a tag.
    public static func run(in scalars: [Unicode.Scalar], from start: Int) -> ClosedRange<Int> {
        var end = start, last = start
        while end < scalars.count, scalars[end] != "<" {
            let current = scalars[end]
            if isCyrillic(current) {
                last = end
            } else if !(current == " " || current == "-" || current == "«" || current == "»" || ScalarClass.isNumeric(current)) {
                break
            }
            end += 1
        }
        return start...last
    }

    /// The language a run is in, by its letters.
    public static func language(of run: some Sequence<Unicode.Scalar>) -> Language {
        run.contains(where: kazakhLetters.contains) ? .kk : .ru
    }

    /// Every run in the text of our sanitised HTML (tags skipped, as pages mark them), in order,
    /// with its language.
    public static func runs(inHTML html: String) -> [(text: String, language: Language)] {
        let scalars = Array(html.unicodeScalars)
        var found: [(text: String, language: Language)] = []
        var index = 0
        var inTag = false
        while index < scalars.count {
            let scalar = scalars[index]
            if inTag || scalar == "<" {
                inTag = scalar != ">"
                index += 1
                continue
            }
            guard isCyrillic(scalar) else {
                index += 1
                continue
            }
            let range = run(in: scalars, from: index)
            let slice = scalars[range]
            var run = String.UnicodeScalarView()
            run.append(contentsOf: slice)
            found.append((String(run), language(of: slice)))
            index = range.upperBound + 1
        }
        return found
    }
}
