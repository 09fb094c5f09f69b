import Foundation
import Hummingbird
import NIOCore
import NIOEmbedded
import NIOHTTPTypes
@testable import Publish
import Synchronization
import Testing

@Suite("CachedPageHandler: cached pages answered on the event loop, in order")
struct CachedPageHandlerTests {
    static let page = PageCache.Entry(
        generation: 1, status: .ok, headers: [.contentType: "text/html; charset=utf-8"], body: ByteBuffer(string: "<p>page</p>"),
        gzipped: nil, etag: "\"abc\"", lastModified: "Tue, 01 Dec 2026 00:00:00 GMT", stored: 0)

    static func channel() throws -> EmbeddedChannel {
        let handler = CachedPageHandler(serverName: "EnbekshiQazaQ") { head in
            head.path == "/cached" ? (page, PageAnswer.variant(of: page, for: head.headerFields)) : nil
        }
        return EmbeddedChannel(handler: handler)
    }

    static func request(_ path: String, _ headers: HTTPFields = [:]) -> HTTPRequest {
        HTTPRequest(method: .get, scheme: nil, authority: "127.0.0.1", path: path, headerFields: headers)
    }

    @Test("a cached page is answered with its validators, Date and Server, and the request goes no further")
    func answers() throws {
        let channel = try Self.channel()
        try channel.writeInbound(HTTPRequestPart.head(Self.request("/cached")))
        try channel.writeInbound(HTTPRequestPart.end(nil))
        #expect(try channel.readInbound(as: HTTPRequestPart.self) == nil)
        guard case .head(let head) = try channel.readOutbound(as: HTTPResponsePart.self) else {
            Issue.record("no response head")
            return
        }
        #expect(head.status == .ok)
        #expect(head.headerFields[.eTag] == "\"abc\"" && head.headerFields[.contentLength] == "11")
        #expect(head.headerFields[.server] == "EnbekshiQazaQ" && head.headerFields[.date]?.hasSuffix(" GMT") == true)
        #expect(try channel.readOutbound(as: HTTPResponsePart.self) == .body(ByteBuffer(string: "<p>page</p>")))
        #expect(try channel.readOutbound(as: HTTPResponsePart.self) == .end(nil))

        // The client's copy is current: 304 without a body.
        try channel.writeInbound(HTTPRequestPart.head(Self.request("/cached", [.ifNoneMatch: "\"abc\""])))
        try channel.writeInbound(HTTPRequestPart.end(nil))
        guard case .head(let notModified) = try channel.readOutbound(as: HTTPResponsePart.self) else {
            Issue.record("no 304 head")
            return
        }
        #expect(notModified.status == .notModified)
        #expect(try channel.readOutbound(as: HTTPResponsePart.self) == .end(nil))
        _ = try channel.finish()
    }

    @Test("other requests go on to the application; while one is unanswered, cached pages wait their turn")
    func order() throws {
        let channel = try Self.channel()
        try channel.writeInbound(HTTPRequestPart.head(Self.request("/other")))
        try channel.writeInbound(HTTPRequestPart.body(ByteBuffer(string: "x")))
        try channel.writeInbound(HTTPRequestPart.end(nil))
        #expect(try channel.readInbound(as: HTTPRequestPart.self) == .head(Self.request("/other")))
        #expect(try channel.readInbound(as: HTTPRequestPart.self) == .body(ByteBuffer(string: "x")))
        #expect(try channel.readInbound(as: HTTPRequestPart.self) == .end(nil))
        // Pipelined behind it: handed on too, so the answers keep their order.
        try channel.writeInbound(HTTPRequestPart.head(Self.request("/cached")))
        try channel.writeInbound(HTTPRequestPart.end(nil))
        #expect(try channel.readInbound(as: HTTPRequestPart.self) == .head(Self.request("/cached")))
        #expect(try channel.readInbound(as: HTTPRequestPart.self) == .end(nil))
        #expect(try channel.readOutbound(as: HTTPResponsePart.self) == nil)
        // The application answers both; then the cache answers again.
        for _ in 0..<2 {
            try channel.writeOutbound(HTTPResponsePart.head(HTTPResponse(status: .ok)))
            try channel.writeOutbound(HTTPResponsePart.end(nil))
        }
        for _ in 0..<4 { _ = try channel.readOutbound(as: HTTPResponsePart.self) }
        try channel.writeInbound(HTTPRequestPart.head(Self.request("/cached")))
        try channel.writeInbound(HTTPRequestPart.end(nil))
        #expect(try channel.readInbound(as: HTTPRequestPart.self) == nil)
        guard case .head(let head) = try channel.readOutbound(as: HTTPResponsePart.self) else {
            Issue.record("not answered from the cache")
            return
        }
        #expect(head.status == .ok)
        _ = try channel.finish()
    }

    @Test("a request that closes the connection is left to the application, which closes it")
    func connectionClose() throws {
        let channel = try Self.channel()
        let closing = Self.request("/cached", [.connection: "close"])
        try channel.writeInbound(HTTPRequestPart.head(closing))
        #expect(try channel.readInbound(as: HTTPRequestPart.self) == .head(closing))
        #expect(try channel.readOutbound(as: HTTPResponsePart.self) == nil)
        _ = try channel.finish()
    }

    @Test("a connection's answers follow the cached entry even within one second")
    func answersFollowTheEntry() throws {
        let current = Mutex(Self.page)
        let channel = EmbeddedChannel(handler: CachedPageHandler(serverName: nil) { head in
            let entry = current.withLock { $0 }
            return (entry, PageAnswer.variant(of: entry, for: head.headerFields))
        })
        func lastModified() throws -> String? {
            try channel.writeInbound(HTTPRequestPart.head(Self.request("/cached")))
            try channel.writeInbound(HTTPRequestPart.end(nil))
            guard case .head(let head) = try channel.readOutbound(as: HTTPResponsePart.self) else { return nil }
            while let part = try channel.readOutbound(as: HTTPResponsePart.self), part != .end(nil) {}
            return head.headerFields[.lastModified]
        }
        #expect(try lastModified() == Self.page.lastModified)
        #expect(try lastModified() == Self.page.lastModified)
        // Rendered again with the same bytes: same ETag, a new date.
        current.withLock { $0.lastModified = "Wed, 02 Dec 2026 00:00:00 GMT" }
        #expect(try lastModified() == "Wed, 02 Dec 2026 00:00:00 GMT")
        _ = try channel.finish()
    }

    /// Records the events that pass it, as Hummingbird's connection state handler would see them.
    final class EventProbe: ChannelInboundHandler, @unchecked Sendable {
        typealias InboundIn = HTTPRequestPart
        var quiesced = 0

        func userInboundEventTriggered(context: ChannelHandlerContext, event: Any) {
            if event is ChannelShouldQuiesceEvent { quiesced += 1 }
            context.fireUserInboundEventTriggered(event)
        }
    }

    @Test("a shutdown waits for an answer being given here; with none, it passes at once")
    func quiesce() throws {
        let channel = try Self.channel()
        let probe = EventProbe()
        try channel.pipeline.syncOperations.addHandler(probe)
        channel.pipeline.fireUserInboundEventTriggered(ChannelShouldQuiesceEvent())
        #expect(probe.quiesced == 1)
        // The head of a cached request has come: the shutdown waits for its answer to be written.
        try channel.writeInbound(HTTPRequestPart.head(Self.request("/cached")))
        channel.pipeline.fireUserInboundEventTriggered(ChannelShouldQuiesceEvent())
        #expect(probe.quiesced == 1)
        try channel.writeInbound(HTTPRequestPart.end(nil))
        #expect(try channel.readOutbound(as: HTTPResponsePart.self) != nil)
        #expect(probe.quiesced == 2)
        _ = try channel.finish()
    }
}
