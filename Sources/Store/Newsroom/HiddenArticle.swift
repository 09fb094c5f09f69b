import Foundation

/// An article an editor has hidden: gone from every listing, feed, search, sitemap and the API;
/// its page answers 410 Gone with the reason.
public struct HiddenArticle: Sendable, Hashable {
    public var articleID: Int64
    public var reason: String
    /// The login of who hid it.
    public var actor: String
    public var at: Date

    public init(articleID: Int64, reason: String, actor: String, at: Date) {
        self.articleID = articleID
        self.reason = reason
        self.actor = actor
        self.at = at
    }
}
