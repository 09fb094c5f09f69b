import Hummingbird
import NIOCore

extension Response {
    /// An HTML page. Pages change when news arrives, so caches may keep them only briefly.
    static func html(_ body: String, status: HTTPResponse.Status = .ok, maxAge: Int = 60) -> Response {
        Response(
            status: status,
            headers: [
                .contentType: "text/html; charset=utf-8",
                .cacheControl: status == .ok ? "public, max-age=\(maxAge)" : "no-store",
            ],
            body: .init(byteBuffer: ByteBuffer(string: body)))
    }

    /// A feed: readers poll it, so a few minutes of caching spares the database.
    static func feed(_ body: String, format: Feed.Format) -> Response {
        text(body, contentType: format.contentType, maxAge: 300)
    }

    /// Text for machines (robots.txt, sitemaps, OPML).
    static func text(_ body: String, contentType: String, maxAge: Int) -> Response {
        Response(
            status: .ok, headers: [.contentType: contentType, .cacheControl: "public, max-age=\(maxAge)"],
            body: .init(byteBuffer: ByteBuffer(string: body)))
    }

    /// Plain text no cache may keep: a health check's answer is about this moment and this node.
    static func uncached(_ body: String, status: HTTPResponse.Status = .ok) -> Response {
        Response(
            status: status, headers: [.contentType: "text/plain; charset=utf-8", .cacheControl: "no-store"],
            body: .init(byteBuffer: ByteBuffer(string: body)))
    }
}
