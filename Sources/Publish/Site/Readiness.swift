import Foundation
import Store

/// What `/readyz` checks: the database answers in time, its schema is this binary's and, where the
/// store announces changes, this node is listening to them. A load
/// balancer sends requests only to a node that is ready; `/livez` only says the process answers.
enum Readiness {
    struct Report: Sendable {
        var ready: Bool
        var lines: [String]
    }

    /// Each check named, one line each; never throws (a failing check is a line of the report).
    /// `listening` is whether this node hears of other nodes' changes (nil where the store announces none).
    static func check(_ store: any NewsStore, listening: Bool? = nil, timeout: Duration = .seconds(2)) async -> Report {
        do {
            let pending = try await withDeadline(timeout) { try await store.pendingMigrations() }
            guard pending.isEmpty else {
                return Report(ready: false, lines: ["database answers", "schema behind: \(pending.count) step(s) to apply with `enbekshi migrate`"])
            }
            // A read of the content, not only of the schema table.
            _ = try await withDeadline(timeout) { try await store.contentGeneration() }
            var lines = ["database answers", "schema current"]
            if let listening {
                guard listening else {
                    return Report(ready: false, lines: lines + ["change listener not connected (pages could go stale)"])
                }
                lines.append("change listener connected")
            }
            return Report(ready: true, lines: lines)
        } catch is DeadlineExceeded {
            return Report(ready: false, lines: ["database did not answer within \(timeout)"])
        } catch {
            return Report(ready: false, lines: ["database fails: \(String(describing: error).prefix(200))"])
        }
    }

    struct DeadlineExceeded: Error {}

    static func withDeadline<T: Sendable>(_ limit: Duration, _ work: @escaping @Sendable () async throws -> T) async throws -> T {
        try await withThrowingTaskGroup(of: T?.self) { group in
            group.addTask { try await work() }
            group.addTask {
                try await Task.sleep(for: limit)
                return nil
            }
            defer { group.cancelAll() }
            guard let first = try await group.next(), let value = first else { throw DeadlineExceeded() }
            return value
        }
    }
}
