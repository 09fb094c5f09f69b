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
                .init("X-Content-Type-Options")!: "nosniff",
            ],
            body: .init(byteBuffer: ByteBuffer(string: body)))
    }
}
