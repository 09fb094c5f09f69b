import EnbekshiCore
import Foundation

/// What the harvester knows of each feed: where it stopped, how it fared, how busy it is.
public protocol HarvestLedger: Sendable {
    func harvestState(source: String, language: Language) async throws -> HarvestState?
    /// Every feed's harvest state.
    func harvestStates() async throws -> [HarvestState]
    func record(_ state: HarvestState) async throws
    /// Versions per feed published since a moment (gov.kz's own, not translations): how busy each
    /// feed is, for the poll schedule.
    func feedActivity(since: Date) async throws -> [FeedActivity]
}
