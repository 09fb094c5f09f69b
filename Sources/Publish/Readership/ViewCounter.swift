import EnbekshiCore
import Foundation
import Store
import Synchronization

/// Counts views of article pages in memory, however they are answered (rendered, from the page
/// cache, or from it on the event loop), for `ViewFlusher` to add to the store in batches: counting
/// never waits for the database. No cookie and nothing personal is kept: an article and a day.
/// Requests that announce a robot, or announce nothing, are not counted.
final class ViewCounter: Sendable {
    private let counts = Mutex<[Key: Int]>([:])

    struct Key: Hashable {
        var articleID: Int64
        var day: Day
    }

    init() {}

    /// Counts a GET answered with the page (200) or "not modified" (304) when `path` is an
    /// article's page and the client is a person's browser. Cheap: cached pages are answered at tens
    /// of thousands a second, so it works on bytes and takes the lock once.
    func count(path: Substring, userAgent: @autoclosure () -> String?, now: Date = Date()) {
        // The User-Agent is looked up only for an article's page.
        guard let id = Self.articleID(path: path), Self.isPerson(userAgent()) else { return }
        let key = Key(articleID: id, day: Day.inKazakhstan(at: now))
        counts.withLock { $0[key, default: 0] += 1 }
    }

    /// `/{lang}/news/{id}-slug` → id; nil for every other page (listings, feeds, `/en/news/all`).
    static func articleID(path: Substring) -> Int64? {
        let bytes = path.utf8
        guard bytes.count > 9, bytes.count < 1024 else { return nil }
        var index = bytes.startIndex
        func next() -> UInt8 {
            defer { index = bytes.index(after: index) }
            return bytes[index]
        }
        // "/xx/news/" with xx an edition.
        guard next() == UInt8(ascii: "/") else { return nil }
        let edition = [next(), next()]
        guard Self.editions.contains(edition) else { return nil }
        for expected in "/news/".utf8 where next() != expected { return nil }
        var id: Int64 = 0, digits = 0
        while index != bytes.endIndex {
            let byte = next()
            if byte >= UInt8(ascii: "0"), byte <= UInt8(ascii: "9"), digits < 18 {
                id = id * 10 + Int64(byte - UInt8(ascii: "0"))
                digits += 1
            } else if byte == UInt8(ascii: "-"), digits > 0 {
                // The slug: anything but another path segment.
                while index != bytes.endIndex { if next() == UInt8(ascii: "/") { return nil } }
                return id
            } else {
                return nil
            }
        }
        return digits > 0 ? id : nil
    }

    static let editions: Set<[UInt8]> = Set(Language.allCases.map { Array($0.rawValue.utf8) })

    /// Crawlers, link previews, monitors and scripts say so in their User-Agent (or send none);
    /// browsers name themselves "Mozilla/5.0 (…)".
    static func isPerson(_ userAgent: String?) -> Bool {
        guard let agent = userAgent, agent.utf8.count >= 8, agent.utf8.count <= 1024 else { return false }
        // ASCII lower case is enough: every mark is ASCII.
        let lowered = agent.utf8.map { $0 >= UInt8(ascii: "A") && $0 <= UInt8(ascii: "Z") ? $0 + 32 : $0 }
        guard lowered.starts(with: "mozilla/".utf8) else { return false }
        return !robotMarks.contains { lowered.firstOffset(of: $0) != nil }
    }

    static let robotMarks: [[UInt8]] = [
        "bot", "crawl", "spider", "slurp", "preview", "fetch", "headless", "lighthouse", "monitor", "scan", "check", "facebookexternalhit",
        "python", "curl", "wget", "http-client", "okhttp", "java/", "go-http",
    ].map { Array($0.utf8) }

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
