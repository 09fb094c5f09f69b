import Foundation
import Logging

extension WorkLeases {
    /// Runs `work` while renewing `lease` every third of `duration`, so work that outlasts the
    /// lease (a slow read on a loaded machine) is not taken over half-way and its fenced writes
    /// refused. Nil when the lease was lost meanwhile: the work is cancelled, since its writes
    /// would be refused anyway. `now` is the caller's clock.
    public func whileRenewing<T: Sendable>(
        _ lease: Lease, duration: TimeInterval, now: @escaping @Sendable () -> Date = { Date() }, logger: Logger,
        _ work: @escaping @Sendable () async -> T
    ) async -> T? {
        await withTaskGroup(of: T?.self) { group in
            group.addTask { await work() }
            group.addTask {
                var held = lease
                while !Task.isCancelled {
                    do {
                        try await Task.sleep(for: .milliseconds(Int64(duration * 1000 / 3)))
                        guard let renewed = try await renewLeases([held], now: now(), duration: duration).first else {
                            logger.warning("lease lost while working; stopping", metadata: ["lease": "\(held)"])
                            return nil
                        }
                        held = renewed
                    } catch is CancellationError {
                        break
                    } catch {
                        // A failed renewal is tried again; the fence still guards the writes.
                        logger.warning("cannot renew a lease", metadata: ["lease": "\(held)", "error": "\(error)"])
                    }
                }
                return nil
            }
            let first = await group.next() ?? nil
            group.cancelAll()
            return first
        }
    }
}
