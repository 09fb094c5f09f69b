import Foundation

/// Exponential back-off with jitter: attempt n waits between half and all of base·2ⁿ, capped.
/// Jitter keeps many harvesters (or many feeds) from retrying in lock-step.
public struct Backoff: Sendable {
    public var base: Double
    public var maximum: Double

    public init(base: Double, maximum: Double) {
        self.base = base
        self.maximum = maximum
    }

    public func delay(attempt: Int, jitter: Double = Double.random(in: 0.5...1)) -> Double {
        let exponential = base * Double(1 << min(max(attempt, 0), 20))
        return min(maximum, exponential) * min(1, max(0, jitter))
    }

    /// Retry-After as seconds or an HTTP date; nil when absent or unreadable.
    public static func retryAfter(_ header: String?) -> Double? {
        guard let header = header?.trimmingCharacters(in: .whitespaces), !header.isEmpty else { return nil }
        if let seconds = Double(header), seconds >= 0 { return seconds }
        let formatter = DateFormatter()
        formatter.locale = Locale(identifier: "en_US_POSIX")
        formatter.timeZone = TimeZone(secondsFromGMT: 0)
        formatter.dateFormat = "EEE, dd MMM yyyy HH:mm:ss zzz"
        if let date = formatter.date(from: header) {
            return max(0, date.timeIntervalSinceNow)
        }
        return nil
    }
}
