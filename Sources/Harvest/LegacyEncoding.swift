/// Text that is not UTF-8: where it can be told, Windows-1251 (the Cyrillic code page gov.kz's
/// older editors saved in) is read as such; anything else is reported with where it goes wrong.
enum LegacyEncoding {
    /// The offset of the first byte that breaks UTF-8, nil when all of it is valid.
    static func firstInvalidUTF8(_ bytes: some Collection<UInt8>) -> Int? {
        var iterator = bytes.makeIterator()
        var decoder = UTF8()
        var offset = 0
        var scalarStart = 0
        while true {
            switch decoder.decode(&iterator) {
            case .scalarValue(let scalar):
                offset += UTF8.width(scalar)
                scalarStart = offset
            case .emptyInput:
                return nil
            case .error:
                return scalarStart
            }
        }
    }

    /// Whether bytes that are not UTF-8 read as Windows-1251 Cyrillic: no valid multi-byte UTF-8
    /// sequence at all, and most high bytes are Cyrillic letters (0xC0–0xFF, Ё ё, Kazakh extras).
    static func looksLikeWindows1251(_ bytes: some Collection<UInt8>) -> Bool {
        var high = 0, letters = 0
        for byte in bytes where byte >= 0x80 {
            high += 1
            if byte >= 0xC0 || [0xA8, 0xB8, 0xAA, 0xBA, 0xAF, 0xBF, 0xB2, 0xB3, 0x8A, 0x9A, 0x8E, 0x9E].contains(byte) { letters += 1 }
        }
        // A stray byte or two cannot be told from damage: only a text's worth of Cyrillic can.
        guard high >= 4, letters * 10 >= high * 8 else { return false }
        return !containsUTF8Sequence(bytes)
    }

    static func containsUTF8Sequence(_ bytes: some Collection<UInt8>) -> Bool {
        var previousLead = false
        for byte in bytes {
            if previousLead, (0x80...0xBF).contains(byte) { return true }
            previousLead = (0xC2...0xF4).contains(byte)
        }
        return false
    }

    /// Windows-1251 bytes as a string.
    static func windows1251(_ bytes: some Collection<UInt8>) -> String {
        var scalars = String.UnicodeScalarView()
        for byte in bytes {
            let value: UInt32 = switch byte {
            case 0..<0x80: UInt32(byte)
            case 0xC0...0xFF: 0x0410 + UInt32(byte - 0xC0)
            default: table[Int(byte - 0x80)]
            }
            scalars.append(Unicode.Scalar(value) ?? "\u{FFFD}")
        }
        return String(scalars)
    }

    /// 0x80–0xBF of Windows-1251.
    static let table: [UInt32] = [
        0x0402, 0x0403, 0x201A, 0x0453, 0x201E, 0x2026, 0x2020, 0x2021, 0x20AC, 0x2030, 0x0409, 0x2039, 0x040A, 0x040C, 0x040B, 0x040F,
        0x0452, 0x2018, 0x2019, 0x201C, 0x201D, 0x2022, 0x2013, 0x2014, 0xFFFD, 0x2122, 0x0459, 0x203A, 0x045A, 0x045C, 0x045B, 0x045F,
        0x00A0, 0x040E, 0x045E, 0x0408, 0x00A4, 0x0490, 0x00A6, 0x00A7, 0x0401, 0x00A9, 0x0404, 0x00AB, 0x00AC, 0x00AD, 0x00AE, 0x0407,
        0x00B0, 0x00B1, 0x0406, 0x0456, 0x0491, 0x00B5, 0x00B6, 0x00B7, 0x0451, 0x2116, 0x0454, 0x00BB, 0x0458, 0x0405, 0x0455, 0x0457,
    ]
}
