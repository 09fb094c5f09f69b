import EnbekshiCore

/// The newsroom's corrections of headlines, sections and regions. Pages, feeds, the API, search
/// and the sitemap show a corrected value as if the machines had made it; the machines' own value
/// is kept in the correction (`replaced`), up to date, so removing a correction restores it.
public protocol ArticleCorrections: Sendable {
    /// Records a correction (replacing an earlier one of the same field) and applies it; false when
    /// there is no such article, or no such edition for a headline.
    @discardableResult func correct(_ correction: Correction) async throws -> Bool
    /// An article's corrections, by field and edition.
    func corrections(articleID: Int64) async throws -> [Correction]
    /// Removes a correction and puts back the machines' value; returns the removed correction.
    @discardableResult func removeCorrection(articleID: Int64, language: Language?, field: Correction.Field) async throws -> Correction?
}
