import NIOCore
import NIOHTTPTypesHTTP1

extension CachedPageHandler {
    /// Puts a `CachedPageHandler` in front of Hummingbird's HTTP-types codec and steps out.
    ///
    /// Why: Hummingbird adds extra handlers only behind that codec, where every request has already
    /// been converted to HTTP types and every answer would be converted back; in front of it a
    /// cached page costs neither conversion.
    final class Installer: ChannelInboundHandler, RemovableChannelHandler {
        typealias InboundIn = NIOAny

        let makeHandler: () -> CachedPageHandler
        /// Put in front of the cached pages, so it sees every request and answer (see `ConnectionGuard`).
        let makeGuard: (() -> ConnectionGuard)?

        init(guard makeGuard: (() -> ConnectionGuard)? = nil, _ makeHandler: @escaping () -> CachedPageHandler) {
            self.makeHandler = makeHandler
            self.makeGuard = makeGuard
        }

        func handlerAdded(context: ChannelHandlerContext) {
            let pipeline = context.pipeline.syncOperations
            // Without the codec (a different Hummingbird) there is no place for it: the
            // application then answers every page, as it can.
            if let codec = try? pipeline.handler(type: HTTP1ToHTTPServerCodec.self) {
                let handler = makeHandler()
                try? pipeline.addHandler(handler, position: .before(codec))
                if let makeGuard { try? pipeline.addHandler(makeGuard(), position: .before(handler)) }
            }
            pipeline.removeHandler(context: context, promise: nil)
        }
    }
}
