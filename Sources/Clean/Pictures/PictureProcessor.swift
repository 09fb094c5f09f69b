import CVips
import Crypto
import EnbekshiCore

/// Turns untrusted picture bytes from gov.kz into the sizes pages use, with libvips: checked
/// before decoding (size, format, pixel count from the header alone), decoded with shrink-on-load,
/// re-encoded without metadata. Anything else is refused, never crashes the process.
public enum PictureProcessor {
    /// The widths pages ask for; a picture narrower than one of them also gets its own width.
    public static let widths = [320, 640, 1280]
    public static let maximumBytes = 20 * 1024 * 1024
    /// A 50-megapixel photograph passes; a small file claiming more is a decompression bomb.
    public static let maximumPixels = 60_000_000
    static let allowedLoaders: [String: String] = [
        "VipsForeignLoadJpegBuffer": "image/jpeg",
        "VipsForeignLoadPngBuffer": "image/png",
        "VipsForeignLoadWebpBuffer": "image/webp",
        "VipsForeignLoadNsgifBuffer": "image/gif",
        "VipsForeignLoadGifBuffer": "image/gif",
    ]

    private static let started: Bool = enb_vips_start() == 0

    /// The widths a picture `width` pixels wide is stored in.
    public static func variantWidths(forWidth width: Int) -> [Int] {
        let smaller = widths.filter { $0 < width }
        return smaller.count == widths.count ? smaller : smaller + [width]
    }

    /// Blocking CPU work: callers run it off the event loops and the cooperative pool.
    public static func process(_ bytes: [UInt8]) throws(PictureRefusal) -> ProcessedPicture {
        guard !bytes.isEmpty else { throw .empty }
        guard bytes.count <= maximumBytes else { throw .tooLarge(bytes: bytes.count) }
        guard started else { throw .damaged("libvips did not start") }
        let loader: String? = bytes.withUnsafeBytes { buffer in
            enb_vips_loader(buffer.baseAddress, buffer.count).map { String(cString: $0) }
        }
        guard let loader, let originalType = allowedLoaders[loader] else { throw .notAPicture(loader: loader) }
        var width: Int32 = 0
        var height: Int32 = 0
        let header = bytes.withUnsafeBytes { enb_vips_size($0.baseAddress, $0.count, &width, &height) }
        guard header == 0, width > 0, height > 0 else { throw .damaged(lastError()) }
        guard Int(width) * Int(height) <= maximumPixels else { throw .tooManyPixels(width: Int(width), height: Int(height)) }

        var variants: [PictureVariant] = []
        for variantWidth in variantWidths(forWidth: Int(width)) {
            let image = bytes.withUnsafeBytes { enb_vips_thumbnail($0.baseAddress, $0.count, Int32(variantWidth)) }
            guard let image else { throw .damaged(lastError()) }
            defer { enb_vips_release(image) }
            let size = (width: Int(enb_vips_width(image)), height: Int(enb_vips_height(image)))
            for format in PictureFormat.allCases {
                guard let encoded = encode(image, as: format) else { throw .damaged(lastError()) }
                variants.append(PictureVariant(width: size.width, height: size.height, format: format, bytes: encoded))
            }
        }
        return ProcessedPicture(
            hash: hash(of: bytes), width: Int(width), height: Int(height), originalType: originalType,
            original: bytes, variants: variants)
    }

    /// The name of a picture: 128 bits of SHA-256 of the original's bytes, in hex.
    public static func hash(of bytes: [UInt8]) -> String {
        SHA256.hash(data: bytes).prefix(16).map { byte in
            let hex = String(byte, radix: 16)
            return byte < 16 ? "0" + hex : hex
        }.joined()
    }

    private static func encode(_ image: OpaquePointer, as format: PictureFormat) -> [UInt8]? {
        var buffer: UnsafeMutableRawPointer?
        var length = 0
        let failed = switch format {
        case .webp: enb_vips_save_webp(image, &buffer, &length, 72)
        case .jpeg: enb_vips_save_jpeg(image, &buffer, &length, 80)
        }
        guard failed == 0, let buffer else { return nil }
        defer { enb_vips_free(buffer) }
        return Array(UnsafeRawBufferPointer(start: buffer, count: length))
    }

    private static func lastError() -> String {
        let message = enb_vips_error().map { String(cString: $0) } ?? "libvips failed"
        enb_vips_error_clear()
        let trimmed = message.split(whereSeparator: \.isNewline).first.map(String.init) ?? message
        return trimmed.isEmpty ? "libvips failed" : trimmed
    }
}
