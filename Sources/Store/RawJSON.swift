import EnbekshiCore
import Foundation

/// gov.kz's answer for an item is kept as JSON beside the original HTML, and its `body` is that
/// same HTML: stored as is, every version held its text twice more (1.5 KB deflated a version at
/// national scale). The stored JSON has the body's value replaced by a marker that no JSON text can
/// contain outside a string — `"body":@original_html` — and the reader puts the original back.
enum RawJSON {
    static let marker = "\"body\":@original_html"

    /// The JSON to store: the body's value replaced when it is the original HTML.
    static func stripping(_ json: String?, original: String?) -> String? {
        guard let json, let original, original.utf8.count >= 64, let encoded = encoded(original) else { return json }
        return replacingFirst("\"body\":" + encoded, with: marker, in: json) ?? json
    }

    /// The JSON as gov.kz sent it (as we serialise it), from its stored form.
    static func restoring(_ stored: String?, original: String?) -> String? {
        guard let stored, let original, Array(stored.utf8).firstOffset(of: Array(marker.utf8)) != nil,
            let encoded = encoded(original)
        else { return stored }
        return replacingFirst(marker, with: "\"body\":" + encoded, in: stored) ?? stored
    }

    /// Byte for byte (Foundation's search would also match canonically equivalent text).
    static func replacingFirst(_ target: String, with replacement: String, in text: String) -> String? {
        let bytes = Array(text.utf8)
        let targetBytes = Array(target.utf8)
        guard let offset = bytes.firstOffset(of: targetBytes) else { return nil }
        var result = [UInt8]()
        result.reserveCapacity(bytes.count - targetBytes.count + replacement.utf8.count)
        result += bytes[..<offset]
        result += replacement.utf8
        result += bytes[(offset + targetBytes.count)...]
        return String(decoding: result, as: UTF8.self)
    }

    /// A string as the item's JSON is written.
    static func encoded(_ text: String) -> String? { StoredJSON.text(text) }
}
