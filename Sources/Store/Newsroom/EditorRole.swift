/// What a member of the newsroom may do, from least to most (`Admin`'s policy decides per action).
public enum EditorRole: String, Sendable, CaseIterable, Comparable, Codable {
    /// Reads the review queue and histories.
    case viewer
    /// Corrects, hides, edits translations, writes articles.
    case editor
    /// Also publishes, merges and splits stories, reverts others' changes.
    case chief
    /// Also manages accounts, sources and settings.
    case admin

    public static func < (lhs: EditorRole, rhs: EditorRole) -> Bool {
        allCases.firstIndex(of: lhs) ?? 0 < allCases.firstIndex(of: rhs) ?? 0
    }
}
