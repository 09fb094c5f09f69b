import EnbekshiCore

/// Finds where gov.kz ran two pieces of text together with nothing between them, and how to part
/// them: a subheading run into its paragraph ("…of tax returnsFrom January 1…"), a lead-in run into
/// its text ("Procedure for making changes:After submission…"), a sentence run into the next
/// ("certificate.The Akim", repaired earlier by `TextNormalizer`) and two words of a name.
///
/// Decided from evidence, not from a list of words to leave alone: a join is a lower-case word of
/// three letters or more (or a closing quote or bracket) running into a capitalised word, or a
/// colon running into one; whether it ends a heading depends on the shape of the phrase before it
/// (short, capitalised, starting a paragraph or following a sentence, not ending on a function
/// word) and on a sentence following it. Words that are written with capitals inside — "iPhone",
/// "eGov", "McDonald's", "JavaScript", "KazMunayGas", "QazaQ", "КазМунайГаз" — do not have that
/// shape; two capitalised words run together ("AskarZhengis") are parted only when the same text
/// uses one of them alone elsewhere.
public enum GlueRepair {
    public enum Kind: String, Sendable, CaseIterable {
        /// Two sentences, or a lost block boundary inside running text: a space is missing.
        case sentence = "sentence glued"
        /// A short heading run into the paragraph it heads.
        case heading = "heading glued"
        /// A colon run into the next word; a short lead-in before it becomes bold.
        case colon = "colon glued"
        /// Two capitalised words (a person's name) written as one.
        case words = "words glued"
    }

    public struct Join: Sendable, Hashable {
        public var kind: Kind
        /// Scalar offset where the second piece starts.
        public var index: Int
        /// For a heading or lead-in: the scalar offset where that phrase starts.
        public var phraseStart: Int?
    }

    /// The joins in one run of text. `atSegmentStart` says whether the text starts a paragraph (or
    /// follows a sentence end), so a heading may start at its first letter; `standalone` tells
    /// whether the surrounding text uses a word (lower case) on its own, the evidence for parting
    /// two capitalised words.
    public static func joins(
        in text: String, atSegmentStart: Bool = true, standalone: (String) -> Bool = { _ in false }
    ) -> [Join] {
        guard mayHaveJoins(text) else { return [] }
        return joins(in: Array(text.unicodeScalars), atSegmentStart: atSegmentStart, standalone: standalone)
    }

    /// The joins in scalars, where a line break ("\n") also starts a segment.
    static func joins(
        in s: [Unicode.Scalar], atSegmentStart: Bool = true, standalone: (String) -> Bool = { _ in false }
    ) -> [Join] {
        let n = s.count
        var joins: [Join] = []
        var segmentStart: Int? = atSegmentStart ? 0 : nil
        var quotes = 0
        var i = 1
        while i + 1 < n {
            let a = s[i - 1], c = s[i]
            if a == "\"" { quotes += 1 }
            if (a == "." || a == "!" || a == "?") && c == " " { segmentStart = i + 1 }
            if a == "\n" { segmentStart = i }
            guard isUpper(c), let start = wordStart(s, at: i) else {
                i += 1
                continue
            }
            if a == ":" {
                if i >= 2, start != .capitals, isLetter(s[i - 2]) || isClosing(s[i - 2]), !isAddress(s, around: i) {
                    let lead = segmentStart.flatMap { isLeadIn(s, from: $0, to: i - 1) ? $0 : nil }
                    joins.append(Join(kind: .colon, index: i, phraseStart: lead))
                    segmentStart = i
                }
            } else if isLower(a) || (isClosing(a) && (a != "\"" || quotes % 2 == 0)) {
                var left = i - 1
                while left > 0, isLetter(s[left - 1]) { left -= 1 }
                var right = i + 1
                while right < n, isLetter(s[right]) { right += 1 }
                let leftLength = i - left
                let lowerLeft = leftLength >= 3 && allLower(s[left..<i])
                let capitalisedLeft = leftLength >= 2 && isUpper(s[left]) && allLower(s[(left + 1)..<i])
                // Latin run into Cyrillic (or back) is never one word.
                let scriptChange = isLetter(a) && isCyrillic(a) != isCyrillic(c)
                let rightWord = lowercased(s[i..<right])
                // A word in capitals after a lower-case word is an abbreviation starting a sentence
                // only after a word of four letters or more: "macOS" stays whole.
                let capitalsAllowed = start != .capitals || isClosing(a) || scriptChange
                    || (lowerLeft && (leftLength >= 4 || capitalsFollow(s, after: right, script: isCyrillic(c))))
                if isAddress(s, around: i) || !(isClosing(a) || lowerLeft || capitalisedLeft) || !capitalsAllowed {
                    // An address, or a word written with capitals inside ("iPhone", "eGov", "QazaQ").
                } else if isClosing(a) || lowerLeft || scriptChange || standalone(rightWord) {
                    // A capitalised word starts here: a heading before it, or at least a lost space.
                    let heading = segmentStart.flatMap { isHeading(s, from: $0, to: i) && startsSentence(s, at: i) ? $0 : nil }
                    if heading != nil || !capitalisedLeft || scriptChange {
                        joins.append(Join(kind: heading == nil ? .sentence : .heading, index: i, phraseStart: heading))
                        segmentStart = i
                    } else if right - i >= 3, left == 0 || !isLetter(s[left - 1]) {
                        joins.append(Join(kind: .words, index: i, phraseStart: nil))
                    }
                } else if leftLength >= 3, right - i >= 3, left == 0 || !isLetter(s[left - 1]), standalone(lowercased(s[left..<i])) {
                    // Two capitalised words (a name) written as one, and the text uses the first alone.
                    joins.append(Join(kind: .words, index: i, phraseStart: nil))
                }
            }
            i += 1
        }
        return joins
    }

    /// The text with a space at each join (for titles, list items and table cells, where no
    /// structure can be added).
    public static func spaced(_ text: String, standalone: (String) -> Bool = { _ in false }) -> String {
        let found = joins(in: text, standalone: standalone)
        guard !found.isEmpty else { return text }
        var scalars = String.UnicodeScalarView()
        var next = 0
        for (offset, scalar) in text.unicodeScalars.enumerated() {
            if next < found.count, found[next].index == offset {
                scalars.append(" ")
                next += 1
            }
            scalars.append(scalar)
        }
        return String(scalars)
    }

    // MARK: - Evidence

    /// How a capital at `index` starts a word.
    enum WordStart {
        /// Lower-case letters follow it to the end of the word ("From").
        case capitalised
        /// A one-letter word followed by another word ("В целях", "В 2026 году", "A new").
        case single
        /// A word in capitals, two letters or more ("АО", "ПО РЕГУЛИРОВАНИЮ").
        case capitals
    }

    static func wordStart(_ s: [Unicode.Scalar], at index: Int) -> WordStart? {
        var end = index + 1
        while end < s.count, isLetter(s[end]) { end += 1 }
        if end - index >= 2 {
            if allLower(s[(index + 1)..<end]) { return .capitalised }
            return s[(index + 1)..<end].allSatisfy(isUpper) ? .capitals : nil
        }
        guard end + 1 < s.count, s[end] == " " else { return nil }
        return isLetter(s[end + 1]) || ScalarClass.isNumeric(s[end + 1]) ? .single : nil
    }

    /// Another word in capitals follows the word ending at `end` ("ПО РЕГУЛИРОВАНИЮ").
    static func capitalsFollow(_ s: [Unicode.Scalar], after end: Int, script cyrillic: Bool) -> Bool {
        guard end + 2 < s.count, s[end] == " " else { return false }
        var next = end + 1
        while next < s.count, isLetter(s[next]) {
            guard isUpper(s[next]), isCyrillic(s[next]) == cyrillic else { return false }
            next += 1
        }
        return next - end - 1 >= 2
    }

    static func isCyrillic(_ scalar: Unicode.Scalar) -> Bool { scalar.value >= 0x400 && scalar.value < 0x530 }

    /// A cheap first look: most paragraphs have no lower-case letter or colon before a capital.
    static func mayHaveJoins(_ text: String) -> Bool {
        var scan = JoinScan()
        return scan.feed(text)
    }

    /// The first look over consecutive runs of one block, carrying the last character across.
    struct JoinScan {
        var previousLower = false, previousMark = false

        /// Whether `text`, following what was fed before, may hold a join.
        mutating func feed(_ text: String) -> Bool {
            for scalar in text.unicodeScalars {
                // Basic Latin and Russian letters answered directly: this looks at every text.
                let value = scalar.value
                let upper: Bool, letter: Bool
                switch value {
                case 0x41...0x5A, 0x410...0x42F: (upper, letter) = (true, true)
                case 0x61...0x7A, 0x430...0x44F: (upper, letter) = (false, true)
                case 0...0x7F: (upper, letter) = (false, false)
                default: (upper, letter) = (ScalarClass.isUppercase(scalar), ScalarClass.isAlphabetic(scalar))
                }
                if upper, letter, previousLower || previousMark { return true }
                previousLower = letter && !upper
                previousMark = value == 0x3A || (value < 0x80 ? (value == 0x29 || value == 0x5D || value == 0x22) : isClosing(scalar))
            }
            return false
        }
    }

    /// The phrase `s[from..<to]` reads like a heading: two to fifteen words, at most 120
    /// characters, starting with a capital, a digit or an opening quote, with no sentence end or
    /// more than one comma inside, and not ending on a function word ("of", "и", "мен").
    static func isHeading(_ s: [Unicode.Scalar], from: Int, to: Int) -> Bool {
        let phrase = trimmed(s, from, to)
        guard phrase.count >= 4, phrase.count <= 120, let first = phrase.first else { return false }
        let words = phrase.split(separator: " ")
        guard words.count >= 2, words.count <= 15 else { return false }
        guard isUpper(first) || ScalarClass.isNumeric(first) || isOpening(first) else { return false }
        var commas = 0
        for scalar in phrase {
            if scalar == "," { commas += 1 }
            if scalar == "." || scalar == "!" || scalar == "?" || scalar == ";" || scalar == ":" { return false }
        }
        guard commas <= 1, let last = words.last else { return false }
        if words.count < 4, let firstWord = words.first, runningStarts.contains(lowercased(firstWord[...])) { return false }
        return !functionWords.contains(lowercased(last[...]))
    }

    /// A lead-in before a colon: one to eight words, at most 60 characters, starting with a capital.
    static func isLeadIn(_ s: [Unicode.Scalar], from: Int, to: Int) -> Bool {
        let phrase = trimmed(s, from, to)
        guard let first = phrase.first, phrase.count <= 60, isUpper(first) || isOpening(first) else { return false }
        let words = phrase.split(separator: " ").count
        return words >= 1 && words <= 8 && !phrase.contains(where: { $0 == "." || $0 == ";" || $0 == ":" })
    }

    /// What follows a heading starts a sentence: a capitalised word and at least two more words
    /// before the sentence ends (a name's second half, "Zhengis.", is not a sentence).
    static func startsSentence(_ s: [Unicode.Scalar], at index: Int) -> Bool {
        var words = 0, inWord = false, length = 0
        for position in index..<s.count {
            let scalar = s[position]
            if isLetter(scalar) || ScalarClass.isNumeric(scalar) {
                if !inWord { words += 1 }
                inWord = true
                length += 1
                if words >= 3 { return true }
            } else {
                // An initial ("A. Zhengis") does not end a sentence.
                if (scalar == "." || scalar == "!" || scalar == "?" || scalar == "\n"), inWord, length >= 2,
                    position + 1 == s.count || s[position + 1] == " " || s[position + 1] == "\n"
                {
                    return false
                }
                inWord = false
                length = 0
            }
        }
        return false
    }

    /// The join sits inside an address: a URL, an e-mail address, a domain or a file path.
    /// `dotted` counts a dot before a letter as a domain's ("gov.kz"); the sentence rule, which
    /// looks at exactly such dots, asks without it.
    static func isAddress(_ s: [Unicode.Scalar], around index: Int, dotted: Bool = true) -> Bool {
        var start = index, end = index
        while start > 0, !TextNormalizer.isSpace(s[start - 1]) { start -= 1 }
        while end < s.count, !TextNormalizer.isSpace(s[end]) { end += 1 }
        var previous: Unicode.Scalar = " "
        for scalar in s[start..<end] {
            if scalar == "/" || scalar == "@" || scalar == "\\" || scalar == "_" || scalar == "=" || scalar == "#" { return true }
            if dotted, previous == "." && isLetter(scalar) { return true }
            previous = scalar
        }
        return false
    }

    /// Words that begin running sentences rather than headings, when the phrase is short.
    static let runningStarts: Set<String> = [
        "the", "a", "an", "this", "these", "that", "it", "he", "she", "we", "they", "his",
        "her", "our", "their", "это", "он", "она", "мы", "они", "его", "ее", "её", "их",
        "бұл", "ол", "біз", "олар", "оның",
    ]

    /// Words a heading does not end on: articles, prepositions, conjunctions.
    static let functionWords: Set<String> = [
        "the", "a", "an", "of", "and", "or", "for", "with", "from", "into", "to", "in",
        "on", "at", "by", "as", "is", "are", "was", "were", "be", "been", "has", "have",
        "had", "will", "would", "can", "that", "this", "its", "their", "our", "when", "where", "which",
        "who", "whose", "if", "than", "about", "after", "before", "over", "under", "between", "against", "through",
        "during", "within", "without", "not", "but", "so", "such", "very", "что", "чтобы", "когда", "где",
        "который", "которые", "если", "чем", "также", "уже", "был", "была", "были", "будет", "это", "этого",
        "при", "после", "перед", "между", "через", "без", "под", "над", "за", "к", "ко", "у",
        "и", "в", "во", "на", "по", "для", "с", "со", "от", "до", "из", "о",
        "об", "как", "или", "а", "но", "его", "ее", "её", "их", "не", "мен", "және",
        "пен", "бен", "үшін", "туралы", "бойынша", "арқылы", "немесе", "да", "де", "та", "те",
    ]

    static func trimmed(_ s: [Unicode.Scalar], _ from: Int, _ to: Int) -> ArraySlice<Unicode.Scalar> {
        var start = from, end = to
        while start < end, s[start] == " " { start += 1 }
        while end > start, s[end - 1] == " " { end -= 1 }
        return s[start..<end]
    }

    static func lowercased(_ scalars: some Sequence<Unicode.Scalar>) -> String {
        var view = String.UnicodeScalarView()
        for scalar in scalars { ScalarClass.forEachLowercase(scalar) { view.append($0) } }
        return String(view)
    }

    static func isLetter(_ scalar: Unicode.Scalar) -> Bool { ScalarClass.isAlphabetic(scalar) }
    static func isUpper(_ scalar: Unicode.Scalar) -> Bool { ScalarClass.isUppercase(scalar) && ScalarClass.isAlphabetic(scalar) }
    static func isLower(_ scalar: Unicode.Scalar) -> Bool { ScalarClass.isAlphabetic(scalar) && !ScalarClass.isUppercase(scalar) }
    static func allLower(_ scalars: ArraySlice<Unicode.Scalar>) -> Bool { scalars.allSatisfy(isLower) }
    static func isClosing(_ scalar: Unicode.Scalar) -> Bool {
        scalar == ")" || scalar == "]" || scalar == "»" || scalar == "”" || scalar == "\""
    }
    static func isOpening(_ scalar: Unicode.Scalar) -> Bool { scalar == "«" || scalar == "“" || scalar == "\"" || scalar == "(" }
}
