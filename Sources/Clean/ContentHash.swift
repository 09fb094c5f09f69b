/// A short stable fingerprint of what gov.kz sent, to notice when an item changes at the source.
/// FNV-1a (64-bit) is enough for change detection and needs no crypto library.
public enum ContentHash {
    public static func of(_ parts: String?...) -> String {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        for part in parts {
            for byte in (part ?? "\u{0}").utf8 {
                hash ^= UInt64(byte)
                hash &*= 0x0000_0100_0000_01B3
            }
            hash ^= 0x1F
            hash &*= 0x0000_0100_0000_01B3
        }
        let hex = String(hash, radix: 16)
        return String(repeating: "0", count: 16 - hex.count) + hex
    }
}
