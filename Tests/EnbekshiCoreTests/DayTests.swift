import EnbekshiCore
import Foundation
import Testing

@Suite("Day and Month: calendar days as the site and the store pass them")
struct DayTests {
    @Test("only real days written YYYY-MM-DD are read", arguments: [
        "2025-02-29", "2024-02-30", "2025-13-01", "2025-00-10", "2025-04-31", "2025-1-01", "25-01-01", "2025/01/01",
        "2025-01-01T00:00", " 2025-01-01", "２０２５-01-01", "0000-01-01", "", "2025-01-0a",
    ])
    func refused(_ text: String) {
        #expect(Day(text) == nil)
    }

    @Test("a day reads back as it was written, leap days included", arguments: ["2024-02-29", "2000-02-29", "1990-01-01", "2100-12-31", "0001-01-01"])
    func roundTrip(_ text: String) throws {
        #expect(try #require(Day(text)).description == text)
    }

    @Test("moving by days agrees with the Gregorian calendar over forty years, both ways")
    func arithmetic() throws {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = .gmt
        let formatter = DateFormatter()
        formatter.calendar = calendar
        formatter.timeZone = .gmt
        formatter.locale = Locale(identifier: "en_US_POSIX")
        formatter.dateFormat = "yyyy-MM-dd"
        let origin = try #require(formatter.date(from: "1990-01-01"))
        let start = try #require(Day("1990-01-01"))
        for offset in stride(from: 0, through: 40 * 366, by: 7) {
            let expected = formatter.string(from: origin.addingTimeInterval(Double(offset) * 86_400))
            let moved = start.adding(days: offset)
            #expect(moved.description == expected)
            #expect(moved.adding(days: -offset) == start)
        }
        #expect(try #require(Day("2024-12-31")).adding(days: 1).description == "2025-01-01")
        #expect(try #require(Day("2024-03-01")).adding(days: -1).description == "2024-02-29")
        #expect(try #require(Day("2100-03-01")).adding(days: -1).description == "2100-02-28")
        #expect(try #require(Day("9999-12-31")).adding(days: 5).description == "9999-12-31")
    }

    @Test("days order as the calendar does; a gov.kz date gives its day")
    func order() throws {
        let days = try ["2025-12-31", "2025-01-02", "2024-12-31", "2025-01-10"].map { try #require(Day($0)) }
        #expect(days.sorted().map(\.description) == ["2024-12-31", "2025-01-02", "2025-01-10", "2025-12-31"])
        let date = try #require(GovKzDate("2025-12-18T12:41:00.000Z"))
        #expect(Day(date).description == "2025-12-18")
        #expect(GovKzDate(try #require(Day("2025-12-18"))).local == "2025-12-18T00:00:00")
    }

    @Test("months are read from YYYY-MM and know their first and last days", arguments: [
        ("2024-02", "2024-02-01", "2024-02-29"), ("2025-02", "2025-02-01", "2025-02-28"), ("2025-12", "2025-12-01", "2025-12-31"),
        ("2025-04", "2025-04-01", "2025-04-30"),
    ])
    func months(_ example: (String, String, String)) throws {
        let month = try #require(Month(example.0))
        #expect(month.description == example.0)
        #expect(month.firstDay.description == example.1)
        #expect(month.lastDay.description == example.2)
        #expect(month.lastDay.calendarMonth == month)
    }

    @Test("malformed months are refused", arguments: ["2025-13", "2025-1", "2025-00", "202512", "2025-12-01", ""])
    func badMonths(_ text: String) {
        #expect(Month(text) == nil)
    }

    @Test("the day in Kazakhstan by arithmetic is the calendar's, around midnight and over the years")
    func kazakhstanDay() {
        var generator = SystemRandomNumberGenerator()
        var moments: [TimeInterval] = [0, 19 * 3600 - 1, 19 * 3600, 1_765_830_600, 951_782_400 - 5 * 3600]  // leap day 2000 at KZ midnight
        for _ in 0..<500 { moments.append(Double.random(in: -2_000_000_000...4_000_000_000, using: &generator)) }
        for seconds in moments {
            let date = Date(timeIntervalSince1970: seconds)
            #expect(Day.inKazakhstan(at: date).description == String(GovKzDate.localNow(date).prefix(10)), "\(seconds)")
        }
    }
}
