@testable import Admin
import Foundation
import Testing

@Suite("SignInCodes")
struct SignInCodesTests {
    /// RFC 6238, appendix B: the SHA-1 secret "12345678901234567890" at 59 s gives 94287082 (8 digits; 287082 for 6).
    @Test("codes follow RFC 6238's test vector; one step either side is accepted, further ones are not")
    func rfcVector() {
        let secret = "12345678901234567890"
        #expect(SignInCodes.code(secret: secret, at: Date(timeIntervalSince1970: 59)) == "287082")
        #expect(SignInCodes.code(secret: secret, at: Date(timeIntervalSince1970: 1_111_111_109)) == "081804")
        let now = Date(timeIntervalSince1970: 1_111_111_109)
        #expect(SignInCodes.step(of: "081804", secret: secret, now: now) == Int64(37_037_036))
        #expect(SignInCodes.step(of: " 081 804 ", secret: secret, now: now) == Int64(37_037_036))
        #expect(SignInCodes.step(of: "081804", secret: secret, now: now.addingTimeInterval(30)) == Int64(37_037_036))
        #expect(SignInCodes.step(of: "081804", secret: secret, now: now.addingTimeInterval(95)) == nil)
        for bad in ["", "08180", "0818045", "abcdef", "٠٨١٨٠٤"] { #expect(SignInCodes.step(of: bad, secret: secret, now: now) == nil, "\(bad)") }
    }

    @Test("a new secret is 32 base32 letters, different each time; the app's key is its base32")
    func secrets() {
        let a = SignInCodes.newSecret(), b = SignInCodes.newSecret()
        #expect(a.count == 32 && a != b && a.allSatisfy { $0.isUppercase || ("2"..."7").contains($0) })
        let enrolment = SignInCodes.enrolment(secret: a, login: "aliya")
        #expect(enrolment.url.hasPrefix("otpauth://totp/") && enrolment.url.contains("issuer=Enbekshi") && enrolment.url.contains("secret=\(enrolment.key)"))
        #expect(enrolment.key.count == 52)
    }
}
