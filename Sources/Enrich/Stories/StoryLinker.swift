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
        var links: [StoryLinks] = []
        var pendingRelated: [(link: Int, candidates: [(id: Int64, score: Double)])] = []
        for (position, text) in texts.enumerated() {
            let fingerprint = text.fingerprint
            var joins: Int64?
            var related: [(id: Int64, score: Double)] = []
            if fingerprint.shingleCount >= 8, let (from, to) = window(around: text.day) {
                let earlier = texts.indices[..<position].filter { index in
                    let other = texts[index]
                    return other.language == text.language && other.articleID != text.articleID && other.day >= from && other.day <= to
                }.map { storedForms[$0] }
                let stored = try await store.fingerprints(language: text.language, fromDay: from, toDay: to, excluding: text.articleID)
                var best: (id: Int64, containment: Double)?
                func consider(_ candidate: StoredFingerprint) {
                    if case .same(let containment) = StoryMatcher.verdict(fingerprint, candidate) {
                        // The best-contained text wins; of equals, the first published (lowest id).
                        if let current = best, containment < current.containment
                            || (containment == current.containment && candidate.articleID > current.id) { return }
                        best = (candidate.articleID, containment)
                    } else if let score = StoryMatcher.related(fingerprint, candidate) {
                        related.append((candidate.articleID, score))
                    }
                }
                for candidate in stored { consider(candidate) }
                for candidate in earlier { consider(candidate) }
                joins = best?.id
            }
            if !related.isEmpty { pendingRelated.append((links.count, related)) }
            links.append(StoryLinks(fingerprint: storedForms[position], language: text.language, joins: joins, related: []))
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

    static func window(around day: String) -> (String, String)? {
        guard let from = GovKzDate.day(day, plus: -windowDays), let to = GovKzDate.day(day, plus: windowDays) else { return nil }
        return (from, to)
    }
}
