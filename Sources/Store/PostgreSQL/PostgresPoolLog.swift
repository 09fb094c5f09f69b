import Foundation
import Logging
import Synchronization

/// The pool's background log, less one line: the pool is started by a task the store makes, and a
/// first query can ask for a connection a moment before that task runs, which PostgresNIO reports
/// as a warning although the request simply waits for the pool. Everything else (a refused
/// password, a lost server) passes through.
struct PostgresPoolLog: LogHandler {
    var wrapped: any LogHandler
    /// Why the pool last failed to open a connection, for the error a command shows.
    let lastFailure: LastFailure
    static let startupRace = "Trying to lease connection from `PostgresClient`, but `PostgresClient.run()` hasn't been called yet."

    final class LastFailure: Sendable {
        private let reason = Mutex<String?>(nil)
        var value: String? { reason.withLock { $0 } }
        func record(_ text: String) { reason.withLock { $0 = text } }
    }

    static func logger(wrapping logger: Logger, lastFailure: LastFailure) -> Logger {
        var filtered = logger
        filtered.handler = PostgresPoolLog(wrapped: logger.handler, lastFailure: lastFailure)
        return filtered
    }

    func log(event: LogEvent) {
        let message = event.message.description
        guard !message.hasSuffix(Self.startupRace) else { return }
        if message.hasSuffix("Connection creation failed"), let error = event.metadata?["psql_error"] {
            lastFailure.record(Self.reason(of: "\(error)"))
        }
        if event.level >= wrapped.logLevel { wrapped.log(event: event) }
    }

    /// The server's own message when there is one ("password authentication failed…"), else the
    /// connection error ("Connection refused").
    static func reason(of error: String) -> String {
        if let start = error.range(of: "message: ")?.upperBound {
            return String(error[start...].prefix { $0 != "," && $0 != ")" })
        }
        if let end = error.range(of: " (errno")?.lowerBound {
            let head = error[..<end].trimmingCharacters(in: CharacterSet(charactersIn: ")"))
            return head.components(separatedBy: ": ").last ?? head
        }
        return error
    }

    subscript(metadataKey key: String) -> Logger.Metadata.Value? {
        get { wrapped[metadataKey: key] }
        set { wrapped[metadataKey: key] = newValue }
    }

    var metadata: Logger.Metadata {
        get { wrapped.metadata }
        set { wrapped.metadata = newValue }
    }

    /// Info at least, so connection failures are seen (and kept) when the log shows only errors.
    var logLevel: Logger.Level {
        get { min(wrapped.logLevel, .info) }
        set { wrapped.logLevel = newValue }
    }
}
