import EnbekshiCore
import Foundation
import Store

/// Puts newly stored texts into the story of an earlier one when they are the same release, looking
/// at the same language within three days either side, and links releases on the same subject.
public enum StoryLinker {
    public static let windowDays = 3
    public static let maxRelated = 5

    /// One stored text to place.
    public struct Text: Sendable {
        public var articleID: Int64
        public var language: Language
        public var fingerprint: TextFingerprint
        public var day: String

        public init(articleID: Int64, language: Language, fingerprint: TextFingerprint, day: String) {
            self.articleID = articleID
            self.language = language
            self.fingerprint = fingerprint
            self.day = day
        }
    }

    /// Places a batch (a page of a feed) in order: each text is compared with what the store holds
    /// and with the texts before it in the batch, and the decisions are stored in one transaction.
    public static func link(_ texts: [Text], store: any NewsStore) async throws {
        // Each text's stored form, made once: compared with the later texts of the batch, then saved.
        let storedForms = texts.map { $0.fingerprint.stored(articleID: $0.articleID, day: $0.day) }
        let windows = try await Windows.load(for: texts, store: store)
        // The newsroom's word outranks the fingerprints: placed copies stay, kept-apart ones never join.
        let decisions = try await store.storyDecisions(of: Array(Set(texts.map(\.articleID))))
        // The batch's texts by language and day, in batch order: each is compared with those before it.
        var batch: [Windows.Key: [Int]] = [:]
        for (position, text) in texts.enumerated() { batch[Windows.Key(language: text.language, day: text.day), default: []].append(position) }
        // Every comparison reads only what was stored before the batch and the batch itself, so the
        // texts are decided on every core; the decisions are then stored in batch order.
        var verdicts = await Array(texts.indices).concurrentMap { [batch] position in
            decide(position, of: texts, storedForms: storedForms, windows: windows, batch: batch, decision: decisions[texts[position].articleID])
        }
        try await keepApartStories(texts, &verdicts, decisions: decisions, store: store)
        var links: [StoryLinks] = []
        var pendingRelated: [(link: Int, candidates: [(id: Int64, score: Double)])] = []
        for (position, decision) in verdicts.enumerated() {
            if !decision.related.isEmpty { pendingRelated.append((links.count, decision.related)) }
            links.append(StoryLinks(
                fingerprint: storedForms[position], language: texts[position].language, joins: decision.joins, related: []))
        }
        // One link per other story (its best copy), the closest few. Stories as they stand before this
        // batch: a text of the batch counts as its own story.
        let leaders = try await store.storyLeaders(of: Array(Set(pendingRelated.flatMap { $0.candidates.map(\.id) })))
        for (index, candidates) in pendingRelated {
            var seenStories = Set<Int64>()
            links[index].related = Array(candidates.sorted { $0.score > $1.score }
                .filter { seenStories.insert(leaders[$0.id] ?? $0.id).inserted }
                .prefix(maxRelated))
        }
        try await store.saveStoryLinks(links)
    }

    /// A text kept apart from an article never joins that article's story, however it would reach
    /// it: through another copy of the story, or through texts of this batch joining each other.
    /// The batch's joins are replayed in order over the stories as stored; a join that would put a
    /// text in one story with an article it is kept apart from is dropped (it stays on its own;
    /// "related" still links them). Only texts with such decisions are ever dropped.
    static func keepApartStories(
        _ texts: [Text], _ verdicts: inout [(joins: Int64?, related: [(id: Int64, score: Double)])], decisions: [Int64: StoryDecision],
        store: any NewsStore
    ) async throws {
        guard texts.indices.contains(where: { verdicts[$0].joins != nil && !(decisions[texts[$0].articleID]?.apart.isEmpty ?? true) })
        else { return }
        let involved = Set(texts.map(\.articleID) + verdicts.compactMap(\.joins) + decisions.values.flatMap(\.apart))
        let stored = try await store.storyLeaders(of: Array(involved))
        // Each article's story as the batch's joins move texts, one at a time.
        var moved: [Int64: Int64] = [:]
        func story(_ id: Int64) -> Int64 { moved[id] ?? stored[id] ?? id }
        for (position, text) in texts.enumerated() {
            guard let target = verdicts[position].joins else { continue }
            let joined = story(target)
            if let apart = decisions[text.articleID]?.apart, apart.contains(where: { story($0) == joined }) {
                verdicts[position].joins = nil
                continue
            }
            moved[text.articleID] = joined
        }
    }

    /// The story text `position` joins (the best-contained earlier text, if any is the same release)
    /// and the texts it is related to, among the stored texts of its window and the batch's texts
    /// before it.
    static func decide(
        _ position: Int, of texts: [Text], storedForms: [StoredFingerprint], windows: Windows, batch: [Windows.Key: [Int]],
        decision: StoryDecision? = nil
    ) -> (joins: Int64?, related: [(id: Int64, score: Double)]) {
        let text = texts[position]
        let fingerprint = text.fingerprint
        guard fingerprint.shingleCount >= 8, let days = window(around: text.day) else { return (nil, []) }
        var best: (id: Int64, containment: Double)?
        var related: [(id: Int64, score: Double)] = []
        let apart = decision?.apart ?? []
        func consider(_ candidate: StoredFingerprint) {
            guard candidate.articleID != text.articleID, !apart.contains(candidate.articleID) else { return }
            if case .same(let containment) = StoryMatcher.verdict(fingerprint, candidate) {
                // The best-contained text wins; of equals, the first published (lowest id).
                if let current = best, containment < current.containment
                    || (containment == current.containment && candidate.articleID > current.id) { return }
                best = (candidate.articleID, containment)
            } else if let score = StoryMatcher.related(fingerprint, candidate) {
                related.append((candidate.articleID, score))
            }
        }
        for day in days.all {
            for candidate in windows.stored[Windows.Key(language: text.language, day: day)] ?? [] { consider(candidate) }
        }
        for day in days.all {
            for index in batch[Windows.Key(language: text.language, day: day)] ?? [] {
                guard index < position else { break }
                consider(storedForms[index])
            }
        }
        return (decision?.placed == true ? nil : best?.id, related)
    }

    /// The days compared with a text published on `day`.
    static func window(around day: String) -> (from: Day, to: Day, all: [String])? {
        guard let center = Day(day) else { return nil }
        let all = (-windowDays...windowDays).map { center.adding(days: $0).description }
        return (center.adding(days: -windowDays), center.adding(days: windowDays), all)
    }

    /// What the store holds for the windows of a batch's texts, by language and day, read with one
    /// call per language and month rather than one per text (a batch of a thousand texts made a
    /// thousand round trips to the writer).
    struct Windows: Sendable {
        struct Key: Hashable, Sendable {
            var language: Language
            var day: String
        }

        var stored: [Key: [StoredFingerprint]] = [:]

        static func load(for texts: [Text], store: any NewsStore) async throws -> Windows {
            var windows = Windows()
            let days = Dictionary(grouping: texts.filter { $0.fingerprint.shingleCount >= 8 }, by: \.language)
                .mapValues { Set($0.map(\.day)).sorted() }
            for (language, published) in days.sorted(by: { $0.key.rawValue < $1.key.rawValue }) {
                // Spans of at most 24 publication days: with three days either side, within the
                // month the store answers at once.
                var spans: [(from: Day, to: Day)] = []
                for day in published {
                    guard let window = window(around: day) else { continue }
                    if let last = spans.last, window.to <= last.from.adding(days: 30) {
                        spans[spans.count - 1].to = window.to
                    } else {
                        spans.append((window.from, window.to))
                    }
                }
                for span in spans {
                    for fingerprint in try await store.fingerprints(language: language, fromDay: span.from, toDay: span.to) {
                        windows.stored[Key(language: language, day: fingerprint.day), default: []].append(fingerprint)
                    }
                }
            }
            return windows
        }
    }
}
