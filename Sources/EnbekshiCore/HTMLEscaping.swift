/// Escaping for text and attribute values in the HTML we emit.
public enum HTMLEscaping {
    /// Works on UTF-8 bytes: only ASCII characters need escaping, and walking grapheme clusters of
    /// Cyrillic text was the largest cost of rendering a page (see BENCHMARKS.md).
    public static func escape(_ text: String) -> String {
        var copy = text
        return copy.withUTF8 { bytes -> String in
            guard bytes.contains(where: needsEscape) else { return text }
            var output: [UInt8] = []
            output.reserveCapacity(bytes.count + 32)
            for byte in bytes {
                switch byte {
                case 0x26: output.append(contentsOf: "&amp;".utf8)
                case 0x3C: output.append(contentsOf: "&lt;".utf8)
                case 0x3E: output.append(contentsOf: "&gt;".utf8)
                case 0x22: output.append(contentsOf: "&quot;".utf8)
                case 0x27: output.append(contentsOf: "&#39;".utf8)
                default: output.append(byte)
                }
            }
            return String(decoding: output, as: UTF8.self)
        }
    }

    @inline(__always)
    static func needsEscape(_ byte: UInt8) -> Bool {
        byte == 0x26 || byte == 0x3C || byte == 0x3E || byte == 0x22 || byte == 0x27
    }

    /// Reverses `escape` (and `&nbsp;`) for text taken from our own sanitised HTML.
    /// One pass over the UTF-8 bytes (it runs on every indexed and every ingested text).
    public static func unescapeBasic(_ html: String) -> String {
        var copy = html
        return copy.withUTF8 { bytes -> String in
            guard bytes.contains(0x26) else { return html }
            var output: [UInt8] = []
            output.reserveCapacity(bytes.count)
            var index = 0
            next: while index < bytes.count {
                if bytes[index] == 0x26 {
                    for (entity, replacement) in entities where index + entity.count <= bytes.count {
                        if bytes[index..<(index + entity.count)].elementsEqual(entity) {
                            output.append(replacement)
                            index += entity.count
                            continue next
                        }
                    }
                }
                output.append(bytes[index])
                index += 1
            }
            return String(decoding: output, as: UTF8.self)
        }
    }

    /// What `escape` writes, and `&nbsp;` (read as a space).
    static let entities: [([UInt8], UInt8)] = [
        ("&lt;", "<"), ("&gt;", ">"), ("&quot;", "\""), ("&#39;", "'"), ("&nbsp;", " "), ("&amp;", "&"),
    ].map { (Array($0.0.utf8), UInt8(ascii: Unicode.Scalar($0.1))) }
}
