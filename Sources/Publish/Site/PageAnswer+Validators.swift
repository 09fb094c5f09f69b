import Hummingbird
import NIOHTTP1

extension PageAnswer {
    /// The request headers that decide which answer a cached page gives, read from either kind of
    /// request head: HTTP types (the application) or NIO's HTTP/1 (the event-loop handler).
    struct Validators: Sendable {
        var ifNoneMatch: String?
        var ifModifiedSince: String?
        var acceptEncoding: String?

        init(ifNoneMatch: String? = nil, ifModifiedSince: String? = nil, acceptEncoding: String? = nil) {
            (self.ifNoneMatch, self.ifModifiedSince, self.acceptEncoding) = (ifNoneMatch, ifModifiedSince, acceptEncoding)
        }

        init(_ fields: HTTPFields) {
            self.init(ifNoneMatch: fields[.ifNoneMatch], ifModifiedSince: fields[.ifModifiedSince], acceptEncoding: fields[.acceptEncoding])
        }

        /// Repeated fields are combined with ", ", as `HTTPFields` combines them.
        init(_ headers: HTTPHeaders) {
            func combined(_ name: String) -> String? {
                let values = headers[name]
                return values.isEmpty ? nil : values.joined(separator: ", ")
            }
            self.init(ifNoneMatch: combined("If-None-Match"), ifModifiedSince: combined("If-Modified-Since"), acceptEncoding: combined("Accept-Encoding"))
        }
    }
}
