import EnbekshiCore
import Foundation
import Metrics
import Store
import Synchronization

/// What the harvest records for `/metrics`: requests to gov.kz by outcome, items by what became
/// of them, and the lag from publication to storage.
enum HarvestMetrics {
    enum Outcome: String {
        case ok, throttled = "429", serverError = "5xx", timeout, badJSON = "bad_json", other

        init(_ error: GovKzError) {
            switch error {
            case .http(429, _): self = .throttled
            case .http(let status, _) where status >= 500: self = .serverError
            case .timeout: self = .timeout
            case .malformedJSON, .notJSON: self = .badJSON
            default: self = .other
            }
        }
    }

    static func request(_ outcome: Outcome) {
        Counter(label: "harvest_requests_total", dimensions: [("outcome", outcome.rawValue)]).increment()
        Tally.current?.add(outcome)
    }

    /// Every request's outcome within one poll (retries included), for its hourly record: set for
    /// the poll's task, so the client needs no knowledge of who asked.
    final class Tally: Sendable {
        @TaskLocal static var current: Tally?
        private let counts = Mutex<[Outcome: Int]>([:])

        func add(_ outcome: Outcome) { counts.withLock { $0[outcome, default: 0] += 1 } }
        var all: [Outcome: Int] { counts.withLock { $0 } }
    }

    /// Picture downloads by outcome; apart from `harvest_requests_total`, which counts news calls.
    static func picture(_ outcome: Outcome) {
        Counter(label: "harvest_picture_requests_total", dimensions: [("outcome", outcome.rawValue)]).increment()
    }

    /// What the picture queue made of a fetched file: stored, retried later, or refused.
    static func pictureResult(_ result: String) {
        Counter(label: "harvest_pictures_total", dimensions: [("result", result)]).increment()
    }

    static func items(new: Int, updated: Int, rejected: Int) {
        for (result, count) in [("new", new), ("updated", updated), ("rejected", rejected)] where count > 0 {
            Counter(label: "harvest_items_total", dimensions: [("result", result)]).increment(by: count)
        }
    }

    /// Seconds from gov.kz's publication time to now, for items just stored.
    static func lag(seconds lags: [Double]) {
        let timer = Metrics.Timer(label: "harvest_lag_seconds")
        for lag in lags { timer.recordSeconds(lag) }
    }

    /// A poll's figures for the store's hourly record (`HarvestFigures`): its requests by outcome
    /// (`Tally`), items and lags.
    static func figures(of report: FeedReport, requests: [Outcome: Int], source: String, lags: [Double], at now: Date = Date()) -> HarvestHour {
        var figures = HarvestHour(hour: now, source: source)
        figures.requests = requests.values.reduce(0, +)
        figures.ok = requests[.ok] ?? 0
        figures.throttled = requests[.throttled] ?? 0
        figures.serverErrors = requests[.serverError] ?? 0
        figures.timeouts = requests[.timeout] ?? 0
        figures.badJSON = requests[.badJSON] ?? 0
        figures.otherErrors = requests[.other] ?? 0
        figures.itemsNew = report.inserted
        figures.itemsUpdated = report.updated
        figures.itemsRejected = report.rejected
        figures.lagCount = lags.count
        figures.lagSecondsSum = lags.reduce(0, +)
        figures.lagSecondsMax = lags.max() ?? 0
        return figures
    }
}
