import EnbekshiCore
import Foundation
import Logging
import ServiceLifecycle
import Store

/// Once-only periodic work when several processes share a database: whichever holds the leader's
/// lease (a row with an owner and an expiry, renewed every few seconds) runs the duties; when it
/// dies, another takes over within `duration`. Each duty gets the lease, to fence its writes.
struct Leadership: Service {
    struct Duty: Sendable {
        var name: String
        var interval: TimeInterval
        var work: @Sendable (Lease) async -> Void
    }

    let leases: any WorkLeases
    let owner: String
    let duties: [Duty]
    /// Seconds the lease lasts without renewal.
    var duration: TimeInterval = 30
    var renewal: TimeInterval = 5
    var now: @Sendable () -> Date = { Date() }
    let logger: Logger

    func run() async throws {
        await cancelWhenGracefulShutdown {
            var due = [Date](repeating: .distantPast, count: duties.count)
            var leading = false
            while !Task.isCancelled {
                do {
                    let lease = try await leases.claimLease(name: Lease.leaderName, owner: owner, now: now(), duration: duration)
                    if (lease != nil) != leading {
                        leading = lease != nil
                        logger.info(leading ? "leading: running the once-only duties" : "no longer leading", metadata: ["owner": "\(owner)"])
                    }
                    if let lease {
                        for (index, duty) in duties.enumerated() where due[index] <= now() {
                            if Task.isCancelled { return }
                            // Renewed while the duty runs: a duty longer than the lease (the
                            // listing read on a loaded machine) would otherwise hand leadership to
                            // another worker half-way, every time, and have its writes refused.
                            let finished = await leases.whileRenewing(lease, duration: duration, now: now, logger: logger) {
                                await duty.work(lease)
                                return true
                            }
                            if finished != true { break }
                            due[index] = now().addingTimeInterval(duty.interval)
                        }
                    }
                } catch {
                    if Task.isCancelled { return }
                    if leading { logger.warning("cannot renew the leader's lease", metadata: ["error": "\(error)"]) }
                    leading = false
                }
                do { try await Task.sleep(for: .milliseconds(Int64(renewal * 1000))) } catch { return }
            }
        }
    }
}
