import Foundation
import Logging
import NIOCore
import NIOHTTP1
import Synchronization

/// Limits what an idle or slow connection may hold: a complete request head must arrive within
/// `headerTimeout` of connecting and within `idleTimeout` of the last answer, or the connection is
/// closed; past `maximumConnections` a new connection closes the one idle the longest (or itself,
/// when every connection is busy), so idle sockets can never lock readers out.
///
/// It sits in front of every other HTTP handler (installed with `CachedPageHandler`), so it sees
/// every request head and every answer's end, those given on the event loop included.
final class ConnectionGuard: ChannelDuplexHandler, RemovableChannelHandler {
    typealias InboundIn = HTTPServerRequestPart
    typealias InboundOut = HTTPServerRequestPart
    typealias OutboundIn = HTTPServerResponsePart
    typealias OutboundOut = HTTPServerResponsePart

    let limits: ConnectionLimits
    let registry: Registry
    /// Request heads read whose answer has not ended.
    private var open = 0
    private var deadline: Scheduled<Void>?
    private var registered = false

    init(limits: ConnectionLimits, registry: Registry) {
        self.limits = limits
        self.registry = registry
    }

    func handlerAdded(context: ChannelHandlerContext) {
        if context.channel.isActive { start(context) }
    }

    func channelActive(context: ChannelHandlerContext) {
        start(context)
        context.fireChannelActive()
    }

    private func start(_ context: ChannelHandlerContext) {
        guard !registered else { return }
        registered = true
        if let evicted = registry.admit(context.channel, limit: limits.maximumConnections) {
            evicted.close(promise: nil)
            if evicted === context.channel { return }
        }
        arm(context, after: limits.headerTimeout)
    }

    func channelInactive(context: ChannelHandlerContext) {
        deadline?.cancel()
        deadline = nil
        if registered { registry.remove(context.channel) }
        context.fireChannelInactive()
    }

    func handlerRemoved(context: ChannelHandlerContext) {
        deadline?.cancel()
        deadline = nil
    }

    func channelRead(context: ChannelHandlerContext, data: NIOAny) {
        if case .head = unwrapInboundIn(data) {
            open += 1
            if open == 1 {
                deadline?.cancel()
                deadline = nil
                registry.setIdle(context.channel, false)
            }
        }
        context.fireChannelRead(data)
    }

    func write(context: ChannelHandlerContext, data: NIOAny, promise: EventLoopPromise<Void>?) {
        if case .end = unwrapOutboundIn(data), open > 0 {
            open -= 1
            if open == 0 {
                registry.setIdle(context.channel, true)
                arm(context, after: limits.idleTimeout)
            }
        }
        context.write(data, promise: promise)
    }

    private func arm(_ context: ChannelHandlerContext, after delay: TimeAmount) {
        deadline?.cancel()
        let channel = context.channel
        deadline = context.eventLoop.scheduleTask(in: delay) { channel.close(promise: nil) }
    }

    /// Every open connection of a server, and whether each is idle, for the connection cap.
    final class Registry: Sendable {
        private struct Entry {
            var channel: any Channel
            /// Since when it has waited for a request; nil while a request is open.
            var idleSince: UInt64?
        }

        private let entries = Mutex<[ObjectIdentifier: Entry]>([:])
        private let refused = Atomic<Int>(0)
        let logger: Logger

        init(logger: Logger) {
            self.logger = logger
        }

        var count: Int { entries.withLock { $0.count } }

        /// Registers a new connection; past `limit`, returns the connection to close to make room:
        /// the one idle the longest, or the new one itself when none is idle.
        func admit(_ channel: any Channel, limit: Int) -> (any Channel)? {
            let now = DispatchTime.now().uptimeNanoseconds
            let evicted: (any Channel)? = entries.withLock { entries in
                entries[ObjectIdentifier(channel)] = Entry(channel: channel, idleSince: now)
                guard entries.count > limit else { return nil }
                let oldest = entries.values.filter { $0.idleSince != nil && $0.channel !== channel }
                    .min { ($0.idleSince ?? 0) < ($1.idleSince ?? 0) }?.channel ?? channel
                entries[ObjectIdentifier(oldest)] = nil
                return oldest
            }
            if evicted != nil {
                let total = refused.add(1, ordering: .relaxed).newValue
                // Logged at powers of two: a flood of connections must not become a flood of lines.
                if total & (total - 1) == 0 {
                    logger.warning(
                        "connection limit reached: closing the longest idle connection (or the new one)",
                        metadata: ["limit": "\(limit)", "closed_so_far": "\(total)"])
                }
            }
            return evicted
        }

        func setIdle(_ channel: any Channel, _ idle: Bool) {
            let now = DispatchTime.now().uptimeNanoseconds
            entries.withLock { entries in
                entries[ObjectIdentifier(channel)]?.idleSince = idle ? now : nil
            }
        }

        func remove(_ channel: any Channel) {
            _ = entries.withLock { $0.removeValue(forKey: ObjectIdentifier(channel)) }
        }
    }
}
