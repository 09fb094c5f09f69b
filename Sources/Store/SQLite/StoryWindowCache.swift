import EnbekshiCore
import Synchronization

/// Decoded fingerprints of the days story detection looked at recently, per language. Every new
/// text is compared with everything published in its language within three days either side —
/// about a thousand texts at national density — so reading them from SQLite for each new article
/// cost more than the rest of ingest together.
///
/// Kept right by the writer: it is read and changed only inside the store's write closures, our
/// own fingerprint writes update it there, and `PRAGMA data_version` on the writer connection
/// (which changes only when another connection — another process — commits) clears it.
final class StoryWindowCache: Sendable {
    struct Day: Hashable {
        var language: Language
        var day: String
    }

    struct Located: Hashable {
        var language: Language
        var articleID: Int64
    }

    struct State {
        var days: [Day: [StoredFingerprint]] = [:]
        /// The cached day holding each article's fingerprint.
        var located: [Located: Day] = [:]
        /// Days in the order they were last used, oldest first.
        var recency: [Day] = []
        var dataVersion: Int64?

        mutating func forget(_ day: Day) {
            for fingerprint in days[day] ?? [] { located[Located(language: day.language, articleID: fingerprint.articleID)] = nil }
            days[day] = nil
        }
    }

    /// Days kept, over all languages: six weeks of one, or two weeks of each (about 200
    /// fingerprints a day per language at national density, about 1 KB each in memory: some 10 MB at
    /// most). Pages of many feeds span weeks; with three weeks the cache reloaded days for most
    /// texts stored page by page (254 articles/s at national density, 306 with six weeks, 316 with
    /// thirteen). A batch reads its windows once, so batches gain nothing from more.
    let maximumDays: Int
    private let state = Mutex(State())

    init(maximumDays: Int = 42) {
        self.maximumDays = maximumDays
    }

    /// Forgets everything when another connection has written since the last look.
    func validate(dataVersion: Int64) {
        state.withLock { state in
            if state.dataVersion != dataVersion { state = State(dataVersion: dataVersion) }
        }
    }

    /// The fingerprints of `days`, loading the days not cached with `load` (which
    /// returns every fingerprint of the days it is given). Day by day; within a day in id order.
    func fingerprints(
        language: Language, days: [String], load: ([String]) throws -> [StoredFingerprint]
    ) rethrows -> [StoredFingerprint] {
        let missing = state.withLock { state in days.filter { state.days[Day(language: language, day: $0)] == nil } }
        let loaded = missing.isEmpty ? [] : try load(missing).sorted { $0.articleID < $1.articleID }
        return state.withLock { state in
            for day in missing { state.days[Day(language: language, day: day)] = [] }
            for fingerprint in loaded {
                let key = Day(language: language, day: fingerprint.day)
                state.days[key]?.append(fingerprint)
                state.located[Located(language: language, articleID: fingerprint.articleID)] = key
            }
            var result: [StoredFingerprint] = []
            result.reserveCapacity(days.reduce(0) { $0 + (state.days[Day(language: language, day: $1)]?.count ?? 0) })
            for day in days {
                let key = Day(language: language, day: day)
                result += state.days[key] ?? []
                state.recency.removeAll { $0 == key }
                state.recency.append(key)
            }
            while state.recency.count > maximumDays { state.forget(state.recency.removeFirst()) }
            return result
        }
    }

    /// Our own write of a fingerprint: it replaces the article's earlier one, whichever day that was.
    func store(_ fingerprint: StoredFingerprint, language: Language) {
        state.withLock { state in
            let located = Located(language: language, articleID: fingerprint.articleID)
            if let day = state.located.removeValue(forKey: located) {
                state.days[day]?.removeAll { $0.articleID == fingerprint.articleID }
            }
            let day = Day(language: language, day: fingerprint.day)
            guard state.days[day] != nil else { return }
            state.days[day]?.append(fingerprint)
            state.located[located] = day
        }
    }
}
