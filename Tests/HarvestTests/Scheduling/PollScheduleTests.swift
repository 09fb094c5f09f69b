import EnbekshiCore
import Foundation
import Harvest
import Testing

@Suite("PollSchedule: busy feeds often, quiet ones rarely, within a budget")
struct PollScheduleTests {
    let now = Date(timeIntervalSince1970: 1_772_000_000)
    let busy = PollSchedule.Feed(source: "akorda", language: .ru)
    let steady = PollSchedule.Feed(source: "mod", language: .ru)
    let quiet = PollSchedule.Feed(source: "kgd-zhetysu", language: .en)
    let month: TimeInterval = 30 * 86_400

    func settings(budget: Double) -> PollSchedule.Settings {
        var settings = PollSchedule.Settings()
        settings.requestsPerSecond = budget
        settings.minimumInterval = 60
        settings.maximumInterval = 86_400
        return settings
    }

    @Test("intervals shrink with the publishing rate as 1/√rate, and the plan spends the budget")
    func allocation() {
        let schedule = PollSchedule(
            feeds: [busy, steady, quiet], settings: settings(budget: 0.01), now: now,
            history: [busy: (400, month), steady: (100, month), quiet: (0, month)])
        #expect(schedule.interval(busy) < schedule.interval(steady))
        #expect(schedule.interval(steady) < schedule.interval(quiet))
        // Four times the rate, half the interval.
        let ratio = schedule.interval(steady) / schedule.interval(busy)
        #expect(abs(ratio - (400.5 / 100.5).squareRoot()) < 0.01)
        #expect(abs(schedule.plannedRequestsPerSecond - 0.01) < 0.0001)
    }

    @Test("no feed is read more often than the minimum or less often than the maximum interval")
    func clamped() {
        let generous = PollSchedule(
            feeds: [busy, quiet], settings: settings(budget: 100), now: now, history: [busy: (400, month), quiet: (0, month)])
        #expect(generous.interval(busy) == 60)
        let stingy = PollSchedule(
            feeds: [busy, quiet], settings: settings(budget: 0.000_01), now: now, history: [busy: (400, month), quiet: (0, month)])
        #expect(stingy.interval(quiet) == 86_400)
    }

    @Test("a feed never read is due at once; a known one is spread within its interval")
    func firstPolls() {
        var schedule = PollSchedule(feeds: [busy, steady], settings: settings(budget: 0.01), now: now, history: [busy: (400, month)])
        let first = schedule.next()
        #expect(first?.feed == steady)
        #expect(first?.due == now)
        schedule.polled(steady, at: now, newItems: 0)
        let second = schedule.next()
        #expect(second?.feed == busy)
        #expect(second.map { $0.due >= now && $0.due <= now.addingTimeInterval(schedule.interval(busy)) } == true)
    }

    @Test("a feed whose polls keep finding news is read more and more often; a failed poll teaches nothing")
    func learns() {
        var schedule = PollSchedule(
            feeds: [busy, steady, quiet], settings: settings(budget: 0.01), now: now,
            history: [busy: (400, month), steady: (0, month), quiet: (0, month)])
        let before = schedule.interval(steady)
        var time = now
        for _ in 0..<20 {
            time = time.addingTimeInterval(schedule.interval(steady))
            schedule.polled(steady, at: time, newItems: 3)
        }
        #expect(schedule.interval(steady) < before / 2)
        let rate = schedule.rate(quiet)
        schedule.retry(quiet, at: time.addingTimeInterval(60))
        #expect(schedule.rate(quiet) == rate)
    }
}
