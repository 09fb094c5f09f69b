@testable import Admin
import Testing

@Suite("PasswordHasher")
struct PasswordHasherTests {
    @Test("a hash verifies its password only, never holds it, and names its cost")
    func hashAndVerify() async throws {
        let hasher = try PasswordHasher(cost: 4)
        let hash = try await hasher.hash("correct horse battery")
        #expect(!hash.contains("correct"))
        #expect(hash.hasPrefix("$2b$04$"))
        #expect(PasswordHasher.cost(of: hash) == 4)
        #expect(await hasher.verify("correct horse battery", hash: hash))
        #expect(await hasher.verify("correct horse batterY", hash: hash) == false)
        #expect(await hasher.verify("", hash: hash) == false)
        #expect(await hasher.verify("correct horse battery", hash: "not a hash") == false)
        // Two hashes of one password differ (each has its own salt).
        #expect(try await hasher.hash("correct horse battery") != hash)
    }

    @Test("a hash made with another cost is rehashed at the next sign-in")
    func rehash() async throws {
        let old = try await PasswordHasher(cost: 4).hash("correct horse battery")
        #expect(try PasswordHasher(cost: 5).needsRehash(old))
        #expect(try PasswordHasher(cost: 4).needsRehash(old) == false)
        #expect(try PasswordHasher(cost: 5).needsRehash("garbage"))
    }

    @Test("costs outside 4…31 and weak or unreadable passwords are refused, not crashed on")
    func refusals() {
        #expect(throws: PasswordHasher.Failure.cost(3)) { try PasswordHasher(cost: 3) }
        #expect(throws: PasswordHasher.Failure.cost(32)) { try PasswordHasher(cost: 32) }
        #expect(throws: PasswordHasher.Failure.tooShort) { try PasswordHasher.check(newPassword: "short") }
        #expect(throws: PasswordHasher.Failure.tooLong) { try PasswordHasher.check(newPassword: String(repeating: "ә", count: 40)) }
        #expect(throws: PasswordHasher.Failure.nul) { try PasswordHasher.check(newPassword: "long enough\u{0}tail") }
        #expect(throws: Never.self) { try PasswordHasher.check(newPassword: "Қазақстан 2026") }
    }
}
