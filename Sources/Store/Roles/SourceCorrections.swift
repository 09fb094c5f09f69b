import Foundation

/// The newsroom's corrections of sources (names, kind, region, parent): records over the catalog,
/// shown by every `SourceRegistry` read, never undone by seeding the catalog again.
public protocol SourceCorrections: Sendable {
    /// Records or replaces a correction of one field; false when there is no such source.
    @discardableResult func correctSource(_ correction: SourceCorrection) async throws -> Bool
    /// Gives a field back to the catalog; false when it had no correction.
    @discardableResult func removeSourceCorrection(slug: String, field: SourceCorrection.Field) async throws -> Bool
    func sourceCorrections(slug: String) async throws -> [SourceCorrection]
}
