/// The Snowball Russian stemmer (snowballstem.org/algorithms/russian/stemmer.html), so that
/// "налоги", "налогов" and "налог" meet in the search index. Input: one lower-case word, ё as е.
public enum RussianStemmer {
    static let vowels: Set<Unicode.Scalar> = ["а", "е", "и", "о", "у", "ы", "э", "ю", "я"]

    static let perfectiveGerund1 = ["вшись", "вши", "в"]
    static let perfectiveGerund2 = ["ившись", "ывшись", "ивши", "ывши", "ив", "ыв"]
    static let adjective = [
        "ими", "ыми", "его", "ого", "ему", "ому", "ее", "ие", "ые", "ое", "ей", "ий", "ый", "ой", "ем", "им", "ым",
        "ом", "их", "ых", "ую", "юю", "ая", "яя", "ою", "ею",
    ]
    static let participle1 = ["ем", "нн", "вш", "ющ", "щ"]
    static let participle2 = ["ивш", "ывш", "ующ"]
    static let reflexive = ["ся", "сь"]
    static let verb1 = ["ете", "йте", "ешь", "нно", "ла", "на", "ли", "ем", "ло", "но", "ет", "ют", "ны", "ть", "й", "л", "н"]
    static let verb2 = [
        "ейте", "уйте", "ила", "ыла", "ена", "ите", "или", "ыли", "ило", "ыло", "ено", "ует", "уют", "ены", "ить",
        "ыть", "ишь", "ей", "уй", "ил", "ыл", "им", "ым", "ен", "ят", "ит", "ыт", "ую", "ю",
    ]
    static let noun = [
        "иями", "ями", "ами", "ией", "иям", "ием", "иях", "ев", "ов", "ие", "ье", "еи", "ии", "ей", "ой", "ий", "ям",
        "ем", "ам", "ом", "ах", "ях", "ию", "ью", "ия", "ья", "а", "е", "и", "й", "о", "у", "ы", "ь", "ю", "я",
    ]
    static let superlative = ["ейше", "ейш"]
    static let derivational = ["ость", "ост"]

    /// Endings as characters, longest first, built once.
    typealias Endings = [(ending: [Unicode.Scalar], needsAOrYa: Bool)]
    static func prepared(_ group1: [String], _ group2: [String] = []) -> Endings {
        (group1.map { (Array($0.unicodeScalars), true) } + group2.map { (Array($0.unicodeScalars), false) }).sorted { $0.0.count > $1.0.count }
    }
    static let perfectiveGerundEndings = prepared(perfectiveGerund1, perfectiveGerund2)
    static let participleEndings = prepared(participle1, participle2)
    static let verbEndings = prepared(verb1, verb2)
    static let reflexiveEndings = prepared([], reflexive)
    static let adjectiveEndings = prepared([], adjective)
    static let nounEndings = prepared([], noun)
    static let superlativeEndings = prepared([], superlative)
    static let derivationalEndings = prepared([], derivational)

    public static func stem(_ word: String) -> String {
        var scalars = Array(word.unicodeScalars)
        stem(&scalars)
        return String(scalars: scalars)
    }

    /// Stems in place; works on scalars, as every Russian letter is one.
    static func stem(_ chars: inout [Unicode.Scalar]) {
        guard chars.count > 2, let rv = chars.firstIndex(where: { vowels.contains($0) }).map({ $0 + 1 }) else { return }
        let r2 = region2(chars)

        // Step 1.
        if !removeEnding(&chars, from: rv, perfectiveGerundEndings) {
            _ = removeEnding(&chars, from: rv, reflexiveEndings)
            if removeEnding(&chars, from: rv, adjectiveEndings) {
                _ = removeEnding(&chars, from: rv, participleEndings)
            } else if !removeEnding(&chars, from: rv, verbEndings) {
                _ = removeEnding(&chars, from: rv, nounEndings)
            }
        }
        // Step 2.
        if chars.count > rv, chars.last == "и" { chars.removeLast() }
        // Step 3.
        _ = removeEnding(&chars, from: max(r2, rv), derivationalEndings)
        // Step 4.
        if hasEnding(chars, doubleN, from: rv) {
            chars.removeLast()
        } else if removeEnding(&chars, from: rv, superlativeEndings) {
            if hasEnding(chars, doubleN, from: rv) { chars.removeLast() }
        } else if chars.count > rv, chars.last == "ь" {
            chars.removeLast()
        }
    }

    /// R2: the region after the first non-vowel following a vowel, applied twice.
    static func region2(_ chars: [Unicode.Scalar]) -> Int {
        func region(after start: Int) -> Int {
            var index = start
            while index + 1 < chars.count {
                if vowels.contains(chars[index]) && !vowels.contains(chars[index + 1]) { return index + 2 }
                index += 1
            }
            return chars.count
        }
        return region(after: region(after: 0))
    }

    static let doubleN: [Unicode.Scalar] = ["н", "н"]

    static func hasEnding(_ chars: [Unicode.Scalar], _ ending: [Unicode.Scalar], from start: Int) -> Bool {
        chars.count - ending.count >= max(start, 0) && chars.suffix(ending.count).elementsEqual(ending)
    }

    /// Removes the longest ending lying wholly in the region starting at `start`; an ending marked
    /// `needsAOrYa` counts only after а or я (which stay).
    static func removeEnding(_ chars: inout [Unicode.Scalar], from start: Int, _ endings: Endings) -> Bool {
        for (ending, needsAOrYa) in endings where hasEnding(chars, ending, from: start) {
            if needsAOrYa {
                let before = chars.count - ending.count - 1
                guard before >= start - 1, before >= 0, chars[before] == "а" || chars[before] == "я" else { continue }
            }
            chars.removeLast(ending.count)
            return true
        }
        return false
    }
}
