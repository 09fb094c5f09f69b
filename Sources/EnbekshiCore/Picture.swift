/// A file format the site serves pictures in. WebP is what browsers take first; JPEG is the
/// fallback every browser reads.
public enum PictureFormat: String, Sendable, CaseIterable, Codable {
    case webp
    case jpeg

    public var contentType: String { self == .webp ? "image/webp" : "image/jpeg" }
    public var fileExtension: String { self == .webp ? "webp" : "jpg" }

    public init?(fileExtension: some StringProtocol) {
        switch fileExtension {
        case "webp": self = .webp
        case "jpg": self = .jpeg
        default: return nil
        }
    }
}

/// One stored size of a picture.
public struct PictureVariant: Sendable, Equatable {
    public var width: Int
    public var height: Int
    public var format: PictureFormat
    public var bytes: [UInt8]

    public init(width: Int, height: Int, format: PictureFormat, bytes: [UInt8]) {
        self.width = width
        self.height = height
        self.format = format
        self.bytes = bytes
    }

    /// The variant's name in the media URL and the store: "640.webp".
    public var name: String { "\(width).\(format.fileExtension)" }
}

/// A fetched picture made safe to serve: the original as gov.kz sent it and the sizes pages use,
/// named by the hash of the original's bytes.
public struct ProcessedPicture: Sendable, Equatable {
    public var hash: String
    public var width: Int
    public var height: Int
    public var originalType: String
    public var original: [UInt8]
    public var variants: [PictureVariant]

    public init(hash: String, width: Int, height: Int, originalType: String, original: [UInt8], variants: [PictureVariant]) {
        self.hash = hash
        self.width = width
        self.height = height
        self.originalType = originalType
        self.original = original
        self.variants = variants
    }
}

/// What a page needs to show a stored picture: its hash, its shape and the widths it exists in
/// (each in every `PictureFormat`).
public struct PictureReference: Sendable, Equatable, Hashable {
    public var hash: String
    public var width: Int
    public var height: Int
    public var widths: [Int]

    public init(hash: String, width: Int, height: Int, widths: [Int]) {
        self.hash = hash
        self.width = width
        self.height = height
        self.widths = widths
    }

    /// The widths it is served in: those stored, or its own when none are listed.
    public var servedWidths: [Int] { widths.isEmpty ? [width] : widths }

    /// The largest served width, and the height at that width.
    public var largestSize: (width: Int, height: Int) {
        let largest = widths.last ?? width
        return (largest, width > 0 ? height * largest / width : height)
    }
}

extension PictureReference {
    /// Widths as the store keeps them: "320,640,1000".
    public static func widths(_ stored: String?) -> [Int] {
        (stored ?? "").split(separator: ",").compactMap { Int($0) }.sorted()
    }
}
