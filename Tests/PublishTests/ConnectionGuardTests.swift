import EnbekshiCore
import Foundation
import Hummingbird
import HummingbirdTesting
import Logging
import NIOCore
import NIOPosix
import Publish
import Store
import TestSupport
import Testing

/// Idle and slow connections against a real server on 127.0.0.1, over raw sockets.
@Suite("Connections: idle and header timeouts, and the connection cap", .serialized)
struct ConnectionGuardTests {
    /// A raw TCP connection; `isClosed` tells whether the server has closed it.
    final class RawConnection: @unchecked Sendable {
        let descriptor: Int32

        init(port: Int) throws {
            descriptor = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
            var address = sockaddr_in()
            address.sin_family = sa_family_t(AF_INET)
            address.sin_port = in_port_t(UInt16(port).bigEndian)
            address.sin_addr.s_addr = inet_addr("127.0.0.1")
            let result = withUnsafePointer(to: &address) {
                $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { connect(descriptor, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) }
            }
            try #require(result == 0)
            var timeout = timeval(tv_sec: 30, tv_usec: 0)
            setsockopt(descriptor, SOL_SOCKET, SO_RCVTIMEO, &timeout, socklen_t(MemoryLayout<timeval>.size))
        }

        func send(_ text: String) {
            _ = text.utf8CString.withUnsafeBufferPointer { write(descriptor, $0.baseAddress, $0.count - 1) }
        }

        /// Reads until the server closes (true) or nothing comes for the receive timeout (false), on a
        /// thread of its own: a blocking read on the concurrency pool (two threads here) would starve
        /// the server under test, and every other test running beside it.
        func waitForClose() async -> Bool {
            await Self.offPool { self.blockingWaitForClose() }
        }

        /// The first bytes of an answer, read as `waitForClose` reads.
        func readAnswer() async -> String {
            await Self.offPool {
                var buffer = [UInt8](repeating: 0, count: 4096)
                let count = read(self.descriptor, &buffer, buffer.count)
                return String(decoding: buffer.prefix(max(0, count)), as: UTF8.self)
            }
        }

        static func offPool<T: Sendable>(_ work: @escaping @Sendable () -> T) async -> T {
            await withCheckedContinuation { continuation in
                Thread { continuation.resume(returning: work()) }.start()
            }
        }

        private func blockingWaitForClose() -> Bool {
            var buffer = [UInt8](repeating: 0, count: 65536)
            while true {
                let count = read(descriptor, &buffer, buffer.count)
                if count == 0 { return true }
                if count < 0 { return errno == ECONNRESET }
            }
        }

        deinit { close(descriptor) }
    }

    static func withServer(_ limits: ConnectionLimits, _ body: @Sendable (Int) async throws -> Void) async throws {
        let database = try await TemporaryDatabase()
        try await database.store.seed(sources: SourceCatalog.parse("kgd-zhetysu"))
        let logger = Logger(label: "guard-test") { _ in SwiftLogNoOpLogHandler() }
        let app = Site(store: database.store).application(hostname: "127.0.0.1", port: 0, limits: limits, logger: logger)
        try await app.test(.live) { client in
            try await body(try #require(client.port))
        }
        withExtendedLifetime(database) {}
    }

    @Test("a connection that sends nothing, or a head too slowly, is closed; an idle kept-alive one too")
    func timeouts() async throws {
        var limits = ConnectionLimits()
        limits.headerTimeout = .milliseconds(300)
        limits.idleTimeout = .milliseconds(600)
        try await Self.withServer(limits) { port in
            let silent = try RawConnection(port: port)
            #expect(await silent.waitForClose())
            let slow = try RawConnection(port: port)
            slow.send("GET /en HTTP/1.1\r\nHost: x\r\n")
            try await Task.sleep(for: .milliseconds(150))
            slow.send("X-Slow: 1\r\n")
            #expect(await slow.waitForClose())
            // A complete request is answered, then the kept-alive connection closes once idle.
            let idle = try RawConnection(port: port)
            idle.send("GET /healthz HTTP/1.1\r\nHost: x\r\n\r\n")
            #expect(await idle.waitForClose())
        }
    }

    @Test("past the cap, the longest idle connection makes room: readers are still served")
    func cap() async throws {
        var limits = ConnectionLimits()
        limits.maximumConnections = 20
        limits.headerTimeout = .seconds(30)
        limits.idleTimeout = .seconds(30)
        try await Self.withServer(limits) { port in
            let idle = try (0..<40).map { _ in try RawConnection(port: port) }
            try await Task.sleep(for: .milliseconds(200))
            // A normal request on a new connection, with 40 idle ones opened before it.
            let reader = try RawConnection(port: port)
            reader.send("GET /healthz HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n")
            #expect(await reader.readAnswer().hasPrefix("HTTP/1.1 200"))
            // The oldest idle connections were closed to make room.
            for connection in idle.prefix(10) { #expect(await connection.waitForClose()) }
        }
    }
}
