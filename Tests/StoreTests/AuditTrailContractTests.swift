import Foundation
@testable import Store
import TestSupport
import Testing

/// The newsroom's audit trail, on every engine.
@Suite("AuditTrail contract")
struct AuditTrailContractTests {
    @Test("entries are appended with growing ids and read newest first, by actor, action prefix and target, a page at a time", arguments: StoreImplementation.allCases)
    func filters(_ implementation: StoreImplementation) async throws {
        let (store, lifetime) = try await implementation.make()
        defer { withExtendedLifetime(lifetime) {} }
        let at = Date(timeIntervalSince1970: 1_800_000_000)
        var ids: [Int64] = []
        for (actor, action, target) in [
            ("ainur", "user.add", "user:bolat"), ("bolat", "session.login", "user:bolat"), ("ainur", "user.role", "user:bolat"),
            ("cli:root", "user_add", "user:x%"), ("ainur", "users", "user:c"),
        ] {
            ids.append(
                try await store.appendAudit(
                    AuditEntry(at: at, actor: actor, action: action, target: target, before: "editor", after: "chief", address: "10.0.0.1")))
        }
        #expect(ids == ids.sorted() && Set(ids).count == 5)
        let all = try await store.auditEntries(AuditFilter(), limit: 10)
        #expect(all.map(\.id) == ids.reversed().map { Optional($0) })
        let first = try #require(all.last)
        #expect(first.actor == "ainur" && first.action == "user.add" && first.before == "editor" && first.after == "chief" && first.address == "10.0.0.1")
        #expect(abs(first.at.timeIntervalSince(at)) < 0.01)

        #expect(try await store.auditEntries(AuditFilter(actor: "ainur"), limit: 10).count == 3)
        // A prefix is a prefix: "user." is not "user_" or "users", and % or _ match only themselves.
        #expect(try await store.auditEntries(AuditFilter(actionPrefix: "user."), limit: 10).map(\.action) == ["user.role", "user.add"])
        #expect(try await store.auditEntries(AuditFilter(actionPrefix: "user_"), limit: 10).map(\.action) == ["user_add"])
        #expect(try await store.auditEntries(AuditFilter(target: "user:bolat"), limit: 10).count == 3)
        #expect(try await store.auditEntries(AuditFilter(target: "user:x"), limit: 10).isEmpty)
        let page = try await store.auditEntries(AuditFilter(), limit: 2)
        let next = try await store.auditEntries(AuditFilter(beforeID: page.last?.id), limit: 2)
        #expect(page.count == 2 && next.count == 2)
        #expect(Set(page.compactMap(\.id)).isDisjoint(with: next.compactMap(\.id)))
        #expect(next.first?.id ?? 0 < page.last?.id ?? 0)
    }

    @Test("the database refuses to change or delete an entry", arguments: StoreImplementation.allCases)
    func appendOnly(_ implementation: StoreImplementation) async throws {
        let (store, lifetime) = try await implementation.make()
        defer { withExtendedLifetime(lifetime) {} }
        try await store.appendAudit(AuditEntry(actor: "ainur", action: "user.add", target: "user:bolat"))
        if let sqlite = store as? SQLiteStore {
            for statement in ["UPDATE audit_log SET actor = 'someone else'", "DELETE FROM audit_log"] {
                #expect(throws: (any Error).self, "\(statement)") { try sqlite.database.writeWithoutTransaction { try $0.execute(sql: statement) } }
            }
        } else if let postgres = store as? PostgresStore {
            await #expect(throws: (any Error).self) { try await postgres.execute("UPDATE audit_log SET actor = 'someone else'") }
            await #expect(throws: (any Error).self) { try await postgres.execute("DELETE FROM audit_log") }
            await #expect(throws: (any Error).self) { try await postgres.execute("TRUNCATE audit_log") }
        } else {
            Issue.record("no raw statements for \(implementation)")
        }
        #expect(try await store.auditEntries(AuditFilter(), limit: 10).map(\.actor) == ["ainur"])
    }
}
