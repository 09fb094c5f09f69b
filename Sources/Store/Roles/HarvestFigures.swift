import Foundation

/// The workers' record of their harvest, hour by hour and source by source, for the operator's view
/// in the editors' room (Prometheus keeps the fine-grained figures; these survive restarts and need
/// nothing but the database).
public protocol HarvestFigures: Sendable {
    /// Adds a poll's figures to its source's hour (`figures.hour` is rounded down to the hour).
    func recordHarvestFigures(_ figures: HarvestHour) async throws
    /// Figures since a moment, oldest first, per hour or per day (`daily`), for one source or summed
    /// over all (`source` nil: rows carry source "").
    func harvestFigures(since: Date, source: String?, daily: Bool) async throws -> [HarvestHour]
}
