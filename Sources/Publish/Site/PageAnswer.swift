import Hummingbird
import NIOCore

/// What a cached page answers to one request: 304 when the client holds it (ETag or date), the
/// gzipped bytes when it accepts them, else the bytes themselves; with its validators. Shared by
/// the cache in front of the router (`CachingResponder`) and the one on the event loop
/// (`CachedPageHandler`), so both answer byte for byte alike.
struct PageAnswer: Sendable {
    var status: HTTPResponse.Status
    var headers: HTTPFields
    var body: ByteBuffer?

    init(_ entry: PageCache.Entry, requestHeaders: HTTPFields) {
        var headers = entry.headers
        headers[.eTag] = entry.etag
        headers[.lastModified] = entry.lastModified
        headers[.vary] = "Accept-Encoding"
        let notModified: Bool
        if let tags = requestHeaders[.ifNoneMatch] {
            notModified = tags == "*" || tags.split(separator: ",").contains { $0.trimmingCharacters(in: .whitespaces) == entry.etag }
        } else {
            notModified = requestHeaders[.ifModifiedSince] == entry.lastModified
        }
        if notModified {
            (status, self.headers, body) = (.notModified, headers, nil)
        } else if let gzipped = entry.gzipped, Self.acceptsGzip(requestHeaders[.acceptEncoding]) {
            headers[.contentEncoding] = "gzip"
            headers[.contentLength] = String(gzipped.readableBytes)
            (status, self.headers, body) = (entry.status, headers, gzipped)
        } else {
            headers[.contentLength] = String(entry.body.readableBytes)
            (status, self.headers, body) = (entry.status, headers, entry.body)
        }
    }

    /// `gzip` named in Accept-Encoding without `q=0`.
    static func acceptsGzip(_ header: String?) -> Bool {
        guard let header else { return false }
        return header.split(separator: ",").contains { part in
            let pieces = part.split(separator: ";").map { $0.trimmingCharacters(in: .whitespaces).lowercased() }
            return pieces.first == "gzip" && !pieces.dropFirst().contains { $0 == "q=0" || $0 == "q=0.0" || $0 == "q=0.000" }
        }
    }
}
