import Testing
import Store
import TestSupport

/// Every store implementation the contract runs against. PostgreSQL joins this list when it exists.
enum StoreImplementation: String, CaseIterable, CustomTestStringConvertible, Sendable {
    case sqlite

    var testDescription: String { rawValue }

    /// A fresh, migrated, empty store, and the value that keeps its storage alive.
    func make() async throws -> (store: any NewsStore, lifetime: AnyObject) {
        switch self {
        case .sqlite:
            let database = try await TemporaryDatabase()
            return (database.store, database)
        }
    }
}

