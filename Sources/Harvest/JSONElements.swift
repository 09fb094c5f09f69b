/// Finds the elements of a list answer's array without decoding them, so that one bad item (an
/// invalid byte, a lone surrogate escape) costs only itself: each element is then decoded alone.
/// Only the structure is read: strings (with their escapes), brackets and commas.
enum JSONElements {
    /// The byte ranges of the elements of the top-level array, or of the array under `content`,
    /// `data` or `items` of a top-level object; nil when the answer has no such array.
    static func ranges(_ bytes: [UInt8]) -> [Range<Int>]? {
        var index = skipSpace(bytes, 0)
        guard index < bytes.count else { return nil }
        if bytes[index] == UInt8(ascii: "[") { return elements(bytes, from: index) }
        guard bytes[index] == UInt8(ascii: "{") else { return nil }
        index += 1
        // Top-level members: "key" : value , …
        while true {
            index = skipSpace(bytes, index)
            guard index < bytes.count, bytes[index] == UInt8(ascii: "\"") else { return nil }
            guard let keyEnd = stringEnd(bytes, from: index) else { return nil }
            let key = String(decoding: bytes[(index + 1)..<(keyEnd - 1)], as: UTF8.self)
            index = skipSpace(bytes, keyEnd)
            guard index < bytes.count, bytes[index] == UInt8(ascii: ":") else { return nil }
            index = skipSpace(bytes, index + 1)
            guard index < bytes.count else { return nil }
            if ["content", "data", "items"].contains(key), bytes[index] == UInt8(ascii: "[") {
                return elements(bytes, from: index)
            }
            guard let end = valueEnd(bytes, from: index) else { return nil }
            index = skipSpace(bytes, end)
            guard index < bytes.count, bytes[index] == UInt8(ascii: ",") else { return nil }
            index += 1
        }
    }

    /// The elements of the array opening at `start`; nil unless the array closes (a truncated
    /// answer is a failed fetch, retried, never a shorter page).
    static func elements(_ bytes: [UInt8], from start: Int) -> [Range<Int>]? {
        var result: [Range<Int>] = []
        var index = skipSpace(bytes, start + 1)
        if index < bytes.count, bytes[index] == UInt8(ascii: "]") { return [] }
        while index < bytes.count {
            guard let end = valueEnd(bytes, from: index), end < bytes.count else { return nil }
            result.append(index..<end)
            index = skipSpace(bytes, end)
            guard index < bytes.count else { return nil }
            if bytes[index] == UInt8(ascii: "]") { return result }
            guard bytes[index] == UInt8(ascii: ",") else { return nil }
            index = skipSpace(bytes, index + 1)
        }
        return nil
    }

    /// The end of the value starting at `start`: past its closing bracket or quote, or at the
    /// delimiter that ends a bare literal (number, true, false, null).
    static func valueEnd(_ bytes: [UInt8], from start: Int) -> Int? {
        guard start < bytes.count else { return nil }
        switch bytes[start] {
        case UInt8(ascii: "\""):
            return stringEnd(bytes, from: start)
        case UInt8(ascii: "["), UInt8(ascii: "{"):
            var depth = 0
            var index = start
            while index < bytes.count {
                switch bytes[index] {
                case UInt8(ascii: "\""):
                    guard let end = stringEnd(bytes, from: index) else { return nil }
                    index = end
                    continue
                case UInt8(ascii: "["), UInt8(ascii: "{"):
                    depth += 1
                case UInt8(ascii: "]"), UInt8(ascii: "}"):
                    depth -= 1
                    if depth == 0 { return index + 1 }
                default:
                    break
                }
                index += 1
            }
            return nil
        default:
            var index = start
            while index < bytes.count, ![UInt8(ascii: ","), UInt8(ascii: "]"), UInt8(ascii: "}")].contains(bytes[index]) {
                index += 1
            }
            return index
        }
    }

    /// Past the closing quote of the string opening at `start`.
    static func stringEnd(_ bytes: [UInt8], from start: Int) -> Int? {
        var index = start + 1
        while index < bytes.count {
            switch bytes[index] {
            case UInt8(ascii: "\\"): index += 2
            case UInt8(ascii: "\""): return index + 1
            default: index += 1
            }
        }
        return nil
    }

    static func skipSpace(_ bytes: [UInt8], _ start: Int) -> Int {
        var index = start
        while index < bytes.count, isSpace(bytes[index]) { index += 1 }
        return index
    }

    /// White space, or a byte of the UTF-8 byte-order mark.
    static func isSpace(_ byte: UInt8) -> Bool {
        byte == 0x20 || byte == 0x0A || byte == 0x0D || byte == 0x09 || byte == 0xEF || byte == 0xBB || byte == 0xBF
    }
}
