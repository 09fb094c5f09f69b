/// Decides whether two texts in one language are the same release: most of the shorter text found
/// in the longer one (a republisher adds an introduction or drops a paragraph), and — so that reports
/// written from one template stay apart — the same numbers.
public enum StoryMatcher {
    /// Tuned on `eval/stories.jsonl`.
    public static let minimumContainment = 0.5
    public static let minimumNumberOverlap = 0.5

    public static func sameStory(_ a: TextFingerprint, _ b: TextFingerprint) -> (same: Bool, reason: String) {
        let containment = a.containment(in: b)
        guard containment >= minimumContainment else {
            return (false, "\(Int(containment * 100))% of the shorter text found in the other")
        }
        if let overlap = a.numberOverlap(with: b), overlap < minimumNumberOverlap {
            return (false, "\(Int(containment * 100))% alike, but the numbers differ (\(Int(overlap * 100))% shared)")
        }
        return (true, "\(Int(containment * 100))% of the shorter text found in the other")
    }
}
