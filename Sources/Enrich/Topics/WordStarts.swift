import EnbekshiCore

/// A lower-cased text indexed by where its words start, so many stems can be counted at word starts
/// in one pass over the text (the region resolver looks for some eighty). Stems may run over several
/// words ("алматы облыс"): they are compared with the text from the word start on, literally; a
/// final "$" asks for the whole word ("ош$" is the city, not "ошибка").
struct WordStarts {
    let scalars: [Unicode.Scalar]
    /// Word starts by their first scalar.
    let starts: [UInt32: [Int]]

    init(_ text: String) {
        let scalars = Array(text.unicodeScalars)
        var starts: [UInt32: [Int]] = [:]
        var previousIsLetter = false
        for (position, scalar) in scalars.enumerated() {
            let isLetter = ScalarClass.isAlphabetic(scalar)
            if isLetter && !previousIsLetter { starts[scalar.value, default: []].append(position) }
            previousIsLetter = isLetter
        }
        self.scalars = scalars
        self.starts = starts
    }

    /// Occurrences of `stem` that begin a word, not overlapping.
    func count(_ stem: [Unicode.Scalar]) -> Int { positions(stem).count }

    /// Where `stem` begins a word, not overlapping.
    func positions(_ pattern: [Unicode.Scalar]) -> [Int] {
        let whole = pattern.last == "$"
        let stem = whole ? pattern.dropLast() : pattern[...]
        guard let first = stem.first, let positions = starts[first.value] else { return [] }
        var found: [Int] = []
        var free = 0
        for position in positions where position >= free && position + stem.count <= scalars.count {
            let end = position + stem.count
            guard scalars[position..<end].elementsEqual(stem) else { continue }
            if whole, end < scalars.count, ScalarClass.isAlphabetic(scalars[end]) { continue }
            found.append(position)
            free = end
        }
        return found
    }

    /// The word that begins at `position`.
    func word(at position: Int) -> String {
        String(String.UnicodeScalarView(scalars[position..<end(ofWordAt: position)]))
    }

    /// The name that begins at `position`, its hyphenated parts included ("абу-дабиде").
    func name(at position: Int) -> String {
        var end = end(ofWordAt: position)
        while end + 1 < scalars.count, scalars[end] == "-", ScalarClass.isAlphabetic(scalars[end + 1]) { end = self.end(ofWordAt: end + 1) }
        return String(String.UnicodeScalarView(scalars[position..<end]))
    }

    /// Where the word that covers `position` ends.
    func end(ofWordAt position: Int) -> Int {
        var end = position
        while end < scalars.count, ScalarClass.isAlphabetic(scalars[end]) { end += 1 }
        return end
    }

    /// The sentence that holds `position`: from after the last ".", "!" or "?" before it to the
    /// next one.
    func sentence(containing position: Int) -> Range<Int> {
        var start = min(position, scalars.count)
        while start > 0, !Self.sentenceEnds.contains(scalars[start - 1]) { start -= 1 }
        var end = min(position, scalars.count)
        while end < scalars.count, !Self.sentenceEnds.contains(scalars[end]) { end += 1 }
        return start..<end
    }
    static let sentenceEnds: Set<Unicode.Scalar> = [".", "!", "?"]

    /// The word after the one that begins at `position` ("" at the end of the text).
    func word(after position: Int) -> String {
        start(ofWordAfter: position).map { word(at: $0) } ?? ""
    }

    /// Where the word before the one at `position` starts (nil at the start of the text).
    func start(ofWordBefore position: Int) -> Int? {
        var end = position
        while end > 0, !ScalarClass.isAlphabetic(scalars[end - 1]) { end -= 1 }
        var start = end
        while start > 0, ScalarClass.isAlphabetic(scalars[start - 1]) { start -= 1 }
        return start < end ? start : nil
    }

    /// Where the words before the one at `position` start, nearest first.
    func startsOfWords(before position: Int) -> UnfoldSequence<Int, Int> {
        sequence(state: position) { position in
            guard let start = start(ofWordBefore: position) else { return nil }
            position = start
            return start
        }
    }

    /// Where the word after the one at `position` starts (nil at the end of the text).
    func start(ofWordAfter position: Int) -> Int? {
        var index = end(ofWordAt: position)
        while index < scalars.count, !ScalarClass.isAlphabetic(scalars[index]) { index += 1 }
        return index < scalars.count ? index : nil
    }

    /// The word before `position` ("" at the start of the text).
    func word(before position: Int) -> String {
        start(ofWordBefore: position).map { word(at: $0) } ?? ""
    }
}
