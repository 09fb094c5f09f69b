import EnbekshiCore
import Foundation

/// The pictures the fake gov.kz serves under `/uploads/…`, and the demo shows: free photographs
/// bundled with this target (public domain or CC0; see Pictures/LICENSES.md), one chosen per path
/// so that each article keeps its own. A few paths stand for gov.kz's bad files, for tests.
public enum FakePictures {
    /// What the fake answers for a picture path.
    public enum Answer: Sendable, Equatable {
        case picture([UInt8], contentType: String)
        /// An HTML page with status 200 where a picture was expected (gov.kz's error pages).
        case notAPicture
        case missing
    }

    /// The photographs, by file name, in name order.
    public static let photographs: [(name: String, bytes: [UInt8])] = {
        guard let folder = Bundle.module.url(forResource: "Pictures", withExtension: nil),
            let names = try? FileManager.default.contentsOfDirectory(atPath: folder.path)
        else { return [] }
        return names.filter { $0.hasSuffix(".jpg") }.sorted().compactMap { name in
            (try? Data(contentsOf: folder.appendingPathComponent(name))).map { (name, Array($0)) }
        }
    }()

    /// Paths under `/uploads/broken/` answer an HTML page, `/uploads/missing/` 404, `/uploads/bomb/`
    /// a PNG claiming 100,000 × 100,000 pixels; any other path a photograph.
    public static func answer(path: String) -> Answer {
        if path.hasPrefix("/uploads/broken/") { return .notAPicture }
        if path.hasPrefix("/uploads/missing/") || photographs.isEmpty { return .missing }
        if path.hasPrefix("/uploads/bomb/") { return .picture(bomb, contentType: "image/png") }
        return .picture(photograph(for: path).bytes, contentType: "image/jpeg")
    }

    /// The photograph standing in for the picture at `path`.
    public static func photograph(for path: String) -> (name: String, bytes: [UInt8]) {
        photographs[Int(FNV1a.hash(path.utf8) % UInt64(max(1, photographs.count)))]
    }

    /// A PNG header claiming 100,000 × 100,000 pixels over a few bytes of data.
    static let bomb: [UInt8] = {
        func chunk(_ type: String, _ data: [UInt8]) -> [UInt8] {
            let length = UInt32(data.count)
            let body = Array(type.utf8) + data
            return [UInt8(length >> 24), UInt8(length >> 16 & 0xFF), UInt8(length >> 8 & 0xFF), UInt8(length & 0xFF)]
                + body + crc32(body)
        }
        let side: [UInt8] = [0x00, 0x01, 0x86, 0xA0]
        let header = side + side + [8, 2, 0, 0, 0]
        // A stored (uncompressed) zlib block of 16 zero bytes.
        let data: [UInt8] = [0x78, 0x01, 0x01, 0x10, 0x00, 0xEF, 0xFF] + [UInt8](repeating: 0, count: 16) + [0x00, 0x00, 0x00, 0x10]
        return [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A] + chunk("IHDR", header) + chunk("IDAT", data) + chunk("IEND", [])
    }()

    static func crc32(_ bytes: [UInt8]) -> [UInt8] {
        var crc: UInt32 = 0xFFFF_FFFF
        for byte in bytes {
            crc ^= UInt32(byte)
            for _ in 0..<8 { crc = crc & 1 == 1 ? (crc >> 1) ^ 0xEDB8_8320 : crc >> 1 }
        }
        crc ^= 0xFFFF_FFFF
        return [UInt8(crc >> 24), UInt8(crc >> 16 & 0xFF), UInt8(crc >> 8 & 0xFF), UInt8(crc & 0xFF)]
    }
}
