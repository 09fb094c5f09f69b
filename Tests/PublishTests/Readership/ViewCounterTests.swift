import EnbekshiCore
import Foundation
@testable import Publish
import Store
import Testing

/// Counting views of article pages: only article pages, only people's browsers, per article and
/// Kazakhstan day, handed over in batches and never lost when the store refuses one.
@Suite("View counter")
struct ViewCounterTests {
    static let browser = "Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0 Safari/537.36"

    @Test("article pages only: an id after /{lang}/news/, in any edition")
    func articlePaths() {
        #expect(ViewCounter.articleID(path: "/en/news/42-tax-reminder") == 42)
        #expect(ViewCounter.articleID(path: "/kk/news/7") == 7)
        for other in ["/en/news/all", "/en/news/all.rss", "/en", "/xx/news/42-a", "/en/news/42-a/extra", "/en/category/world", "/api/v1/articles/42", ""] {
            #expect(ViewCounter.articleID(path: Substring(other)) == nil, "\(other)")
        }
    }

    @Test("people's browsers count; robots, scripts, previews, monitors and clients that say nothing do not")
    func people() {
        #expect(ViewCounter.isPerson(Self.browser))
        #expect(ViewCounter.isPerson("Mozilla/5.0 (iPhone; CPU iPhone OS 17_0 like Mac OS X) AppleWebKit/605.1.15 Mobile/15E148 Safari/604.1"))
        for robot in [
            nil, "", "curl/8.5.0", "Wget/1.21", "python-requests/2.31", "Mozilla/5.0 (compatible; Googlebot/2.1; +http://www.google.com/bot.html)",
            "Mozilla/5.0 (compatible; YandexBot/3.0)", "facebookexternalhit/1.1", "Mozilla/5.0 HeadlessChrome/120.0", "Go-http-client/1.1",
            "Mozilla/5.0 (compatible; UptimeRobot/2.0)", "TelegramBot (like TwitterBot)",
        ] {
            #expect(!ViewCounter.isPerson(robot), "\(robot ?? "nil")")
        }
    }

    @Test("views add up per article and Kazakhstan day; a drained batch is gone until it is put back")
    func batches() {
        let counter = ViewCounter()
        // 20:30 UTC is already the next day in Kazakhstan (UTC+5).
        let evening = Date(timeIntervalSince1970: 1_765_830_600)  // 2025-12-15T20:30:00Z
        for _ in 0..<3 { counter.count(path: "/en/news/5-a", userAgent: Self.browser, now: evening) }
        counter.count(path: "/ru/news/5-a", userAgent: Self.browser, now: evening.addingTimeInterval(-12 * 3600))
        counter.count(path: "/ru/news/6", userAgent: Self.browser, now: evening)
        counter.count(path: "/ru/news/6", userAgent: "curl/8", now: evening)
        #expect(counter.pending == 5)
        let batch = counter.drain()
        #expect(Set(batch) == [
            ArticleViews(articleID: 5, day: "2025-12-16", views: 3), ArticleViews(articleID: 5, day: "2025-12-15", views: 1),
            ArticleViews(articleID: 6, day: "2025-12-16", views: 1),
        ])
        #expect(counter.pending == 0 && counter.drain().isEmpty)
        counter.restore(batch)
        counter.count(path: "/en/news/6", userAgent: Self.browser, now: evening)
        #expect(Set(counter.drain()) == [
            ArticleViews(articleID: 5, day: "2025-12-16", views: 3), ArticleViews(articleID: 5, day: "2025-12-15", views: 1),
            ArticleViews(articleID: 6, day: "2025-12-16", views: 2),
        ])
    }
}
