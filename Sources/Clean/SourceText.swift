/// A rough count of the text an HTML body visibly carries, without parsing it: letters and digits
/// outside tags, comments and the elements the cleaner drops whole (scripts, styles, forms, Word's
/// `o:`/`w:` islands). Compared with what cleaning kept, it tells when text was lost.
///
/// It runs on every ingested body, so it reads UTF-8 bytes: an ASCII letter or digit counts one,
/// and so does every non-ASCII character (gov.kz's are nearly all Cyrillic letters). The text kept
/// is counted by the same rule, so the two counts compare.
enum SourceText {
    /// Below this many letters a difference is noise (an image caption, a stray word).
    static let minimumForLoss = 40

    static func letterCount(text: String) -> Int {
        var copy = text
        return copy.withUTF8 { bytes in bytes.reduce(0) { $0 + (isCounted($1) ? 1 : 0) } }
    }

    static func letterCount(html: String) -> Int {
        var copy = html
        return copy.withUTF8 { bytes in
            var count = 0
            var index = 0
            var name: [UInt8] = []
            name.reserveCapacity(16)
            while index < bytes.count {
                let byte = bytes[index]
                if byte == UInt8(ascii: "<") {
                    index = skipMarkup(bytes, from: index, name: &name)
                } else if byte == UInt8(ascii: "&") {
                    index = skipEntity(bytes, from: index)
                } else {
                    if isCounted(byte) { count += 1 }
                    index += 1
                }
            }
            return count
        }
    }

    /// An ASCII letter or digit, or the first byte of a non-ASCII character.
    @inline(__always)
    static func isCounted(_ byte: UInt8) -> Bool {
        byte >= 0xC0 || (byte >= 0x30 && byte <= 0x39) || ((byte | 0x20) >= 0x61 && (byte | 0x20) <= 0x7A)
    }

    /// Past an entity (`&nbsp;`, `&#1234;`, `&laquo;`: one character at most, not counted), or past
    /// the `&` alone when none follows.
    static func skipEntity(_ bytes: UnsafeBufferPointer<UInt8>, from start: Int) -> Int {
        var index = start + 1
        while index < bytes.count, index - start <= 12, isNameByte(bytes[index]) || bytes[index] == UInt8(ascii: "#") { index += 1 }
        return index < bytes.count && bytes[index] == UInt8(ascii: ";") && index > start + 1 ? index + 1 : start + 1
    }

    /// Past a tag, a comment, or a dropped element with everything in it.
    /// `name` is scratch space for the tag's name, reused from tag to tag.
    static func skipMarkup(_ bytes: UnsafeBufferPointer<UInt8>, from start: Int, name: inout [UInt8]) -> Int {
        var index = start + 1
        if index + 2 < bytes.count, bytes[index] == UInt8(ascii: "!"), bytes[index + 1] == UInt8(ascii: "-"), bytes[index + 2] == UInt8(ascii: "-") {
            return find(bytes, Self.commentEnd, from: index + 3).map { $0 + 3 } ?? bytes.count
        }
        name.removeAll(keepingCapacity: true)
        while index < bytes.count, isNameByte(bytes[index]) || bytes[index] == UInt8(ascii: ":") {
            name.append(bytes[index] | (bytes[index] >= 0x41 && bytes[index] <= 0x5A ? 0x20 : 0))
            index += 1
        }
        // A `<` that opens no tag is text, as a browser reads it.
        guard !name.isEmpty || (index < bytes.count && [UInt8(ascii: "/"), UInt8(ascii: "!"), UInt8(ascii: "?")].contains(bytes[index]))
        else { return start + 1 }
        guard let close = bytes[index...].firstIndex(of: UInt8(ascii: ">")) else { return bytes.count }
        // Tag names are short: as a String they stay inline, with no allocation.
        guard !name.isEmpty, TreeWalker.isDropped(String(decoding: name, as: UTF8.self)) else { return close + 1 }
        // Self-closed (`<o:p/>`): nothing inside.
        if bytes[close - 1] == UInt8(ascii: "/") { return close + 1 }
        // Unclosed, it holds the rest of the body, as the parser reads it and the cleaner drops it.
        return find(bytes, [UInt8(ascii: "<"), UInt8(ascii: "/")] + name, from: close + 1, foldingCase: true) ?? bytes.count
    }

    static func isNameByte(_ byte: UInt8) -> Bool {
        (byte >= 0x30 && byte <= 0x39) || ((byte | 0x20) >= 0x61 && (byte | 0x20) <= 0x7A)
    }

    /// Where `pattern` (lower case when `foldingCase`) first occurs from `start`, A–Z read as a–z
    /// when folding.
    static func find(_ bytes: UnsafeBufferPointer<UInt8>, _ pattern: [UInt8], from start: Int, foldingCase: Bool = false) -> Int? {
        guard !pattern.isEmpty, bytes.count >= pattern.count else { return nil }
        var index = start
        while index + pattern.count <= bytes.count {
            var matched = 0
            while matched < pattern.count {
                let byte = bytes[index + matched]
                let folded = foldingCase && byte >= 0x41 && byte <= 0x5A ? byte | 0x20 : byte
                guard folded == pattern[matched] else { break }
                matched += 1
            }
            if matched == pattern.count { return index }
            index += 1
        }
        return nil
    }

    static let commentEnd = Array("-->".utf8)
}
