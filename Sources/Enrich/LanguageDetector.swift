import EnbekshiCore

/// Tells Kazakh, Russian and English apart, because gov.kz sometimes answers a request for one
/// language with text in another (API.md §5).
///
/// Kazakh has letters Russian lacks (ә ғ қ ң ө ұ ү һ і) and very common words of its own; Russian
/// texts do carry Kazakh names ("Айгерім"), so a few Kazakh letters alone do not make a text Kazakh.
public enum LanguageDetector {
    static let kazakhLetters: Set<UInt32> = Set("әғқңөұүһіӘҒҚҢӨҰҮҺІ".unicodeScalars.map(\.value))
    static let kazakhWords: Set<Substring> = [
        "және", "мен", "бұл", "үшін", "туралы", "бойынша", "жылы", "жылғы", "облысы", "ауданы", "болып", "деп", "бар",
        "жоқ", "екенін", "сондай", "арқылы", "біз", "оның", "қазақстан", "жөнінде", "мақсатында", "кезінде", "тиіс",
    ]
    static let russianWords: Set<Substring> = [
        "и", "в", "на", "по", "что", "для", "с", "не", "от", "это", "как", "о", "года", "также", "который", "которые",
        "при", "за", "из", "области", "района", "республики",
    ]

    /// The language of a text, or nil when there are too few letters to tell.
    public static func detect(_ text: String) -> Language? {
        var latin = 0, cyrillic = 0, kazakh = 0
        for scalar in text.unicodeScalars {
            switch scalar.value {
            case 0x41...0x5A, 0x61...0x7A: latin += 1
            case 0x0400...0x04FF: cyrillic += 1
            default: continue
            }
            if kazakhLetters.contains(scalar.value) { kazakh += 1 }
        }
        let letters = latin + cyrillic
        guard letters >= 12 else { return nil }
        if latin * 10 >= letters * 6 { return .en }
        guard cyrillic * 10 >= letters * 4 else { return nil }
        // Kazakh text has its own letters at several per cent of all letters; Russian text with a few
        // Kazakh names stays well below that.
        let kazakhShare = Double(kazakh) / Double(cyrillic)
        if kazakhShare >= 0.06 { return .kk }
        // Below one per cent Kazakh letters come from names inside Russian text.
        if kazakhShare < 0.01 { return .ru }
        var kazakhWordCount = 0, russianWordCount = 0
        for word in text.lowercased().split(whereSeparator: { !$0.isLetter }) {
            if kazakhWords.contains(word) { kazakhWordCount += 1 }
            if russianWords.contains(word) { russianWordCount += 1 }
        }
        if kazakhShare >= 0.03 && kazakhWordCount >= russianWordCount { return .kk }
        if kazakhWordCount > russianWordCount * 2 && kazakhWordCount >= 2 { return .kk }
        return .ru
    }

    /// Latin (`.en`) or Cyrillic (`.ru`, standing for Russian and Kazakh alike) when a text has a
    /// dozen letters or more and four in five are of one script; nil otherwise.
    public static func script(of text: String) -> Language? {
        var latin = 0, cyrillic = 0
        for scalar in text.unicodeScalars {
            switch scalar.value {
            case 0x41...0x5A, 0x61...0x7A: latin += 1
            case 0x0400...0x04FF: cyrillic += 1
            default: continue
            }
        }
        guard latin + cyrillic >= 12 else { return nil }
        if latin * 5 >= (latin + cyrillic) * 4 { return .en }
        if cyrillic * 5 >= (latin + cyrillic) * 4 { return .ru }
        return nil
    }

    /// The script of a body, from its first paragraphs (at least 80 letters' worth, or nil).
    public static func script(of paragraphs: [String]) -> Language? {
        let body = String(paragraphs.prefix(5).joined(separator: " ").unicodeScalars.prefix(2000))
        return body.unicodeScalars.count >= 80 ? script(of: body) : nil
    }

    /// The language of a version: the body decides, the title helps when the body is short.
    public static func detect(title: String, paragraphs: [String]) -> Language? {
        // The first few thousand characters decide as well as the whole of a long body.
        let body = String(paragraphs.prefix(20).joined(separator: " ").unicodeScalars.prefix(3000))
        if let language = detect(body), body.unicodeScalars.count >= 80 { return language }
        return detect(title + " " + body)
    }
}
