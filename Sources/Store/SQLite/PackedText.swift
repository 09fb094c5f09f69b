import CompressNIO
import EnbekshiCore
import Foundation
import GRDB
import NIOCore

/// Long texts are stored deflated: a BLOB holding zlib's deflate stream. What gov.kz sent (original
/// HTML, raw JSON) is kept for history and re-cleaning; the cleaned body is read once per page
/// rendering (pages are cached) and for search snippets. Rows written before this (TEXT) are read as
/// they are.
enum PackedText {
    /// zlib's fastest level: HTML and JSON still shrink about four times, at a fraction of the
    /// default level's cost on the ingest path.
    static let fastest: ZlibConfiguration = {
        var configuration = ZlibConfiguration()
        configuration.compressionLevel = ZlibConfiguration.CompressionLevel.fastestCompression.rawValue
        return configuration
    }()

    /// Deflated bytes, or nil for nil; text that does not shrink stays text.
    static func pack(_ text: String?) -> DatabaseValue {
        guard let text else { return .null }
        var buffer = ByteBuffer(string: text)
        guard text.utf8.count > 64, let packed = try? buffer.compress(with: .deflate(configuration: fastest)),
            packed.readableBytes < text.utf8.count
        else { return text.databaseValue }
        return Data(packed.readableBytesView).databaseValue
    }

    /// The text of a stored value: inflated from a BLOB, as is from TEXT; nil for NULL or bytes that
    /// do not inflate (logged by the caller's absence of a value, never a crash).
    static func unpack(_ value: DatabaseValue) -> String? {
        switch value.storage {
        case .string(let text): return text
        case .blob(let data):
            var buffer = ByteBuffer(bytes: data)
            guard let inflated = try? buffer.decompress(with: .deflate(), maxSize: 64 << 20), inflated.readableBytes > 0
            else { return nil }
            return String(buffer: inflated)
        default: return nil
        }
    }
}

/// A version's cleaned body, original HTML and raw JSON, packed before the write transaction so the
/// single writer does not spend its time deflating.
struct PackedTexts: Sendable {
    var body: DatabaseValue
    var html: DatabaseValue
    var json: DatabaseValue

    init(_ version: ArticleVersion) {
        body = PackedText.pack(version.bodyHTML)
        html = PackedText.pack(version.originalHTML)
        json = PackedText.pack(RawJSON.stripping(version.rawJSON, original: version.originalHTML))
    }
}
