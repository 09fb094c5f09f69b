import Hummingbird
import NIOCore

/// What a cached page answers to one request: 304 when the client holds it (ETag or date), the
/// gzipped bytes when it accepts them, else the bytes themselves; with its validators. Shared by
/// the cache in front of the router (`CachingResponder`) and the one on the event loop
/// (`CachedPageHandler`), so both answer byte for byte alike.
struct PageAnswer: Sendable {
    /// Which of a page's three answers a request gets.
    enum Variant: Sendable, Hashable {
        case full, gzipped, notModified
    }

    var status: HTTPResponse.Status
    var headers: HTTPFields
    var body: ByteBuffer?

    init(_ entry: PageCache.Entry, requestHeaders: HTTPFields) {
        self.init(entry, variant: Self.variant(of: entry, for: Validators(requestHeaders)))
    }

    static func variant(of entry: PageCache.Entry, for request: Validators) -> Variant {
        let notModified: Bool
        if let tags = request.ifNoneMatch {
            // If-None-Match compares weakly (RFC 9110 §13.1.2): `W/"x"` matches `"x"`.
            let ours = Self.opaqueTag(Substring(entry.etag))
            notModified = tags.trimmingCharacters(in: .whitespaces) == "*"
                || tags.split(separator: ",").contains { Self.opaqueTag($0) == ours }
        } else {
            notModified = request.ifModifiedSince == entry.lastModified
        }
        if notModified { return .notModified }
        return entry.gzipped != nil && acceptsGzip(request.acceptEncoding) ? .gzipped : .full
    }

    init(_ entry: PageCache.Entry, variant: Variant) {
        var headers = entry.headers
        headers[.eTag] = entry.etag
        headers[.lastModified] = entry.lastModified
        headers[.vary] = "Accept-Encoding"
        switch (variant, entry.gzipped) {
        case (.notModified, _):
            (status, self.headers, body) = (.notModified, headers, nil)
        case (.gzipped, let gzipped?):
            headers[.contentEncoding] = "gzip"
            headers[.contentLength] = String(gzipped.readableBytes)
            (status, self.headers, body) = (entry.status, headers, gzipped)
        case (.full, _), (.gzipped, nil):
            headers[.contentLength] = String(entry.body.readableBytes)
            (status, self.headers, body) = (entry.status, headers, entry.body)
        }
    }

    /// An entity tag without the weak marker and surrounding space.
    static func opaqueTag(_ tag: Substring) -> Substring {
        let trimmed = tag.drop { $0 == " " || $0 == "\t" }
        let bare = trimmed.hasPrefix("W/") ? trimmed.dropFirst(2) : trimmed
        var end = bare.endIndex
        while end > bare.startIndex, bare[bare.index(before: end)] == " " || bare[bare.index(before: end)] == "\t" {
            end = bare.index(before: end)
        }
        return bare[..<end]
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
