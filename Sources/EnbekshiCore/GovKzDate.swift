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
        // Read by position over UTF-8 bytes: this runs for every stored row a page shows.
        var copy = raw
        guard let parsed = copy.withUTF8({ Self.parse(Array($0)) }) else { return nil }
        let (year, month, day, hour, minute, second) = parsed
        self.hasTime = !(hour == 0 && minute == 0 && second == 0)
        self.local = Self.format(year, month, day, hour, minute, second)
    }

    /// The start of a day, without a time of day.
    public init(_ day: Day) {
        self.local = day.description + "T00:00:00"
        self.hasTime = false
    }

    static func parse(_ all: [UInt8]) -> (Int, Int, Int, Int, Int, Int)? {
        var start = 0
        while start < all.count, all[start] == 0x20 || all[start] == 0x09 || all[start] == 0x0A || all[start] == 0x0D {
            start += 1
        }
        let bytes = all[start...]
        func digits(_ range: Range<Int>) -> Int? {
            guard start + range.upperBound <= all.count else { return nil }
            var value = 0
            for index in range {
                let byte = all[start + index]
                guard byte >= 48, byte <= 57 else { return nil }
                value = value * 10 + Int(byte - 48)
            }
            return value
        }
        func byte(_ offset: Int) -> UInt8? { start + offset < all.count ? all[start + offset] : nil }
        guard bytes.count >= 10, let year = digits(0..<4), byte(4) == 45, let month = digits(5..<7), byte(7) == 45,
            let day = digits(8..<10), (1...12).contains(month), (1...31).contains(day), year >= 1990, year <= 2200
        else { return nil }
        var hour = 0, minute = 0, second = 0
        if bytes.count >= 16, byte(10) == 84 || byte(10) == 32 {
            guard let h = digits(11..<13), byte(13) == 58, let m = digits(14..<16), h < 24, m < 60 else { return nil }
            hour = h
            minute = m
            if bytes.count >= 19, byte(16) == 58, let s = digits(17..<19), s < 61 { second = min(s, 59) }
        }
        return (year, month, day, hour, minute, second)
    }

    /// `YYYY-MM-DDTHH:MM:SS` without Foundation's String(format:), which is slow on Linux and sits on
    /// the page-rendering and ingest paths.
    static func format(_ year: Int, _ month: Int, _ day: Int, _ hour: Int, _ minute: Int, _ second: Int) -> String {
        var bytes: [UInt8] = []
        bytes.reserveCapacity(19)
        func digits(_ value: Int, _ count: Int) {
            var divisor = 1
            for _ in 1..<count { divisor *= 10 }
            var rest = value
            while divisor > 0 {
                bytes.append(UInt8(48 + (rest / divisor) % 10))
                rest %= divisor
                divisor /= 10
            }
        }
        digits(year, 4); bytes.append(45); digits(month, 2); bytes.append(45); digits(day, 2)
        bytes.append(84); digits(hour, 2); bytes.append(58); digits(minute, 2); bytes.append(58); digits(second, 2)
        return String(decoding: bytes, as: UTF8.self)
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
        return format(c.year ?? 1970, c.month ?? 1, c.day ?? 1, c.hour ?? 0, c.minute ?? 0, c.second ?? 0)
    }

    public static func < (lhs: GovKzDate, rhs: GovKzDate) -> Bool { lhs.local < rhs.local }
}
