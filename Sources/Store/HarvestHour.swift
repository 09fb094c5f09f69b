import Foundation

/// What the workers did for one source in one hour (or, read back, one day; summed over sources
/// when no source is asked for): requests by outcome, items by what became of them, and the lag
/// from gov.kz's publication to storage of the new ones.
public struct HarvestHour: Sendable, Hashable {
    /// The start of the hour (or day), UTC.
    public var hour: Date
    /// The source; "" when read back for the whole deployment, and, stored, for requests that belong
    /// to no one source (reads of the all-sources listing).
    public var source: String
    public var requests = 0
    public var ok = 0
    public var throttled = 0
    public var serverErrors = 0
    public var timeouts = 0
    public var badJSON = 0
    public var otherErrors = 0
    public var itemsNew = 0
    public var itemsUpdated = 0
    public var itemsRejected = 0
    public var lagCount = 0
    public var lagSecondsSum = 0.0
    public var lagSecondsMax = 0.0

    public init(hour: Date, source: String) {
        self.hour = hour
        self.source = source
    }

    /// The start of the span of `seconds` (an hour by default, or a day) that `date` falls in, UTC.
    public static func start(of date: Date, spanning seconds: TimeInterval = 3600) -> Date {
        Date(timeIntervalSince1970: (date.timeIntervalSince1970 / seconds).rounded(.down) * seconds)
    }

    public var failures: Int { throttled + serverErrors + timeouts + badJSON + otherErrors }

    /// Mean lag of the new items, nil when none.
    public var meanLag: Double? { lagCount > 0 ? lagSecondsSum / Double(lagCount) : nil }
}
