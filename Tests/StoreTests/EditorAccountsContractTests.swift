import Foundation
import Store
import TestSupport
import Testing

/// The newsroom's accounts and sessions, on every engine.
@Suite("EditorAccounts contract")
struct EditorAccountsContractTests {
    static func account(_ login: String, role: EditorRole = .editor) -> NewEditorAccount {
        NewEditorAccount(login: login, displayName: "Name of \(login)", role: role, passwordHash: "$2b$04$" + String(repeating: "a", count: 53))
    }

    @Test("accounts are added once per login, found by login (any case) and id, listed by login, and updated", arguments: StoreImplementation.allCases)
    func accounts(_ implementation: StoreImplementation) async throws {
        let (store, lifetime) = try await implementation.make()
        defer { withExtendedLifetime(lifetime) {} }
        let zhanna = try await store.addEditor(Self.account("Zhanna", role: .chief))
        let arman = try await store.addEditor(Self.account("arman"))
        #expect(zhanna.login == "zhanna")
        #expect(zhanna.id != arman.id)
        await #expect(throws: StoreError.self) { try await store.addEditor(Self.account(" ZHANNA ")) }
        #expect(try await store.editor(login: "ZHANNA")?.id == zhanna.id)
        #expect(try await store.editor(id: arman.id)?.login == "arman")
        #expect(try await store.editor(login: "nobody") == nil)
        #expect(try await store.editor(id: 999_999) == nil)
        #expect(try await store.editors().map(\.login) == ["arman", "zhanna"])

        var changed = arman
        changed.role = .admin
        changed.disabled = true
        changed.displayName = "Арман"
        changed.passwordHash = "new hash"
        #expect(try await store.updateEditor(changed))
        let read = try #require(try await store.editor(id: arman.id))
        #expect(read.role == .admin && read.disabled && read.displayName == "Арман" && read.passwordHash == "new hash")
        #expect(abs(read.createdAt.timeIntervalSince(arman.createdAt)) < 0.01)
        changed.id = 999_999
        #expect(try await store.updateEditor(changed) == false)
    }

    @Test("sessions are started, found by id, touched, listed newest use first, and ended one, per account or by idleness", arguments: StoreImplementation.allCases)
    func sessions(_ implementation: StoreImplementation) async throws {
        let (store, lifetime) = try await implementation.make()
        defer { withExtendedLifetime(lifetime) {} }
        let a = try await store.addEditor(Self.account("aigerim"))
        let b = try await store.addEditor(Self.account("bolat"))
        let start = Date(timeIntervalSince1970: 1_800_000_000)
        func session(_ id: String, _ editor: EditorAccount, minutesAgo: Double) -> EditorSession {
            let at = start.addingTimeInterval(-minutesAgo * 60)
            return EditorSession(id: id, editorID: editor.id, csrfToken: "csrf-\(id)", createdAt: at, lastSeenAt: at, address: "127.0.0.1", userAgent: nil)
        }
        try await store.startSession(session("a1", a, minutesAgo: 30))
        try await store.startSession(session("a2", a, minutesAgo: 10))
        try await store.startSession(session("b1", b, minutesAgo: 300))
        let found = try #require(try await store.session(id: "a1"))
        #expect(found.editorID == a.id && found.csrfToken == "csrf-a1" && found.address == "127.0.0.1" && found.userAgent == nil)
        #expect(try await store.session(id: "missing") == nil)
        #expect(try await store.sessions(editorID: a.id).map(\.id) == ["a2", "a1"])

        try await store.touchSession(id: "a1", at: start)
        #expect(try await store.sessions(editorID: a.id).map(\.id) == ["a1", "a2"])
        let touched = try #require(try await store.session(id: "a1"))
        #expect(abs(touched.lastSeenAt.timeIntervalSince(start)) < 0.01)

        #expect(try await store.endSessions(lastSeenBefore: start.addingTimeInterval(-60 * 60)) == 1)
        #expect(try await store.session(id: "b1") == nil)
        #expect(try await store.endSession(id: "a2"))
        #expect(try await store.endSession(id: "a2") == false)
        try await store.startSession(session("a3", a, minutesAgo: 1))
        #expect(try await store.endSessions(editorID: a.id) == 2)
        #expect(try await store.sessions(editorID: a.id).isEmpty)
    }
}
