import EnbekshiCore
import Foundation
import Testing

@Suite("GovKzDate: lenient, never shifted")
struct GovKzDateTests {
    @Test("every form gov.kz sends is read as the same wall-clock time", arguments: [
        "2025-12-18T10:52:00.000Z", "2025-12-18T10:52:00Z", "2025-12-18T10:52:00+00:00", "2025-12-18T10:52:00",
        "2025-12-18 10:52:00", " 2025-12-18T10:52Z",
    ])
    func forms(_ raw: String) throws {
        let date = try #require(GovKzDate(raw))
        #expect(date.local == "2025-12-18T10:52:00")
        #expect(date.hasTime)
        #expect(date.day == "2025-12-18")
    }

    @Test("date-only values and migrated midnight values have no time of day")
    func dateOnly() throws {
        #expect(try #require(GovKzDate("2026-05-29")).local == "2026-05-29T00:00:00")
        #expect(try #require(GovKzDate("2026-05-29")).hasTime == false)
        #expect(try #require(GovKzDate("2020-03-10T00:00:00Z")).hasTime == false)
    }

    @Test("a late-evening 'Z' time stays on its own day")
    func evening() throws {
        #expect(try #require(GovKzDate("2025-12-18T20:30:00Z")).day == "2025-12-18")
    }

    @Test("garbage is nil, not a crash", arguments: ["", "-", "yesterday", "2025-13-01", "2025-12-32", "99-12-18", "2025-12-18T25:00", "２０２５-12-18"])
    func garbage(_ raw: String) {
        #expect(GovKzDate(raw) == nil)
    }

    @Test("the instant reads the wall clock as Kazakhstan time")
    func instant() throws {
        let date = try #require(GovKzDate("2025-12-18T10:00:00Z"))
        #expect(date.instant == Date(timeIntervalSince1970: 1_766_034_000))  // 05:00 UTC
    }
}
