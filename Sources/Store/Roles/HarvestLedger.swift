import EnbekshiCore
import Foundation

/// What the harvester knows of each feed: where it stopped, how it fared, how busy it is.
public protocol HarvestLedger: Sendable {
    func harvestState(source: String, language: Language) async throws -> HarvestState?
    /// Every feed's harvest state.
    func harvestStates() async throws -> [HarvestState]
    /// Stores a feed's state; with a `fence`, only while that lease is held (`StoreError.leaseLost`).
    func record(_ state: HarvestState, fence: Lease?) async throws
    /// Versions per feed published since a moment (gov.kz's own, not translations): how busy each
    /// feed is, for the poll schedule.
    func feedActivity(since: Date) async throws -> [FeedActivity]
}

extension HarvestLedger {
    public func record(_ state: HarvestState) async throws {
        try await record(state, fence: nil)
    }
}
