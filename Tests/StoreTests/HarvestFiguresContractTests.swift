import EnbekshiCore
import Foundation
import Store
import TestSupport
import Testing

/// The workers' hourly record of the harvest, on every engine: polls add up within their hour,
/// read back per hour or per day, for one source or the whole deployment.
@Suite("HarvestFigures contract")
struct HarvestFiguresContractTests {
    static let at = Date(timeIntervalSince1970: 1_800_000_000)  // 2027-01-15T08:00:00Z, an hour's start

    static func poll(_ source: String, at date: Date, ok: Int, throttled: Int = 0, new: Int = 0, lags: [Double] = []) -> HarvestHour {
        var figures = HarvestHour(hour: date, source: source)
        figures.requests = ok + throttled
        figures.ok = ok
        figures.throttled = throttled
        figures.itemsNew = new
        figures.lagCount = lags.count
        figures.lagSecondsSum = lags.reduce(0, +)
        figures.lagSecondsMax = lags.max() ?? 0
        return figures
    }

    @Test("polls add up per hour and source; reads sum per hour or day, for a source or all", arguments: StoreImplementation.allCases)
    func record(_ implementation: StoreImplementation) async throws {
        let (store, lifetime) = try await implementation.make()
        defer { withExtendedLifetime(lifetime) {} }
        #expect(try await store.harvestFigures(since: Self.at, source: nil, daily: false).isEmpty)
        try await store.recordHarvestFigures(Self.poll("mod", at: Self.at.addingTimeInterval(60), ok: 2, new: 2, lags: [30, 90]))
        try await store.recordHarvestFigures(Self.poll("mod", at: Self.at.addingTimeInterval(3000), ok: 1, throttled: 1, new: 1, lags: [600]))
        try await store.recordHarvestFigures(Self.poll("kgd", at: Self.at.addingTimeInterval(1200), ok: 3))
        try await store.recordHarvestFigures(Self.poll("mod", at: Self.at.addingTimeInterval(3600 + 5), ok: 1))
        try await store.recordHarvestFigures(Self.poll("mod", at: Self.at.addingTimeInterval(-86_400), ok: 7))

        let hours = try await store.harvestFigures(since: Self.at, source: "mod", daily: false)
        #expect(hours.map(\.hour) == [Self.at, Self.at.addingTimeInterval(3600)])
        let first = try #require(hours.first)
        #expect(first.source == "mod" && first.requests == 4 && first.ok == 3 && first.throttled == 1 && first.itemsNew == 3)
        #expect(first.lagCount == 3 && first.lagSecondsSum == 720 && first.lagSecondsMax == 600 && first.meanLag == 240)
        #expect(first.failures == 1)

        let all = try await store.harvestFigures(since: Self.at.addingTimeInterval(1800), source: nil, daily: false)
        #expect(all.map(\.requests) == [7, 1], "the hour a moment falls in is included whole")
        #expect(all.allSatisfy { $0.source == "" })

        let days = try await store.harvestFigures(since: Self.at.addingTimeInterval(-2 * 86_400), source: nil, daily: true)
        #expect(days.map(\.requests) == [7, 8])
        #expect(days.last?.hour == Date(timeIntervalSince1970: (Self.at.timeIntervalSince1970 / 86_400).rounded(.down) * 86_400))
        #expect(try await store.harvestFigures(since: Self.at, source: "nobody", daily: true).isEmpty)
    }
}
