import EnbekshiCore

/// A short stable fingerprint of what gov.kz sent, to notice when an item changes at the source.
/// FNV-1a (64-bit) is enough for change detection and needs no crypto library.
public enum ContentHash {
    public static func of(_ parts: String?...) -> String {
        var hasher = FNV1a()
        for part in parts {
            hasher.add((part ?? "\u{0}").utf8)
            hasher.add(0x1F)
        }
        let hex = String(hasher.value, radix: 16)
        return String(repeating: "0", count: 16 - hex.count) + hex
    }
}
