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

    struct State {
        var days: [Day: [Int64: StoredFingerprint]] = [:]
        /// Days in the order they were last used, oldest first.
        var recency: [Day] = []
        var dataVersion: Int64?
    }

    /// Days kept: three full windows of one language, or one of each (about 200 fingerprints a day
    /// per language at national density, 1 KB each).
    let maximumDays: Int
    private let state = Mutex(State())

    init(maximumDays: Int = 21) {
        self.maximumDays = maximumDays
    }

    /// Forgets everything when another connection has written since the last look.
    func validate(dataVersion: Int64) {
        state.withLock { state in
            if state.dataVersion != dataVersion { state = State(dataVersion: dataVersion) }
        }
    }

    /// The fingerprints of `days`, loading those not cached with `load` (which returns every
    /// fingerprint of the days it is given).
    func fingerprints(
        language: Language, days: [String], load: ([String]) throws -> [StoredFingerprint]
    ) rethrows -> [StoredFingerprint] {
        let missing = state.withLock { state in days.filter { state.days[Day(language: language, day: $0)] == nil } }
        let loaded = missing.isEmpty ? [] : try load(missing)
        return state.withLock { state in
            for day in missing { state.days[Day(language: language, day: day)] = [:] }
            for fingerprint in loaded {
                state.days[Day(language: language, day: fingerprint.day)]?[fingerprint.articleID] = fingerprint
            }
            var result: [StoredFingerprint] = []
            for day in days {
                let key = Day(language: language, day: day)
                if let values = state.days[key]?.values { result.append(contentsOf: values) }
                state.recency.removeAll { $0 == key }
                state.recency.append(key)
            }
            while state.recency.count > maximumDays {
                state.days[state.recency.removeFirst()] = nil
            }
            // In id order, as SQLite returned them: the first of equally good candidates wins.
            return result.sorted { $0.articleID < $1.articleID }
        }
    }

    /// Our own write of a fingerprint: it replaces the article's earlier one, whichever day that was.
    func store(_ fingerprint: StoredFingerprint, language: Language) {
        state.withLock { state in
            for key in state.recency where key.language == language {
                state.days[key]?[fingerprint.articleID] = nil
            }
            state.days[Day(language: language, day: fingerprint.day)]?[fingerprint.articleID] = fingerprint
        }
    }
}
