import Foundation
import Hummingbird
import NIOCore
import NIOHTTP1
import NIOHTTPTypesHTTP1

/// Answers a GET for a page the cache already holds on the connection's event loop, before
/// Hummingbird makes a task of the request. Every other request, and a cached page whose content
/// generation must be read again, goes on to the application as before.
///
/// Why: a warm page costs little to find, but each request handed to the application hops from
/// the event loop to a Swift task and back; on two cores that hop was most of the cost of a cached
/// page (Hummingbird answered its 3-byte health check no faster than 0.47 of nginx serving the
/// same bytes). It sits in front of the HTTP-types conversion (see `Installer`) and speaks NIO's own
/// HTTP/1 parts, so an answered request is never converted either way.
///
/// Answers keep their order: while a request handed on is unanswered, later ones are handed on too.
/// Only HTTP/1.1 keep-alive requests are answered here; one that closes the connection is left to
/// the application, which closes it. On a graceful shutdown the connection closes only once the
/// answers given here are written (Hummingbird's connection state handler does not see them).
final class CachedPageHandler: ChannelDuplexHandler, RemovableChannelHandler {
    typealias InboundIn = HTTPServerRequestPart
    typealias InboundOut = HTTPServerRequestPart
    typealias OutboundIn = HTTPServerResponsePart
    typealias OutboundOut = HTTPServerResponsePart

    /// The cached page for a request's head and which of its answers the request gets, when it
    /// can be given from the cache now.
    let lookup: @Sendable (HTTPRequestHead) -> (entry: PageCache.Entry, variant: PageAnswer.Variant)?
    let serverName: String?
    /// Requests handed on whose response has not ended.
    private var handedOn = 0
    /// The answer to give when the current request's end arrives (its parts are dropped until then).
    private var answering: (entry: PageCache.Entry, variant: PageAnswer.Variant)?
    /// The last answer given, complete with its Date: a connection usually asks for the same few
    /// pages, and building the headers was a good part of the cost of an answer.
    private var last: (entry: PageCache.Entry, variant: PageAnswer.Variant, second: Int, head: HTTPResponseHead, body: ByteBuffer?)?
    /// Answers given here and not yet written to the socket.
    private var unwritten = 0
    /// A request to wind down, passed on once the answers given here are written.
    private var heldQuiesce: ChannelShouldQuiesceEvent?

    init(serverName: String?, lookup: @escaping @Sendable (HTTPRequestHead) -> (entry: PageCache.Entry, variant: PageAnswer.Variant)?) {
        self.serverName = serverName
        self.lookup = lookup
    }

    func channelRead(context: ChannelHandlerContext, data: NIOAny) {
        switch unwrapInboundIn(data) {
        case .head(let head):
            if handedOn == 0, head.version == .http1_1, head.isKeepAlive, let answer = lookup(head) {
                answering = answer
                return
            }
            handedOn += 1
            context.fireChannelRead(data)
        case .body:
            if answering == nil { context.fireChannelRead(data) }
        case .end:
            guard let answer = answering else { return context.fireChannelRead(data) }
            answering = nil
            respond(answer, context: context)
        }
    }

    func userInboundEventTriggered(context: ChannelHandlerContext, event: Any) {
        if let quiesce = event as? ChannelShouldQuiesceEvent, unwritten > 0 || answering != nil {
            heldQuiesce = quiesce
            return
        }
        context.fireUserInboundEventTriggered(event)
    }

    func write(context: ChannelHandlerContext, data: NIOAny, promise: EventLoopPromise<Void>?) {
        if case .end = unwrapOutboundIn(data) { handedOn = max(0, handedOn - 1) }
        context.write(data, promise: promise)
    }

    private func respond(_ found: (entry: PageCache.Entry, variant: PageAnswer.Variant), context: ChannelHandlerContext) {
        let started = ContinuousClock.now
        defer {
            Vitals.pageCache("hit_event_loop")
            Vitals.request(
                route: found.entry.route, method: "GET", status: found.variant == .notModified ? 304 : Int(found.entry.status.code),
                duration: ContinuousClock.now - started)
        }
        let now = Date()
        let second = Int(now.timeIntervalSince1970)
        let head: HTTPResponseHead, body: ByteBuffer?
        if let last, last.second == second, last.variant == found.variant, last.entry.isSameAnswer(as: found.entry) {
            (head, body) = (last.head, last.body)
        } else {
            let answer = PageAnswer(found.entry, variant: found.variant)
            var headers = answer.headers
            headers[.date] = HTTPDate.format(now)
            if let serverName { headers[.server] = serverName }
            // Converted as the application's answers are, by the HTTP-types codec's own conversion.
            (head, body) = (HTTPResponseHead(HTTPResponse(status: answer.status, headerFields: headers)), answer.body)
            last = (found.entry, found.variant, second, head, body)
        }
        context.write(wrapOutboundOut(.head(head)), promise: nil)
        if let body { context.write(wrapOutboundOut(.body(.byteBuffer(body))), promise: nil) }
        unwritten += 1
        let written = context.eventLoop.makePromise(of: Void.self)
        context.writeAndFlush(wrapOutboundOut(.end(nil)), promise: written)
        written.futureResult.assumeIsolated().whenComplete { _ in
            self.unwritten -= 1
            if self.unwritten == 0, self.answering == nil, let quiesce = self.heldQuiesce {
                self.heldQuiesce = nil
                context.fireUserInboundEventTriggered(quiesce)
            }
        }
    }
}
