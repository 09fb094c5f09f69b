/// What a store throws that callers act on, whatever the engine.
public enum StoreError: Error, CustomStringConvertible {
    case inconsistent(String)
    /// The database did not answer this time (connection lost, server restarting, a statement
    /// over its time limit): the request may be tried again; pages answer 503.
    case unavailable(String)
    /// The database refused a statement, with its own message (a bug, or a schema changed by hand).
    case failed(String)
    /// The row would repeat a unique value (a login already taken).
    case conflict(String)
    /// A write under a lease found the lease taken over (this process stalled past its expiry):
    /// nothing was written; the new holder does the work.
    case leaseLost(String)

    public var description: String {
        switch self {
        case .inconsistent(let message): "store inconsistency: \(message)"
        case .unavailable(let reason): "database unavailable: \(reason)"
        case .failed(let message): "database error: \(message)"
        case .conflict(let message): "already exists: \(message)"
        case .leaseLost(let lease): "lease lost: \(lease)"
        }
    }
}
