import Foundation
import Hummingbird
import HummingbirdCore
import Logging
import NIOCore
import NIOEmbedded
import NIOHTTP1
import NIOHTTPTypes
import NIOHTTPTypesHTTP1
@testable import Publish
import Synchronization
import Testing

@Suite("CachedPageHandler: cached pages answered on the event loop, in order")
struct CachedPageHandlerTests {
    static let page = PageCache.Entry(
        generation: 1, status: .ok, headers: [.contentType: "text/html; charset=utf-8"], body: ByteBuffer(string: "<p>page</p>"),
        gzipped: nil, etag: "\"abc\"", lastModified: "Tue, 01 Dec 2026 00:00:00 GMT", stored: 0)

    static func channel() throws -> EmbeddedChannel {
        EmbeddedChannel(handler: handler())
    }

    static func handler() -> CachedPageHandler {
        CachedPageHandler(serverName: "EnbekshiQazaQ") { head in
            head.uri == "/cached" ? (page, PageAnswer.variant(of: page, for: PageAnswer.Validators(head.headers))) : nil
        }
    }

    static func request(_ path: String, _ headers: HTTPHeaders = [:], version: HTTPVersion = .http1_1) -> HTTPRequestHead {
        var all: HTTPHeaders = ["Host": "127.0.0.1"]
        all.add(contentsOf: headers)
        return HTTPRequestHead(version: version, method: .GET, uri: path, headers: all)
    }

    /// Sends a GET (with `headers`) through `channel` and returns the head of the answer written
    /// back, nil when none was (the request went on instead).
    static func ask(_ channel: EmbeddedChannel, _ path: String = "/cached", _ headers: HTTPHeaders = [:]) throws -> HTTPResponseHead? {
        try channel.writeInbound(HTTPServerRequestPart.head(request(path, headers)))
        try channel.writeInbound(HTTPServerRequestPart.end(nil))
        guard case .head(let head) = try channel.readOutbound(as: HTTPServerResponsePart.self) else { return nil }
        return head
    }

    @Test("a cached page is answered with its validators, Date and Server, and the request goes no further")
    func answers() throws {
        let channel = try Self.channel()
        let head = try #require(try Self.ask(channel))
        #expect(try channel.readInbound(as: HTTPServerRequestPart.self) == nil)
        #expect(head.status == .ok && head.version == .http1_1)
        #expect(head.headers["ETag"] == ["\"abc\""] && head.headers["Content-Length"] == ["11"])
        #expect(head.headers["Server"] == ["EnbekshiQazaQ"] && head.headers["Date"].first?.hasSuffix(" GMT") == true)
        #expect(try channel.readOutbound(as: HTTPServerResponsePart.self) == .body(.byteBuffer(ByteBuffer(string: "<p>page</p>"))))
        #expect(try channel.readOutbound(as: HTTPServerResponsePart.self) == .end(nil))

        // The client's copy is current: 304 without a body.
        let notModified = try #require(try Self.ask(channel, "/cached", ["If-None-Match": "\"abc\""]))
        #expect(notModified.status == .notModified)
        #expect(try channel.readOutbound(as: HTTPServerResponsePart.self) == .end(nil))
        _ = try channel.finish()
    }

    @Test("other requests go on to the application; while one is unanswered, cached pages wait their turn")
    func order() throws {
        let channel = try Self.channel()
        try channel.writeInbound(HTTPServerRequestPart.head(Self.request("/other")))
        try channel.writeInbound(HTTPServerRequestPart.body(ByteBuffer(string: "x")))
        try channel.writeInbound(HTTPServerRequestPart.end(nil))
        #expect(try channel.readInbound(as: HTTPServerRequestPart.self) == .head(Self.request("/other")))
        #expect(try channel.readInbound(as: HTTPServerRequestPart.self) == .body(ByteBuffer(string: "x")))
        #expect(try channel.readInbound(as: HTTPServerRequestPart.self) == .end(nil))
        // Pipelined behind it: handed on too, so the answers keep their order.
        try channel.writeInbound(HTTPServerRequestPart.head(Self.request("/cached")))
        try channel.writeInbound(HTTPServerRequestPart.end(nil))
        #expect(try channel.readInbound(as: HTTPServerRequestPart.self) == .head(Self.request("/cached")))
        #expect(try channel.readInbound(as: HTTPServerRequestPart.self) == .end(nil))
        #expect(try channel.readOutbound(as: HTTPServerResponsePart.self) == nil)
        // The application answers both; then the cache answers again.
        for _ in 0..<2 {
            try channel.writeOutbound(HTTPServerResponsePart.head(HTTPResponseHead(version: .http1_1, status: .ok)))
            try channel.writeOutbound(HTTPServerResponsePart.end(nil))
        }
        for _ in 0..<4 { _ = try channel.readOutbound(as: HTTPServerResponsePart.self) }
        #expect(try Self.ask(channel)?.status == .ok)
        #expect(try channel.readInbound(as: HTTPServerRequestPart.self) == nil)
        _ = try channel.finish()
    }

    @Test("a request that closes the connection, or is not HTTP/1.1, is left to the application")
    func connectionClose() throws {
        for closing in [
            Self.request("/cached", ["Connection": "close"]), Self.request("/cached", version: .http1_0),
            Self.request("/cached", ["Connection": "keep-alive"], version: .http1_0),
        ] {
            let channel = try Self.channel()
            try channel.writeInbound(HTTPServerRequestPart.head(closing))
            #expect(try channel.readInbound(as: HTTPServerRequestPart.self) == .head(closing))
            #expect(try channel.readOutbound(as: HTTPServerResponsePart.self) == nil)
            _ = try channel.finish()
        }
    }

    @Test("in Hummingbird's own HTTP/1 channel the handler stands in front of the HTTP-types codec")
    func hummingbirdPipeline() async throws {
        let configuration = Site.http1Configuration(serverName: nil) { _ in nil }
        let http1 = HTTP1Channel(responder: { _, _, _ in }, configuration: configuration)
        let channel = EmbeddedChannel()
        _ = try await http1.setup(channel: channel, logger: Logger(label: "pipeline-test")).get()
        let pipeline = channel.pipeline.syncOperations
        #expect((try? pipeline.handler(type: CachedPageHandler.Installer.self)) == nil)
        #expect((try? pipeline.handler(type: CachedPageHandler.self)) != nil)
        let order = channel.pipeline.debugDescription
        let handler = try #require(order.range(of: "CachedPageHandler")), codec = try #require(order.range(of: "HTTP1ToHTTPServerCodec"))
        #expect(handler.lowerBound < codec.lowerBound)
        _ = try? channel.finish()
    }

    @Test("the installer puts the handler in front of the HTTP-types codec and leaves the pipeline")
    func installer() throws {
        let channel = EmbeddedChannel()
        let codec = HTTP1ToHTTPServerCodec(secure: false)
        try channel.pipeline.syncOperations.addHandler(codec)
        try channel.pipeline.syncOperations.addHandler(CachedPageHandler.Installer { Self.handler() })
        #expect((try? channel.pipeline.syncOperations.handler(type: CachedPageHandler.Installer.self)) == nil)
        #expect((try? channel.pipeline.syncOperations.handler(type: CachedPageHandler.self)) != nil)
        // A cached page is answered in front of the codec; another request reaches the end converted.
        #expect(try Self.ask(channel)?.status == .ok)
        #expect(try channel.readInbound(as: HTTPRequestPart.self) == nil)
        try channel.writeInbound(HTTPServerRequestPart.head(Self.request("/other")))
        guard case .head(let converted) = try channel.readInbound(as: HTTPRequestPart.self) else {
            Issue.record("not handed on through the codec")
            return
        }
        #expect(converted.path == "/other")
        _ = try channel.finish()
    }

    @Test("a connection's answers follow the cached entry even within one second")
    func answersFollowTheEntry() throws {
        let current = Mutex(Self.page)
        let channel = EmbeddedChannel(handler: CachedPageHandler(serverName: nil) { head in
            let entry = current.withLock { $0 }
            return (entry, PageAnswer.variant(of: entry, for: PageAnswer.Validators(head.headers)))
        })
        func lastModified() throws -> String? {
            guard let head = try Self.ask(channel) else { return nil }
            while let part = try channel.readOutbound(as: HTTPServerResponsePart.self), part != .end(nil) {}
            return head.headers["Last-Modified"].first
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
        typealias InboundIn = HTTPServerRequestPart
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
        try channel.writeInbound(HTTPServerRequestPart.head(Self.request("/cached")))
        channel.pipeline.fireUserInboundEventTriggered(ChannelShouldQuiesceEvent())
        #expect(probe.quiesced == 1)
        try channel.writeInbound(HTTPServerRequestPart.end(nil))
        #expect(try channel.readOutbound(as: HTTPServerResponsePart.self) != nil)
        #expect(probe.quiesced == 2)
        _ = try channel.finish()
    }
}
