import Foundation

/// Timestamps are stored as ISO-8601 UTC text with milliseconds: portable between SQLite and
/// PostgreSQL, sortable as text, and readable in a shell.
enum StoreDate {
    static let style = Date.ISO8601FormatStyle(includingFractionalSeconds: true)

    static func string(_ date: Date) -> String { date.formatted(style) }

    static func date(_ string: String?) -> Date? {
        guard let string else { return nil }
        return (try? style.parse(string)) ?? (try? Date.ISO8601FormatStyle().parse(string))
    }
}
