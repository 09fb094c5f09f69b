import EnbekshiCore
import Foundation

/// What the newsroom decides about whole articles. A decision outlives the harvest: saving a new
/// version of a hidden article, or cleaning it again, leaves it hidden.
public protocol ArticleModeration: Sendable {
    /// Hides an article from the public (it stays stored). When it led its story, the next copy
    /// leads. False when there is no such article or it is hidden already.
    @discardableResult func hide(articleID: Int64, reason: String, actor: String, at: Date) async throws -> Bool
    /// Shows a hidden article again (as a copy of its story, if it had one); false when it was not hidden.
    @discardableResult func unhide(articleID: Int64) async throws -> Bool
    func hiddenArticle(id: Int64) async throws -> HiddenArticle?
    /// Hidden articles, most recently hidden first.
    func hiddenArticles(limit: Int) async throws -> [HiddenArticle]
    /// Removes a hidden article and everything stored of it (versions, history, search entries,
    /// corrections, translations); what was fetched is remembered, so gov.kz's unchanged item does
    /// not bring it back. False when there is no such article or it is not hidden.
    @discardableResult func deleteForGood(articleID: Int64) async throws -> Bool
    /// Takes a flagged version off the review queue as it stands now; it comes back if its text
    /// changes at the source. False when there is no such version.
    @discardableResult func approve(articleID: Int64, language: Language, actor: String, at: Date) async throws -> Bool
}
