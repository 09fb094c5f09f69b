import EnbekshiCore
import Foundation
import Store

/// Puts a newly stored text into the story of an earlier one when it is the same release, looking at
/// the same language within three days either side.
public enum StoryLinker {
    public static let windowDays = 3

    public static func link(
        articleID: Int64, language: Language, title: String, paragraphs: [String], day: String, store: any NewsStore
    ) async throws {
        let fingerprint = TextFingerprint(title: title, paragraphs: paragraphs)
        let encoded = fingerprint.encoded
        try await store.saveFingerprint(
            StoredFingerprint(
                articleID: articleID, storyID: nil, signature: encoded.signature, tokens: encoded.tokens, topic: encoded.topic),
            language: language, day: day)
        guard fingerprint.shingleCount >= 8, let (from, to) = window(around: day) else { return }
        var best: (id: Int64, containment: Double)?
        var related: [(id: Int64, story: Int64, score: Double)] = []
        for candidate in try await store.fingerprints(language: language, fromDay: from, toDay: to, excluding: articleID) {
            guard let other = TextFingerprint(signature: candidate.signature, tokens: candidate.tokens, topic: candidate.topic)
            else { continue }
            if StoryMatcher.sameStory(fingerprint, other).same {
                let containment = fingerprint.containment(in: other)
                if containment > (best?.containment ?? 0) { best = (candidate.articleID, containment) }
            } else if let score = StoryMatcher.related(fingerprint, other) {
                related.append((candidate.articleID, candidate.storyID ?? candidate.articleID, score))
            }
        }
        if let best { try await store.joinStory(articleID: articleID, with: best.id) }
        // One link per other story (its best copy), the closest few.
        var seenStories = Set<Int64>()
        let links = related.sorted { $0.score > $1.score }.filter { seenStories.insert($0.story).inserted }
            .prefix(maxRelated).map { (id: $0.id, score: $0.score) }
        try await store.relate(articleID, to: Array(links))
    }

    public static let maxRelated = 5

    static func window(around day: String) -> (String, String)? {
        guard let from = GovKzDate.day(day, plus: -windowDays), let to = GovKzDate.day(day, plus: windowDays) else { return nil }
        return (from, to)
    }
}
