import NIOCore

/// What one connection may hold: the settings of `ConnectionGuard`.
public struct ConnectionLimits: Sendable {
    /// From connecting to a complete first request head.
    public var headerTimeout: TimeAmount = .seconds(10)
    /// From an answer's end to the next request head on a kept-alive connection.
    public var idleTimeout: TimeAmount = .seconds(60)
    public var maximumConnections = 10_000

    public init() {}
}
