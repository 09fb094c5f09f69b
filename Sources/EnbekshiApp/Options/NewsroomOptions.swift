import Admin
import ArgumentParser
import Foundation

/// How the editors' room keeps passwords and sessions.
struct NewsroomOptions: ParsableArguments {
    @Option(name: .long, help: "bcrypt cost for editors' passwords, 4…31 (env ENBEKSHI_BCRYPT_COST; default 12). A password is rehashed at its next sign-in when this changes.")
    var bcryptCost: Int?

    @Option(name: .long, help: "Minutes an editor's session may go unused before it ends (default 120).")
    var sessionIdleMinutes = 120

    func validate() throws {
        guard sessionIdleMinutes >= 1 else { throw ValidationError("--session-idle-minutes must be at least 1") }
        _ = try hasher()
    }

    func hasher(environment: [String: String] = ProcessInfo.processInfo.environment) throws -> PasswordHasher {
        let raw = bcryptCost.map(String.init) ?? environment["ENBEKSHI_BCRYPT_COST"]
        guard let raw else { return try PasswordHasher() }
        guard let cost = Int(raw) else { throw ValidationError("--bcrypt-cost must be a whole number, not \"\(raw)\"") }
        do { return try PasswordHasher(cost: cost) } catch { throw ValidationError("--bcrypt-cost: \(error)") }
    }
}
