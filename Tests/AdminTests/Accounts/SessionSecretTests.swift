@testable import Admin
import Testing

@Suite("SessionSecret")
struct SessionSecretTests {
    @Test("secrets are long, cookie-safe and different each time; the store keeps their SHA-256")
    func secrets() {
        let secrets = (0..<100).map { _ in SessionSecret.make() }
        #expect(Set(secrets).count == 100)
        for secret in secrets {
            #expect(secret.count == 43)
            #expect(secret.allSatisfy { $0.isASCII && ($0.isLetter || $0.isNumber || $0 == "-" || $0 == "_") })
        }
        // The known SHA-256 of "abc".
        #expect(SessionSecret.storedID("abc") == "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad")
    }

    @Test("tokens compare equal only when identical, and an empty token matches nothing")
    func equality() {
        #expect(SessionSecret.equal("abcdef", "abcdef"))
        #expect(SessionSecret.equal("abcdef", "abcdeF") == false)
        #expect(SessionSecret.equal("abcdef", "abcde") == false)
        #expect(SessionSecret.equal("", "") == false)
    }
}
