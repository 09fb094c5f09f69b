import Foundation

/// A calendar day in Kazakhstan wall time, the time every gov.kz date and every page uses
/// (`YYYY-MM-DD`). Ranges of days are inclusive; each engine turns them into its own comparison.
public struct Day: Sendable, Hashable, Comparable, CustomStringConvertible {
    public let year: Int
    public let month: Int
    public let day: Int

    /// A real calendar day written `YYYY-MM-DD` (years 1–9999); nil for anything else.
    public init?(_ text: some StringProtocol) {
        let bytes = Array(text.utf8)
        guard bytes.count == 10, bytes[4] == UInt8(ascii: "-"), bytes[7] == UInt8(ascii: "-") else { return nil }
        func number(_ range: Range<Int>) -> Int? {
            var value = 0
            for byte in bytes[range] {
                guard byte >= UInt8(ascii: "0"), byte <= UInt8(ascii: "9") else { return nil }
                value = value * 10 + Int(byte - UInt8(ascii: "0"))
            }
            return value
        }
        guard let year = number(0..<4), let month = number(5..<7), let day = number(8..<10) else { return nil }
        self.init(year: year, month: month, day: day)
    }

    public init?(year: Int, month: Int, day: Int) {
        guard (1...9999).contains(year), (1...12).contains(month), (1...Self.length(of: month, in: year)).contains(day) else { return nil }
        self.year = year
        self.month = month
        self.day = day
    }

    /// The day of a gov.kz date.
    public init(_ date: GovKzDate) {
        // GovKzDate keeps only values it could read as a date and time.
        self = Day(date.local.prefix(10)) ?? Day.epoch
    }

    static let epoch = Day(unchecked: 1970, 1, 1)

    private init(unchecked year: Int, _ month: Int, _ day: Int) {
        self.year = year
        self.month = month
        self.day = day
    }

    public var description: String {
        func pad(_ value: Int, _ width: Int) -> String {
            let digits = String(value)
            return String(repeating: "0", count: max(0, width - digits.count)) + digits
        }
        return "\(pad(year, 4))-\(pad(month, 2))-\(pad(day, 2))"
    }

    /// The month this day is in.
    public var calendarMonth: Month { Month(unchecked: year, month) }

    /// The day `days` after this one (before it when negative), clamped to years 1–9999.
    public func adding(days: Int) -> Day {
        let moved = min(max(ordinal + days, Self.minimumOrdinal), Self.maximumOrdinal)
        return Self(ordinal: moved)
    }

    public static func < (lhs: Day, rhs: Day) -> Bool {
        (lhs.year, lhs.month, lhs.day) < (rhs.year, rhs.month, rhs.day)
    }

    static func length(of month: Int, in year: Int) -> Int {
        switch month {
        case 2: (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 ? 29 : 28
        case 4, 6, 9, 11: 30
        default: 31
        }
    }

    // Days since 1970-01-01 in the proleptic Gregorian calendar (Howard Hinnant's civil-day algorithms).
    private var ordinal: Int {
        let y = month <= 2 ? year - 1 : year
        let era = (y >= 0 ? y : y - 399) / 400
        let yearOfEra = y - era * 400
        let dayOfYear = (153 * (month + (month > 2 ? -3 : 9)) + 2) / 5 + day - 1
        let dayOfEra = yearOfEra * 365 + yearOfEra / 4 - yearOfEra / 100 + dayOfYear
        return era * 146_097 + dayOfEra - 719_468
    }

    private init(ordinal: Int) {
        let z = ordinal + 719_468
        let era = (z >= 0 ? z : z - 146_096) / 146_097
        let dayOfEra = z - era * 146_097
        let yearOfEra = (dayOfEra - dayOfEra / 1460 + dayOfEra / 36524 - dayOfEra / 146_096) / 365
        let dayOfYear = dayOfEra - (365 * yearOfEra + yearOfEra / 4 - yearOfEra / 100)
        let mp = (5 * dayOfYear + 2) / 153
        let day = dayOfYear - (153 * mp + 2) / 5 + 1
        let month = mp < 10 ? mp + 3 : mp - 9
        self.init(unchecked: yearOfEra + era * 400 + (month <= 2 ? 1 : 0), month, day)
    }

    private static let minimumOrdinal = Day(unchecked: 1, 1, 1).ordinal
    private static let maximumOrdinal = Day(unchecked: 9999, 12, 31).ordinal

    /// The day in Kazakhstan (UTC+5 all year, as `GovKzDate.localNow`) at `date`, by arithmetic:
    /// counting views asks for it on every page answered.
    public static func inKazakhstan(at date: Date) -> Day {
        let days = ((date.timeIntervalSince1970 + 5 * 3600) / 86_400).rounded(.down)
        guard days.isFinite else { return epoch }
        return Day(ordinal: Int(min(max(days, Double(minimumOrdinal)), Double(maximumOrdinal))))
    }
}

/// A calendar month (`YYYY-MM`), as sitemaps split the news.
public struct Month: Sendable, Hashable, Comparable, CustomStringConvertible {
    public let year: Int
    public let month: Int

    /// A month written `YYYY-MM` (years 1–9999); nil for anything else.
    public init?(_ text: some StringProtocol) {
        guard text.utf8.count == 7, let first = Day(text + "-01") else { return nil }
        self = first.calendarMonth
    }

    init(unchecked year: Int, _ month: Int) {
        self.year = year
        self.month = month
    }

    public var firstDay: Day { Day(year: year, month: month, day: 1) ?? Day.epoch }
    public var lastDay: Day { Day(year: year, month: month, day: Day.length(of: month, in: year)) ?? Day.epoch }

    public var description: String { String(firstDay.description.prefix(7)) }

    public static func < (lhs: Month, rhs: Month) -> Bool { (lhs.year, lhs.month) < (rhs.year, rhs.month) }
}
