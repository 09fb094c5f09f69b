/// The opening of an article for listings, taken from the sanitised body.
enum Lead {
    static let maxLength = 280

    /// Text of the first paragraph, tags removed. The body is our own sanitised HTML, so its text is
    /// already escaped; we only cut it at a word boundary and never inside an entity.
    /// Works on UTF-8 bytes: this runs for every item of every listing.
    static func make(fromBodyHTML html: String) -> String {
        var html = html
        return html.withUTF8 { bytes -> String in
            guard let start = find(Array("<p>".utf8), in: bytes, from: 0) else { return "" }
            let end = find(Array("</p>".utf8), in: bytes, from: start + 3) ?? bytes.count
            var text: [UInt8] = []
            text.reserveCapacity(min(end - start, 2 * maxLength + 8))
            var inTag = false
            var characters = 0
            var lastSpace = 0
            var truncated = false
            for byte in bytes[(start + 3)..<end] {
                if byte == UInt8(ascii: "<") {
                    inTag = true
                    continue
                }
                if byte == UInt8(ascii: ">") {
                    inTag = false
                    continue
                }
                if inTag { continue }
                let isSpace = byte == 0x20 || byte == 0x0A
                if isSpace {
                    if text.isEmpty || text.last == 0x20 { continue }
                    lastSpace = text.count
                    text.append(0x20)
                } else {
                    text.append(byte)
                }
                // Count characters by their first UTF-8 byte.
                if byte & 0xC0 != 0x80 { characters += 1 }
                if characters > maxLength {
                    truncated = true
                    break
                }
            }
            guard truncated else {
                while text.last == 0x20 { text.removeLast() }
                return String(decoding: text, as: UTF8.self)
            }
            text.removeSubrange(lastSpace...)
            // Never end inside an entity such as "&amp;".
            if let ampersand = text.lastIndex(of: UInt8(ascii: "&")), !text[ampersand...].contains(UInt8(ascii: ";")) {
                text.removeSubrange(ampersand...)
            }
            var result = String(decoding: text, as: UTF8.self)
            while let last = result.last, ",;:—–-( ".contains(last) { result.removeLast() }
            return result + "…"
        }
    }

    private static func find(_ needle: [UInt8], in haystack: UnsafeBufferPointer<UInt8>, from: Int) -> Int? {
        guard needle.count <= haystack.count, from <= haystack.count - needle.count else { return nil }
        var index = from
        while index <= haystack.count - needle.count {
            if haystack[index] == needle[0] {
                var matches = true
                for offset in 1..<needle.count where haystack[index + offset] != needle[offset] {
                    matches = false
                    break
                }
                if matches { return index }
            }
            index += 1
        }
        return nil
    }
}
