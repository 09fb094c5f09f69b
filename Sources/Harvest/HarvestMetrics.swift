import EnbekshiCore
import Foundation
import Metrics

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
    }

    static func items(new: Int, updated: Int, rejected: Int) {
        for (result, count) in [("new", new), ("updated", updated), ("rejected", rejected)] where count > 0 {
            Counter(label: "harvest_items_total", dimensions: [("result", result)]).increment(by: count)
        }
    }

    /// Seconds from gov.kz's publication time to now, for items just stored.
    static func lag(published: [GovKzDate], now: Date = Date()) {
        let timer = Metrics.Timer(label: "harvest_lag_seconds")
        for date in published {
            timer.recordSeconds(max(0, now.timeIntervalSince(date.instant)))
        }
    }
}
