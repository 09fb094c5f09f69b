import Foundation

/// Headlines for readers: a clean title, or one derived from the body when gov.kz sent none.
public enum HeadlineMaker {
    /// Longest derived headline, in characters; cut at a word boundary.
    public static let maxDerivedLength = 120

    /// Whether gov.kz sent no usable title (nil, empty, `-`).
    public static func isPlaceholderTitle(_ title: String?) -> Bool {
        isPlaceholder(TextNormalizer.clean(title ?? ""))
    }

    /// Titles that mean "no title" in gov.kz data.
    static func isPlaceholder(_ title: String) -> Bool {
        let trimmed = title.trimmingSpaces()
        return trimmed.isEmpty || trimmed.allSatisfy { "-–—.…_*".contains($0) } || trimmed.lowercased() == "null"
    }

    /// The headline to show: the cleaned title, or the first sentence of the body.
    /// Empty only when there is neither a title nor a body.
    public static func headline(title: String?, paragraphs: [String]) -> String {
        let cleaned = TextNormalizer.clean(title ?? "")
        if !isPlaceholder(cleaned) { return cleaned }
        guard let first = paragraphs.first else { return "" }
        return derive(from: first)
    }

    /// The first sentence of `text`, shortened at a word boundary to `maxDerivedLength`.
    public static func derive(from text: String) -> String {
        var sentence = text
        if let end = firstSentenceEnd(text) { sentence = String(text[..<end]) }
        sentence = sentence.trimmingSpaces()
        if sentence.count > maxDerivedLength {
            let prefix = sentence.prefix(maxDerivedLength)
            if let space = prefix.lastIndex(of: " ") {
                sentence = String(prefix[..<space]) + "…"
            } else {
                sentence = String(prefix) + "…"
            }
        }
        while let last = sentence.last, last == "." || last == " " { sentence.removeLast() }
        return sentence
    }

    private static func firstSentenceEnd(_ text: String) -> String.Index? {
        var index = text.startIndex
        while index < text.endIndex {
            let character = text[index]
            if character == "." || character == "!" || character == "?" {
                let next = text.index(after: index)
                if next == text.endIndex { return next }
                if text[next] == " ", text.index(after: next) < text.endIndex,
                    text[text.index(after: next)].isUppercase
                {
                    return character == "." ? index : next
                }
            }
            index = text.index(after: index)
        }
        return nil
    }
}

extension HeadlineMaker {
    /// Titles longer than this are really a lead paragraph: the headline is cut from them and the
    /// full text goes to the top of the body.
    public static let maxTitleLength = 160

    /// Words kept in capitals when an ALL-CAPS title is put in sentence case.
    static let acronyms: Set<String> = [
        "ҚР", "РК", "ЦОН", "ХҚКО", "ДТП", "НДС", "ҚҚС", "ЕАЭС", "ЕАЭО", "ООН", "БҰҰ", "СНГ", "ТМД", "МФЦА", "АХҚО",
        "АРРФР", "ҚНРДА", "ВКО", "ЗКО", "СКО", "ШҚО", "БҚО", "СҚО", "КГД", "МКК", "ДГД", "МКД", "ЖКХ", "ТЖМ", "МЧС",
        "IT", "UK", "USA", "US", "EU", "UN", "IMF", "OSCE", "AIFC", "COVID", "ЕС", "США", "РФ", "КНР", "IIS", "ИС",
    ]

    /// The headline and body readers see: placeholders replaced, paragraph-long titles cut to a
    /// headline (their full text becomes the first paragraph), ALL-CAPS put in sentence case with
    /// acronyms kept, no trailing full stop, and a first paragraph that only repeats the title dropped.
    public static func present(title: String?, body: CleanBody) -> (headline: String, body: CleanBody) {
        var text = stripMarkers(TextNormalizer.clean(title ?? ""))
        if isPlaceholder(text) {
            // The headline is the first sentence: show it once, unless it had to be shortened.
            let derived = headline(title: nil, paragraphs: body.paragraphs)
            return (derived, derived.hasSuffix("…") ? body : withoutRepeatedOpening(derived, body))
        }
        if isAllCaps(text) { text = sentenceCase(text) }
        text = text.replacingOccurrences(of: " - ", with: " — ")
        var body = body
        if isParagraphTitle(text) {
            if !(body.paragraphs.first.map { comparable($0).hasPrefix(comparable(text)) } ?? false) {
                body = body.prepending(paragraph: text)
            }
            return (derive(from: text), body)
        }
        return (withoutFinalStop(text), withoutRepeatedOpening(text, body))
    }

    /// The body without a first paragraph or first sentence that only repeats the headline.
    static func withoutRepeatedOpening(_ headline: String, _ body: CleanBody) -> CleanBody {
        guard let first = body.paragraphs.first else { return body }
        if isComparable(first, to: headline) {
            return body.paragraphs.count > 1 ? body.droppingFirstBlock() : body
        }
        if let length = repeatedOpening(title: headline, paragraph: first) {
            return body.droppingLeadingText(characters: length)
        }
        return body
    }

    /// How many characters of `paragraph` repeat the title as its first sentence, if it does.
    public static func repeatedOpening(title: String, paragraph: String) -> Int? {
        let cleanTitle = withoutFinalStop(title)
        let length = cleanTitle.count
        // The paragraph's opening only: lower-casing and counting a whole body for this was a
        // large part of cleaning.
        let after = paragraph.dropFirst(length)
        guard length >= 20, after.dropFirst().first != nil,
            paragraph.prefix(length + 8).lowercased().hasPrefix(cleanTitle.lowercased())
        else { return nil }
        guard let mark = after.first, ".!?".contains(mark) else { return nil }
        return cleanTitle.count + 1
    }

    /// Markdown or decoration left around a title: "*Winter festival*", "# News".
    static func stripMarkers(_ text: String) -> String {
        var value = Substring(text)
        while let first = value.first, "*_#=~".contains(first) { value.removeFirst() }
        while let last = value.last, "*_#=~".contains(last) { value.removeLast() }
        return String(value).trimmingSpaces()
    }

    static func isAllCaps(_ text: String) -> Bool {
        let letters = text.filter(\.isLetter)
        return letters.count >= 4 && !letters.contains(where: \.isLowercase)
    }

    static func sentenceCase(_ text: String) -> String {
        var result: [String] = []
        for (index, word) in text.split(separator: " ", omittingEmptySubsequences: false).enumerated() {
            let core = word.filter { $0.isLetter || $0.isNumber }
            if acronyms.contains(String(core)) || core.contains(where: \.isNumber) {
                result.append(String(word))
            } else {
                let lower = word.lowercased()
                result.append(index == 0 ? lower.prefix(1).uppercased() + lower.dropFirst() : lower)
            }
        }
        var sentence = result.joined(separator: " ")
        // A word after an opening quote or a sentence end starts with a capital again.
        if let first = sentence.firstIndex(where: \.isLetter), sentence[first].isLowercase {
            sentence.replaceSubrange(first...first, with: sentence[first].uppercased())
        }
        return sentence
    }

    /// A title that is really a lead: longer than a headline, or several sentences of some length
    /// ("Let's celebrate without debts! Important reminder" is still a headline).
    public static func isParagraphTitle(_ text: String) -> Bool {
        text.count > maxTitleLength || (text.count > 100 && hasSeveralSentences(text))
    }

    public static func hasSeveralSentences(_ text: String) -> Bool {
        guard let end = text.firstIndex(where: { ".!?".contains($0) }) else { return false }
        let rest = String(text[text.index(after: end)...]).trimmingSpaces()
        return rest.count > 20 && rest.first?.isUppercase == true
    }

    static func withoutFinalStop(_ text: String) -> String {
        guard text.hasSuffix("."), !text.hasSuffix("..") else { return text }
        return String(text.dropLast()).trimmingSpaces()
    }

    /// Text for comparing a title with a paragraph: case, spaces and final punctuation ignored.
    /// Whether `text` and `other` have the same `comparable` form, deciding at the first character
    /// that differs: `text` is a paragraph, usually long and different from the headline from its
    /// first letters.
    static func isComparable(_ text: String, to other: String) -> Bool {
        var expected = comparable(other).makeIterator()
        // `text`'s form is `other`'s followed only by final stops, which `comparable` drops.
        for character in text where !character.isWhitespace {
            for lower in character.lowercased() {
                if let next = expected.next() {
                    if next != lower { return false }
                } else if !".!?…".contains(lower) {
                    return false
                }
            }
        }
        return expected.next() == nil
    }

    public static func comparable(_ text: String) -> String {
        var value = text.lowercased().filter { !$0.isWhitespace }
        while let last = value.last, ".!?…".contains(last) { value.removeLast() }
        return value
    }
}
