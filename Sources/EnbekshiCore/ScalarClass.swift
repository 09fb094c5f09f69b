/// Unicode properties of the scalars news text is written in — Latin and Cyrillic with the Kazakh
/// letters, all below U+0500 — from a table built once from the standard library's own answers;
/// other scalars ask the standard library. Its lookups (a table search per call) were a tenth of
/// ingest time, spread over fingerprints, classification and region detection.
public enum ScalarClass {
    @usableFromInline static let alphabetic: UInt8 = 1
    @usableFromInline static let numeric: UInt8 = 2
    @usableFromInline static let uppercase: UInt8 = 4
    @usableFromInline static let changesWhenLowercased: UInt8 = 8
    @usableFromInline static let tableSize: UInt32 = 0x500

    @usableFromInline static let table: [UInt8] = (0..<tableSize).map { value in
        guard let scalar = Unicode.Scalar(value) else { return 0 }
        let properties = scalar.properties
        return (properties.isAlphabetic ? alphabetic : 0) | (properties.numericType != nil ? numeric : 0)
            | (properties.isUppercase ? uppercase : 0) | (properties.changesWhenLowercased ? changesWhenLowercased : 0)
    }

    @inlinable static func flags(_ scalar: Unicode.Scalar) -> UInt8? {
        scalar.value < tableSize ? table[Int(scalar.value)] : nil
    }

    @inlinable public static func isAlphabetic(_ scalar: Unicode.Scalar) -> Bool {
        flags(scalar).map { $0 & alphabetic != 0 } ?? scalar.properties.isAlphabetic
    }

    @inlinable public static func isNumeric(_ scalar: Unicode.Scalar) -> Bool {
        flags(scalar).map { $0 & numeric != 0 } ?? (scalar.properties.numericType != nil)
    }

    @inlinable public static func isUppercase(_ scalar: Unicode.Scalar) -> Bool {
        flags(scalar).map { $0 & uppercase != 0 } ?? scalar.properties.isUppercase
    }

    @inlinable public static func changesWhenLowercased(_ scalar: Unicode.Scalar) -> Bool {
        flags(scalar).map { $0 & changesWhenLowercased != 0 } ?? scalar.properties.changesWhenLowercased
    }

    /// Calls `body` with the lower case of `scalar`: one scalar, or several where Unicode maps it
    /// so ("İ"), as `String.lowercased()` does outside Greek final-sigma context. Per scalar, so
    /// that callers need not lower-case (and copy) a whole text to read its first words.
    @inlinable public static func forEachLowercase(_ scalar: Unicode.Scalar, _ body: (Unicode.Scalar) -> Void) {
        guard changesWhenLowercased(scalar) else { return body(scalar) }
        for lower in scalar.properties.lowercaseMapping.unicodeScalars { body(lower) }
    }
}
