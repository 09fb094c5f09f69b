import EnbekshiCore
import Foundation

/// What the review queue asks editors about besides quality flags (`VersionMaintenance.flaggedVersions`):
/// briefs, texts gov.kz changed, uncertain sections and regions, near-duplicates and new sources.
/// Each list leaves out hidden articles and what an editor has already decided, newest first.
public protocol ReviewQueue: Sendable {
    /// gov.kz's own versions (never machine translations) of one kind, not approved as they stand
    /// (`ArticleModeration.approve`; a new text at the source asks again).
    func versionsToReview(_ kind: VersionReview, limit: Int) async throws -> [StoredVersion]
    /// Articles whose section margin is under `sectionMargin` (and whose section no editor corrected),
    /// or whose region margin is under `regionMargin` (likewise), not approved as they stand.
    func uncertainTopics(sectionMargin: Double, regionMargin: Double, limit: Int) async throws -> [Int64]
    /// Approves an article's section and region as they are; a later change of either asks again.
    /// False when the article has no topics.
    @discardableResult func approveTopics(articleID: Int64, actor: String, at: Date) async throws -> Bool
    /// Related articles alike by at least `minimumScore` that are still in different stories, with
    /// no "not the same story" decision between them; each pair once, by its newer article, newest first.
    func nearDuplicates(minimumScore: Double, limit: Int) async throws -> [NearDuplicate]
    /// Sources worth a look that no editor has reviewed: those the catalog added after the first
    /// seed, and those with articles but no name in any language. Never the newsroom.
    func sourcesToReview(limit: Int) async throws -> [Source]
    /// False when there is no such source.
    @discardableResult func approveSource(slug: String, actor: String, at: Date) async throws -> Bool
}

/// Kinds of gov.kz versions the queue asks about.
public enum VersionReview: String, Sendable, CaseIterable {
    /// A title with no body.
    case brief
    /// The text changed at the source after it was first stored (it has history).
    case changedAtSource = "changed-at-source"
}

/// Two articles alike enough to be one release, which the story linker kept apart.
public struct NearDuplicate: Sendable, Hashable {
    public var articleID: Int64
    public var otherID: Int64
    public var score: Double

    public init(articleID: Int64, otherID: Int64, score: Double) {
        self.articleID = articleID
        self.otherID = otherID
        self.score = score
    }
}
