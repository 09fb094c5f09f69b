@testable import Admin
import EnbekshiCore
import Foundation
import HummingbirdTesting
import Store
import TestSupport
import Testing

/// The operator's view: the harvest's figures as SVG charts, per source or for the deployment,
/// with the failing feeds and the queues; bad parameters get a 400 page.
@Suite("Operator's view")
struct OperationsTests {
    @Test("charts show what the workers recorded, for every source or one; failing feeds are listed; bad parameters are refused",
          arguments: StoreImplementation.allCases)
    func view(_ implementation: StoreImplementation) async throws {
        try await NewsroomHTTPTests.withRoom(implementation) { client, store in
            let now = Date()
            var poll = HarvestHour(hour: now, source: "kgd-zhetysu")
            poll.requests = 5
            poll.ok = 4
            poll.throttled = 1
            poll.itemsNew = 3
            poll.lagCount = 3
            poll.lagSecondsSum = 3 * 720
            poll.lagSecondsMax = 900
            try await store.recordHarvestFigures(poll)
            var other = HarvestHour(hour: now, source: "kgd-zhambyl")
            other.requests = 7
            other.ok = 7
            try await store.recordHarvestFigures(other)
            var failing = HarvestState(source: "kgd-zhambyl", language: .kk)
            failing.consecutiveFailures = 3
            failing.lastError = "HTTP 503"
            try await store.record(failing)
            // Two samples in this hour: the chart shows each queue at its largest.
            let hour = HarvestHour.start(of: now)
            for (offset, pending, review) in [(1.0, 40, 13), (2.0, 55, 9)] {
                try await store.recordQueueSample(QueueSample(
                    at: hour.addingTimeInterval(offset), translationPending: pending, translationFailed: 2, oldestJobSeconds: 30, reviewItems: review,
                    feedsFailing: review == 13 ? 7 : 2))
            }

            let browser = Browser(client)
            try await browser.signIn("admin", NewsroomHTTPTests.password)
            let page = try await browser.get("/admin/operations")
            #expect(page.status == 200)
            #expect(page.headers[.cacheControl] == "no-store")
            #expect(page.body.contains("<svg") && page.body.contains("Requests to gov.kz by outcome"))
            #expect(!page.body.contains("<script"))
            // Every source: 11 ok and one 429 in this hour, in the figures table under the chart.
            #expect(page.body.contains("<td>11</td><td>1</td>"), "\(page.body)")
            #expect(page.body.contains("<td>12</td>"), "mean lag of 12 minutes")
            #expect(page.body.contains("kgd-zhambyl") && page.body.contains("HTTP 503"))
            #expect(page.body.contains("Translation backlog") && page.body.contains("<td>55</td><td>2</td>"), "the backlog's peak this hour")
            let feeds = try #require(page.body.range(of: "<figcaption>Feeds failing</figcaption>"))
            #expect(page.body[feeds.upperBound...].contains("<td>7</td></tr>"), "the most feeds failing this hour")
            let review = try #require(page.body.range(of: "<figcaption>Review queue</figcaption>"))
            #expect(page.body[review.upperBound...].contains("<td>13</td></tr>"), "the review queue's peak this hour")

            let one = try await browser.get("/admin/operations?source=kgd-zhetysu&span=month")
            #expect(one.status == 200)
            #expect(one.body.contains("<td>4</td><td>1</td>"))
            #expect(!one.body.contains("<td>11</td>"))
            #expect(one.body.contains("the last 30 days"))

            let badSpan = try await browser.get("/admin/operations?span=year")
            #expect(badSpan.status == 400)
            #expect(badSpan.body.contains("span is day or month"))
            let unknown = try await browser.get("/admin/operations?source=%3Cscript%3E")
            #expect(unknown.status == 400)
            #expect(!unknown.body.contains("<script>"))

            let viewer = Browser(client)
            try await viewer.signIn("viewer", NewsroomHTTPTests.password)
            #expect(try await viewer.get("/admin/operations").status == 403)
        }
    }

    @Test("the leader's sample counts the translation queue and the review queue as the room shows them")
    func sample() async throws {
        let database = try await TemporaryDatabase()
        let store = database.store
        var flagged = NewsroomHTTPTests.article("1", title: "Tax reporting changes")
        flagged.flags = [QualityFlag(.cyrillicInEnglish, "юбилей")]
        _ = try await store.save(flagged, for: ArticleKey(project: "kgd-zhetysu", govkzID: "1"))
        let articleID = try #require(try await store.articleID(for: ArticleKey(project: "kgd-zhetysu", govkzID: "1")))
        try await store.enqueueTranslation(articleID: articleID, from: .en, to: .kk)
        var failing = HarvestState(source: "kgd-zhetysu", language: .ru)
        failing.consecutiveFailures = 2
        try await store.record(failing)
        try await store.record(HarvestState(source: "kgd-zhetysu", language: .kk))
        let now = Date()
        let sampled = try await QueueSampler.sample(store: store, now: now)
        let counts = try await store.translationQueueCounts()
        #expect(sampled.at == now)
        #expect(sampled.translationPending == 1 && counts.pending == 1 && sampled.translationFailed == counts.failed)
        #expect(sampled.reviewItems >= 1)
        #expect(sampled.feedsFailing == 1)
        #expect(sampled.reviewItems == (try await QueueModel.load(store: store, filter: QueueFilter(), now: now)).total)
    }

    @Test("peaks: the largest figure of each bucket, nil where nothing was sampled")
    func peaks() {
        let start = Date(timeIntervalSince1970: 1_800_000_000)
        func sample(_ offset: TimeInterval, _ pending: Int, _ review: Int) -> QueueSample {
            QueueSample(at: start.addingTimeInterval(offset), translationPending: pending, translationFailed: 0, oldestJobSeconds: offset, reviewItems: review)
        }
        let peaks = QueueSampler.peaks(
            [sample(0, 3, 9), sample(600, 7, 2), sample(7200, 1, 1)], starts: [0, 3600, 7200].map { start.addingTimeInterval($0) }, spanning: 3600)
        #expect(peaks.count == 3)
        #expect(peaks[0]?.translationPending == 7 && peaks[0]?.reviewItems == 9 && peaks[0]?.oldestJobSeconds == 600)
        #expect(peaks[1] == nil)
        #expect(peaks[2]?.translationPending == 1)
    }

    @Test("the chart's scale is a round number at least the largest bar")
    func scale() {
        #expect(SVGChart.niceCeiling(0) == 0)
        #expect(SVGChart.niceCeiling(7) == 10)
        #expect(SVGChart.niceCeiling(12) == 20)
        #expect(SVGChart.niceCeiling(450) == 500)
        #expect(SVGChart.niceCeiling(1000) == 1000)
        #expect(SVGChart.niceCeiling(0.3) == 0.5)
    }
}
