import Admin
import Foundation
import Store
import TestSupport
import Testing

@Suite("enbekshi users")
struct UsersCommandTests {
    static func passwordFile(_ text: String) throws -> URL {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("enbekshi-password-\(UUID().uuidString)")
        try Data(text.utf8).write(to: url)
        return url
    }

    @Test("a new database has no account; add, role, passwd, disable and enable work as typed, each audited")
    func lifecycle() async throws {
        let database = try await TemporaryDatabase()
        let db = ["--database", database.path, "--bcrypt-cost", "4"]
        #expect(try await database.store.editors().isEmpty)
        let first = try Self.passwordFile("correct horse battery\n")
        defer { try? FileManager.default.removeItem(at: first) }
        try await CommandRunner.run(["users", "add", "Ainur", "--role", "admin", "--name", "Айнұр", "--password-file", first.path] + db)
        let ainur = try #require(try await database.store.editor(login: "ainur"))
        #expect(ainur.role == .admin && ainur.displayName == "Айнұр" && !ainur.disabled)
        #expect(await PasswordHasher.verifying("correct horse battery", ainur.passwordHash))

        try await CommandRunner.run(["users", "role", "ainur", "chief"] + db)
        #expect(try await database.store.editor(login: "ainur")?.role == .chief)
        let second = try Self.passwordFile("another long password\r\n")
        defer { try? FileManager.default.removeItem(at: second) }
        try await CommandRunner.run(["users", "passwd", "ainur", "--password-file", second.path] + db)
        let changed = try #require(try await database.store.editor(login: "ainur"))
        #expect(await PasswordHasher.verifying("another long password", changed.passwordHash))
        try await CommandRunner.run(["users", "disable", "ainur"] + db)
        #expect(try await database.store.editor(login: "ainur")?.disabled == true)
        try await CommandRunner.run(["users", "enable", "ainur"] + db)
        #expect(try await database.store.editor(login: "ainur")?.disabled == false)
        try await CommandRunner.run(["users", "list"] + db)

        let trail = try await database.store.auditEntries(AuditFilter(target: "user:ainur"), limit: 10)
        #expect(trail.map(\.action) == ["user.enable", "user.disable", "user.password", "user.role", "user.add"])
        #expect(trail.allSatisfy { $0.actor.hasPrefix("cli:") })
    }

    @Test("a taken login, an unknown one, a short password, a bad role or cost are refused with a message, and nothing changes")
    func refusals() async throws {
        let database = try await TemporaryDatabase()
        let db = ["--database", database.path, "--bcrypt-cost", "4"]
        let good = try Self.passwordFile("correct horse battery")
        let short = try Self.passwordFile("short")
        defer { for file in [good, short] { try? FileManager.default.removeItem(at: file) } }
        try await CommandRunner.run(["users", "add", "bolat", "--password-file", good.path] + db)
        #expect(try await database.store.editor(login: "bolat")?.role == .editor)
        await #expect(throws: (any Error).self) { try await CommandRunner.run(["users", "add", "bolat", "--password-file", good.path] + db) }
        await #expect(throws: (any Error).self) { try await CommandRunner.run(["users", "add", "dana", "--password-file", short.path] + db) }
        await #expect(throws: (any Error).self) { try await CommandRunner.run(["users", "add", "x y", "--password-file", good.path] + db) }
        await #expect(throws: (any Error).self) { try await CommandRunner.run(["users", "add", "dana", "--role", "owner", "--password-file", good.path] + db) }
        await #expect(throws: (any Error).self) { try await CommandRunner.run(["users", "passwd", "nobody", "--password-file", good.path] + db) }
        await #expect(throws: (any Error).self) { try await CommandRunner.run(["users", "add", "dana", "--password-file", good.path, "--database", database.path, "--bcrypt-cost", "40"]) }
        await #expect(throws: (any Error).self) { try await CommandRunner.run(["users", "add", "dana", "--password-file", "/nonexistent/file"] + db) }
        #expect(try await database.store.editors().map(\.login) == ["bolat"])
    }
}

extension PasswordHasher {
    static func verifying(_ password: String, _ hash: String) async -> Bool {
        guard let hasher = try? PasswordHasher(cost: 4) else { return false }
        return await hasher.verify(password, hash: hash)
    }
}
