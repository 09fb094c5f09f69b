import Metrics
import Synchronization

/// Connections of the pool in use and operations waiting for one, for `/metrics`: PostgresNIO's
/// pool reports neither, so every operation of the store is counted on its way in and out.
final class PostgresPoolGauge: Sendable {
    private let counts = Mutex((inUse: 0, waiting: 0))
    private let inUseGauge = Gauge(label: "database_pool_connections", dimensions: [("state", "in_use")])
    private let waitingGauge = Gauge(label: "database_pool_connections", dimensions: [("state", "waiting")])

    /// One operation's passage: waiting until `acquired`, in use until `end`.
    final class Passage: Sendable {
        let gauge: PostgresPoolGauge
        let acquiredFlag = Atomic<Bool>(false)

        init(_ gauge: PostgresPoolGauge) {
            self.gauge = gauge
            gauge.change(inUse: 0, waiting: 1)
        }

        func acquired() {
            if !acquiredFlag.exchange(true, ordering: .relaxed) { gauge.change(inUse: 1, waiting: -1) }
        }

        func end() {
            if acquiredFlag.load(ordering: .relaxed) { gauge.change(inUse: -1, waiting: 0) } else { gauge.change(inUse: 0, waiting: -1) }
        }
    }

    func enter() -> Passage { Passage(self) }

    private func change(inUse: Int, waiting: Int) {
        let now = counts.withLock { counts in
            counts.inUse += inUse
            counts.waiting += waiting
            return counts
        }
        inUseGauge.record(now.inUse)
        waitingGauge.record(now.waiting)
    }
}
