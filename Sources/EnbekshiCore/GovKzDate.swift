import Foundation

/// A gov.kz `created_date`, read leniently.
///
/// gov.kz labels its clock `Z`, but the hours follow Kazakhstan office time (API.md §4.4), so the
/// wall-clock value is kept as it is and never shifted: the publication date is its first ten
/// characters. This type is the one place that decides how to read it.
public struct GovKzDate: Sendable, Hashable, Comparable, CustomStringConvertible {
    /// Sortable naive local time, `YYYY-MM-DDTHH:MM:SS`.
    public let local: String
    /// Whether the source gave a time of day (date-only and migrated `T00:00:00` values do not).
    public let hasTime: Bool

    public init?(_ raw: String) {
        let trimmed = raw.trimmingCharacters(in: .whitespacesAndNewlines)
        let scalars = Array(trimmed.unicodeScalars)
        func digits(_ range: Range<Int>) -> Int? {
            guard range.upperBound <= scalars.count else { return nil }
            var value = 0
            for index in range {
                let code = scalars[index].value
                guard code >= 48, code <= 57 else { return nil }
                value = value * 10 + Int(code - 48)
            }
            return value
        }
        guard scalars.count >= 10, let year = digits(0..<4), scalars[4] == "-", let month = digits(5..<7),
            scalars[7] == "-", let day = digits(8..<10), (1...12).contains(month), (1...31).contains(day),
            year >= 1990, year <= 2200
        else { return nil }
        var hour = 0, minute = 0, second = 0
        var hasTime = false
        if scalars.count >= 16, scalars[10] == "T" || scalars[10] == " " {
            guard let h = digits(11..<13), scalars[13] == ":", let m = digits(14..<16), h < 24, m < 60
            else { return nil }
            hour = h
            minute = m
            if scalars.count >= 19, scalars[16] == ":", let s = digits(17..<19), s < 61 { second = min(s, 59) }
            hasTime = !(hour == 0 && minute == 0 && second == 0)
        }
        self.local = String(
            format: "%04d-%02d-%02dT%02d:%02d:%02d", year, month, day, hour, minute, second)
        self.hasTime = hasTime
    }

    /// `YYYY-MM-DD`.
    public var day: String { String(local.prefix(10)) }

    /// The instant, reading the wall clock as Kazakhstan time (UTC+5 since 1 March 2024, UTC+6 before
    /// for Astana and most of the country).
    public var instant: Date {
        var components = DateComponents()
        let parts = local.split(whereSeparator: { $0 == "-" || $0 == "T" || $0 == ":" }).compactMap { Int($0) }
        guard parts.count == 6 else { return Date(timeIntervalSince1970: 0) }
        components.year = parts[0]
        components.month = parts[1]
        components.day = parts[2]
        components.hour = parts[3]
        components.minute = parts[4]
        components.second = parts[5]
        var calendar = Calendar(identifier: .gregorian)
        let offsetHours = local < "2024-03-01" ? 6 : 5
        calendar.timeZone = TimeZone(secondsFromGMT: offsetHours * 3600) ?? .gmt
        return calendar.date(from: components) ?? Date(timeIntervalSince1970: 0)
    }

    public var description: String { local }

    /// A stored value, with the time-of-day flag stored beside it.
    public init?(_ local: String, hasTime: Bool) {
        guard let parsed = GovKzDate(local) else { return nil }
        self.local = parsed.local
        self.hasTime = hasTime
    }

    /// Now, as Kazakhstan wall time in the same form gov.kz uses.
    public static func localNow(_ now: Date = Date()) -> String {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(secondsFromGMT: 5 * 3600) ?? .gmt
        let c = calendar.dateComponents([.year, .month, .day, .hour, .minute, .second], from: now)
        return String(
            format: "%04d-%02d-%02dT%02d:%02d:%02d", c.year ?? 1970, c.month ?? 1, c.day ?? 1, c.hour ?? 0,
            c.minute ?? 0, c.second ?? 0)
    }

    public static func < (lhs: GovKzDate, rhs: GovKzDate) -> Bool { lhs.local < rhs.local }
}
