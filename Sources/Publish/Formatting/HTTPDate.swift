import Foundation

/// Dates in the RFC 822 form of HTTP headers (RFC 9110 IMF-fixdate) and RSS: "Thu, 18 Dec 2025 12:41:00 GMT".
enum HTTPDate {
    static let days = ["Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat"]
    static let months = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"]

    /// An instant in GMT, for Last-Modified.
    static func format(_ date: Date) -> String {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = .gmt
        let c = calendar.dateComponents([.year, .month, .day, .hour, .minute, .second], from: date)
        return format(
            year: c.year ?? 1970, month: c.month ?? 1, day: c.day ?? 1, hour: c.hour ?? 0, minute: c.minute ?? 0,
            second: c.second ?? 0, zone: "GMT")
    }

    /// A wall-clock time with its zone ("GMT" or "+0500"); the weekday is worked out here.
    static func format(year: Int, month: Int, day: Int, hour: Int, minute: Int, second: Int, zone: String) -> String {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = .gmt
        let weekday = calendar.date(from: DateComponents(year: year, month: month, day: day))
            .map { calendar.component(.weekday, from: $0) } ?? 1
        func two(_ value: Int) -> String { value < 10 ? "0\(value)" : "\(value)" }
        return "\(days[(weekday + 6) % 7]), \(two(day)) \(months[max(0, min(11, month - 1))]) \(year) "
            + "\(two(hour)):\(two(minute)):\(two(second)) \(zone)"
    }
}
