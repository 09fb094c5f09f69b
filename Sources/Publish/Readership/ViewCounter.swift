import EnbekshiCore
import Foundation
import Store
import Synchronization

/// Counts views of article pages in memory, however they are answered (rendered, from the page
/// cache, or from it on the event loop), for `ViewFlusher` to add to the store in batches: counting
/// never waits for the database. No cookie and nothing personal is kept: an article and a day.
/// Requests that announce a robot, or announce nothing, are not counted.
public final class ViewCounter: Sendable {
    private let counts = Mutex<[Key: Int]>([:])

    struct Key: Hashable {
        var articleID: Int64
        var day: Day
    }

    public init() {}

    /// Counts a GET answered with the page (200) or "not modified" (304) when `path` is an
    /// article's page and the client is a person's browser.
    func count(path: Substring, userAgent: String?, now: Date = Date()) {
        guard let id = Self.articleID(path: path), Self.isPerson(userAgent), let day = Day(GovKzDate.localNow(now).prefix(10)) else { return }
        counts.withLock { $0[Key(articleID: id, day: day), default: 0] += 1 }
    }

    /// `/{lang}/news/{id}-slug` → id; nil for every other page (listings, feeds, `/en/news/all`).
    static func articleID(path: Substring) -> Int64? {
        let parts = path.split(separator: "/", omittingEmptySubsequences: false)
        guard parts.count == 4, parts[0].isEmpty, Language(rawValue: String(parts[1])) != nil, parts[2] == "news" else { return nil }
        return Site.articleReference(String(parts[3]))?.0
    }

    /// Crawlers, link previews, monitors and scripts say so in their User-Agent (or send none);
    /// browsers name themselves "Mozilla/5.0 (…)".
    static func isPerson(_ userAgent: String?) -> Bool {
        guard let agent = userAgent?.lowercased(), agent.hasPrefix("mozilla/") else { return false }
        return !robotMarks.contains { agent.contains($0) }
    }

    static let robotMarks = [
        "bot", "crawl", "spider", "slurp", "preview", "fetch", "headless", "lighthouse", "monitor", "scan", "check", "facebookexternalhit",
        "python", "curl", "wget", "http-client", "okhttp", "java/", "go-http",
    ]

    /// Takes what was counted so far.
    func drain() -> [ArticleViews] {
        counts.withLock { counts in
            defer { counts.removeAll(keepingCapacity: true) }
            return counts.map { ArticleViews(articleID: $0.key.articleID, day: $0.key.day, views: $0.value) }
        }
    }

    /// Puts back a batch the store did not take, to go with the next one.
    func restore(_ views: [ArticleViews]) {
        counts.withLock { counts in
            for view in views { counts[Key(articleID: view.articleID, day: view.day), default: 0] += view.views }
        }
    }

    /// Views counted and not yet handed to the store.
    var pending: Int { counts.withLock { $0.values.reduce(0, +) } }
}
