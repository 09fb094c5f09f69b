import Foundation

/// The machines moved an article to another section or region (a reclassification after a new
/// text, `reclean`, a new model); what the newsroom corrected is not one.
public struct TopicChange: Sendable, Hashable {
    /// "section" or "region".
    public var field: String
    public var before: String
    public var after: String
    public var at: Date

    public init(field: String, before: String, after: String, at: Date) {
        self.field = field
        self.before = before
        self.after = after
        self.at = at
    }
}
