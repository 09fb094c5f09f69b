import Store

/// Decides whether two texts in one language are the same release: most of the shorter text found
/// in the longer one (a republisher adds an introduction or drops a paragraph), and — so that reports
/// written from one template stay apart — the same numbers.
public enum StoryMatcher {
    /// Tuned on `eval/stories.jsonl`.
    public static let minimumContainment = 0.5
    public static let minimumNumberOverlap = 0.5
    /// Share of word stems two different releases must have in common to be "related"
    /// (tuned on the related pairs of `eval/stories.jsonl`: related releases share 23–48% of stems, the
    /// closest unrelated pair of its 108 texts 20%).
    public static let minimumTopicSimilarity = 0.22

    /// Two different releases on one subject: not the same story, but many word stems in common.
    public static func related(_ a: TextFingerprint, _ b: TextFingerprint) -> Double? {
        let similarity = a.topicSimilarity(to: b)
        return similarity >= minimumTopicSimilarity ? similarity : nil
    }

    /// What comparing two texts found.
    public enum Verdict: Sendable, Equatable {
        case same(containment: Double)
        case different(containment: Double)
        /// Alike, but from one template: the numbers differ.
        case numbersDiffer(containment: Double, overlap: Double)

        public var isSame: Bool {
            if case .same = self { true } else { false }
        }
    }

    /// Runs for every candidate of every new text: no strings here.
    public static func verdict(_ a: TextFingerprint, _ b: TextFingerprint) -> Verdict {
        let containment = a.containment(in: b)
        guard containment >= minimumContainment else { return .different(containment: containment) }
        if let overlap = a.numberOverlap(with: b), overlap < minimumNumberOverlap {
            return .numbersDiffer(containment: containment, overlap: overlap)
        }
        return .same(containment: containment)
    }

    /// Against a stored fingerprint, as story detection compares a new text with a thousand: the
    /// signatures first, and the tokens only for texts alike enough for their numbers to matter.
    public static func verdict(_ a: TextFingerprint, _ stored: StoredFingerprint) -> Verdict {
        let containment = a.containment(inSignature: stored.signature, shingleCount: stored.shingleCount)
        guard containment >= minimumContainment else { return .different(containment: containment) }
        return verdict(a, TextFingerprint(stored: stored))
    }

    public static func related(_ a: TextFingerprint, _ stored: StoredFingerprint) -> Double? {
        let similarity = a.topicSimilarity(toTopic: stored.topic)
        return similarity >= minimumTopicSimilarity ? similarity : nil
    }

    public static func sameStory(_ a: TextFingerprint, _ b: TextFingerprint) -> (same: Bool, reason: String) {
        switch verdict(a, b) {
        case .same(let containment):
            (true, "\(Int(containment * 100))% of the shorter text found in the other")
        case .different(let containment):
            (false, "\(Int(containment * 100))% of the shorter text found in the other")
        case .numbersDiffer(let containment, let overlap):
            (false, "\(Int(containment * 100))% alike, but the numbers differ (\(Int(overlap * 100))% shared)")
        }
    }
}
