import Testing
import Store

/// Every store implementation the contract runs against: each contract test runs once per engine.
public enum StoreImplementation: String, CaseIterable, CustomTestStringConvertible, Sendable {
    case sqlite
    case postgres

    public static var allCases: [StoreImplementation] { TemporaryPostgres.isOff ? [.sqlite] : [.sqlite, .postgres] }

    public var testDescription: String { rawValue }

    /// A fresh, migrated, empty store, and the value that keeps its storage alive.
    public func make() async throws -> (store: any NewsStore, lifetime: AnyObject) {
        switch self {
        case .sqlite:
            let database = try await TemporaryDatabase()
            return (database.store, database)
        case .postgres:
            let database = try await TemporaryPostgres()
            return (database.store, database)
        }
    }
}
