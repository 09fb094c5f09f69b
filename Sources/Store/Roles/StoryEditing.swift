/// The newsroom's decisions about stories: merging two, taking a copy out, choosing the lead, and
/// "not the same story". The story linker reads them back (`storyDecisions`) so it never undoes one:
/// copies the newsroom placed stay where they are, and articles kept apart are never joined again.
public protocol StoryEditing: Sendable {
    /// Moves every copy of `articleID`'s story into the story of `target`, whose lead stays. False
    /// when either is missing or they share a story already.
    @discardableResult func mergeStories(_ articleID: Int64, into target: Int64) async throws -> Bool
    /// Takes a copy out of its story (when it led, the next visible copy leads); it is kept apart
    /// from the copies it left. False when it was in no story with others.
    @discardableResult func splitFromStory(_ articleID: Int64) async throws -> Bool
    /// Makes a copy the lead of its story. False when it is in no story or leads already.
    @discardableResult func leadStory(_ articleID: Int64) async throws -> Bool
    /// Records that two articles are not the same story, taking `other` out if they share one.
    /// False when either is missing or they are the same article.
    @discardableResult func markApart(_ articleID: Int64, _ other: Int64) async throws -> Bool
    /// What the newsroom decided about these articles' stories, for those it decided anything.
    func storyDecisions(of articleIDs: [Int64]) async throws -> [Int64: StoryDecision]
}

/// The newsroom's word on one article's story.
public struct StoryDecision: Sendable, Hashable {
    /// Articles it is never to share a story with.
    public var apart: Set<Int64>
    /// Its story was set by the newsroom: the linker leaves it there.
    public var placed: Bool

    public init(apart: Set<Int64> = [], placed: Bool = false) {
        self.apart = apart
        self.placed = placed
    }
}
