import EnbekshiCore
import Foundation
import HeapModule

/// When to read each feed (a source in one language) next.
///
/// Each feed's publishing rate is learned from what its polls find, with old evidence fading, and
/// polls are spread so that busy feeds are read often and quiet ones rarely, within a budget of
/// requests per second. For items arriving at rate λᵢ and a feed read every Tᵢ seconds an item
/// waits Tᵢ/2 on average; minimising the total wait Σ λᵢTᵢ/2 under a fixed number of polls
/// Σ 1/Tᵢ = B gives Tᵢ = C/√λᵢ, with C chosen so the budget is met once every interval is held
/// between the shortest and the longest allowed.
public struct PollSchedule: Sendable {
    public struct Feed: Hashable, Sendable, CustomStringConvertible {
        public var source: String
        public var language: Language

        public init(source: String, language: Language) {
            self.source = source
            self.language = language
        }

        public var description: String { "\(source)/\(language.rawValue)" }
    }

    public struct Settings: Sendable {
        /// List polls per second, on average, across all feeds.
        public var requestsPerSecond = 1.5
        public var minimumInterval: TimeInterval = 60
        /// Even a silent feed is read this often (a body that wakes up is noticed within a day).
        public var maximumInterval: TimeInterval = 86_400
        /// How fast old evidence fades (e-folding time of the item count and of the time watched).
        public var memory: TimeInterval = 14 * 86_400
        /// What is assumed of a feed nothing is known about: half an item in thirty days.
        public var priorItems = 0.5
        public var priorSeconds: TimeInterval = 30 * 86_400

        public init() {}
    }

    struct State: Sendable {
        var items: Double
        var watched: TimeInterval
        var lastPoll: Date
        var generation = 0
    }

    struct Entry: Comparable, Sendable {
        var due: Date
        var feed: Feed
        var generation: Int
        static func < (a: Entry, b: Entry) -> Bool { a.due < b.due }
        static func == (a: Entry, b: Entry) -> Bool { a.due == b.due && a.feed == b.feed && a.generation == b.generation }
    }

    public var settings: Settings
    private var states: [Feed: State] = [:]
    private var queue = Heap<Entry>()
    /// C of Tᵢ = C/√λᵢ; recomputed by `rebalance()`.
    private(set) var scale: Double = 1
    private var pollsSinceRebalance = 0

    /// `history` gives what is already known of a feed: items seen over a span of seconds (from the
    /// store's own records).
    public init(feeds: [Feed], settings: Settings = Settings(), now: Date, history: [Feed: (items: Double, seconds: TimeInterval)] = [:]) {
        self.settings = settings
        for feed in feeds {
            let known = history[feed]
            states[feed] = State(items: known?.items ?? 0, watched: known?.seconds ?? 0, lastPoll: now)
        }
        rebalance()
        for feed in feeds {
            // A feed never read is due now (the request budget spaces these first reads out).
            queue.insert(Entry(due: firstDue(feed, now: now, known: history[feed] != nil), feed: feed, generation: 0))
        }
    }

    /// When a feed is first due: a feed never read at once, a known one at a fixed fraction of its
    /// interval (from its name, so runs repeat and known feeds do not all fall due together).
    public func firstDue(_ feed: Feed, now: Date, known: Bool) -> Date {
        let fraction = known ? Double(FNV1a.hash(feed.description.utf8) % 10_000) / 10_000 : 0
        return now.addingTimeInterval(interval(feed) * fraction)
    }

    public var feedCount: Int { states.count }

    /// Items per second the feed is believed to publish.
    public func rate(_ feed: Feed) -> Double {
        guard let state = states[feed] else { return settings.priorItems / settings.priorSeconds }
        return (state.items + settings.priorItems) / (state.watched + settings.priorSeconds)
    }

    /// Seconds between two polls of the feed at the current rates and budget.
    public func interval(_ feed: Feed) -> TimeInterval {
        clamp(scale / rate(feed).squareRoot())
    }

    /// The feed to read next and when; nil when there are no feeds.
    public mutating func next() -> (feed: Feed, due: Date)? {
        while let top = queue.min {
            if states[top.feed]?.generation == top.generation { return (top.feed, top.due) }
            _ = queue.removeMin()
        }
        return nil
    }

    /// Records a poll of `feed` at `time` that found `newItems` items we did not have, and schedules
    /// its next one.
    public mutating func polled(_ feed: Feed, at time: Date, newItems: Int) {
        var state = states[feed] ?? State(items: 0, watched: 0, lastPoll: time)
        let elapsed = max(0, time.timeIntervalSince(state.lastPoll))
        let fade = exp(-elapsed / settings.memory)
        state.items = state.items * fade + Double(newItems)
        state.watched = state.watched * fade + elapsed
        state.lastPoll = time
        state.generation += 1
        states[feed] = state
        pollsSinceRebalance += 1
        if pollsSinceRebalance >= 500 { rebalance() }
        queue.insert(Entry(due: time.addingTimeInterval(interval(feed)), feed: feed, generation: state.generation))
    }

    /// Schedules the feed's next poll at `time` without learning anything (the poll failed).
    public mutating func retry(_ feed: Feed, at time: Date) {
        guard var state = states[feed] else { return }
        state.generation += 1
        states[feed] = state
        queue.insert(Entry(due: time, feed: feed, generation: state.generation))
    }

    /// Items found for `feed` some other way (the all-sources listing): they count towards its rate
    /// without moving its next poll.
    public mutating func found(_ feed: Feed, newItems: Int) {
        guard newItems > 0, var state = states[feed] else { return }
        state.items += Double(newItems)
        states[feed] = state
    }

    /// Adds feeds that are not scheduled yet (a source enabled while running); first poll now.
    public mutating func add(_ feeds: [Feed], now: Date) {
        for feed in feeds where states[feed] == nil {
            states[feed] = State(items: 0, watched: 0, lastPoll: now)
            queue.insert(Entry(due: now, feed: feed, generation: 0))
        }
    }

    /// Polls per second the schedule makes at the current rates.
    public var plannedRequestsPerSecond: Double {
        states.keys.reduce(0) { $0 + 1 / interval($1) }
    }

    /// Finds C so that the clamped intervals spend the budget (bisection on a monotone sum).
    public mutating func rebalance() {
        pollsSinceRebalance = 0
        let roots = states.keys.map { rate($0).squareRoot() }
        guard !roots.isEmpty else { return }
        func spend(_ c: Double) -> Double { roots.reduce(0) { $0 + 1 / clamp(c / $1) } }
        var low = 1e-9, high = 1e9
        if spend(high) > settings.requestsPerSecond { scale = high; return }
        if spend(low) < settings.requestsPerSecond { scale = low; return }
        for _ in 0..<100 {
            let middle = (low * high).squareRoot()
            if spend(middle) > settings.requestsPerSecond { low = middle } else { high = middle }
        }
        scale = high
    }

    private func clamp(_ interval: Double) -> Double {
        min(settings.maximumInterval, max(settings.minimumInterval, interval.isFinite ? interval : settings.maximumInterval))
    }
}
