import Foundation
import HummingbirdOTP
import Store

/// The optional second sign-in step: six-digit codes from an authenticator app (TOTP, RFC 6238:
/// SHA-1, 30-second steps, as every such app expects). A code is accepted one step either side of
/// now (clocks drift) and only once: the store records the last step used.
public enum SignInCodes {
    static let timeStep = 30

    /// A new shared secret: 32 letters and digits (about 190 bits), whose bytes are the HMAC key.
    public static func newSecret() -> String {
        let alphabet = Array("ABCDEFGHIJKLMNOPQRSTUVWXYZ234567")
        var generator = SystemRandomNumberGenerator()
        return String((0..<32).map { _ in alphabet[Int(generator.next(upperBound: UInt32(alphabet.count)))] })
    }

    /// What an authenticator app is given: the `otpauth://` address, and the key typed by hand
    /// (the address's base32 secret).
    public static func enrolment(secret: String, login: String) -> (url: String, key: String) {
        let url = TOTP(secret: secret).createAuthenticatorURL(label: "Enbekshi QazaQ:\(login)", issuer: "Enbekshi QazaQ")
        let key = URLComponents(string: url)?.queryItems?.first { $0.name == "secret" }?.value ?? ""
        return (url, key)
    }

    /// The code an app shows at `date`, six digits.
    public static func code(secret: String, at date: Date) -> String {
        let value = TOTP(secret: secret).compute(date: date)
        return String(repeating: "0", count: max(0, 6 - String(value).count)) + String(value)
    }

    /// The time step whose code `typed` is, within one step of `now`; nil when it is none of them.
    static func step(of typed: String, secret: String, now: Date) -> Int64? {
        let digits = typed.filter { !$0.isWhitespace }
        guard digits.count == 6, digits.allSatisfy(\.isASCII), digits.allSatisfy(\.isNumber) else { return nil }
        let current = Int64(now.timeIntervalSince1970) / Int64(timeStep)
        for step in [current, current - 1, current + 1] {
            let date = Date(timeIntervalSince1970: TimeInterval(step * Int64(timeStep)))
            if SessionSecret.equal(code(secret: secret, at: date), digits) { return step }
        }
        return nil
    }

    /// Whether `typed` is a good code for the account now, used for the first time.
    public static func verify(_ typed: String, account: EditorAccount, store: any EditorAccounts, now: Date = Date()) async throws -> Bool {
        guard let secret = account.totpSecret, let step = step(of: typed, secret: secret, now: now) else { return false }
        return try await store.useTOTPStep(editorID: account.id, step: step)
    }
}
