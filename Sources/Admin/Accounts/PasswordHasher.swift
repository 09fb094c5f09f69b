import HummingbirdBcrypt
import NIOPosix

/// Passwords as bcrypt hashes, made and checked on NIO's thread pool (bcrypt is slow on purpose,
/// and must not hold up the tasks that answer pages).
public struct PasswordHasher: Sendable {
    public static let defaultCost = 12
    public static let costs = 4...31
    /// Fewer characters than this are refused; bcrypt reads no more than 72 bytes.
    public static let minimumLength = 10
    public static let maximumBytes = 72

    public let cost: Int

    public enum Failure: Error, Equatable, CustomStringConvertible {
        case cost(Int)
        case tooShort
        case tooLong
        case nul

        public var description: String {
            switch self {
            case .cost(let cost): "a bcrypt cost of \(cost) is outside \(PasswordHasher.costs.lowerBound)…\(PasswordHasher.costs.upperBound)"
            case .tooShort: "a password needs at least \(PasswordHasher.minimumLength) characters"
            case .tooLong: "a password may have at most \(PasswordHasher.maximumBytes) bytes (bcrypt reads no more)"
            case .nul: "a password may not contain a NUL character"
            }
        }
    }

    public init(cost: Int = PasswordHasher.defaultCost) throws(Failure) {
        guard Self.costs.contains(cost) else { throw .cost(cost) }
        self.cost = cost
    }

    /// Whether a new password may be set: long enough, and all of it read by bcrypt.
    public static func check(newPassword password: String) throws(Failure) {
        guard password.count >= minimumLength else { throw .tooShort }
        guard password.utf8.count <= maximumBytes else { throw .tooLong }
        guard !password.utf8.contains(0) else { throw .nul }
    }

    public func hash(_ password: String) async throws -> String {
        let cost = UInt8(cost)
        return try await NIOThreadPool.singleton.runIfActive { Bcrypt.hash(password, cost: cost) }
    }

    /// Whether the password matches the hash; false for anything bcrypt would read differently.
    public func verify(_ password: String, hash: String) async -> Bool {
        guard !password.utf8.contains(0), password.utf8.count <= Self.maximumBytes, Self.cost(of: hash) != nil else { return false }
        return (try? await NIOThreadPool.singleton.runIfActive { Bcrypt.verify(password, hash: hash) }) ?? false
    }

    /// Whether a stored hash was made with another cost, so the next good sign-in rehashes it.
    public func needsRehash(_ hash: String) -> Bool {
        Self.cost(of: hash) != cost
    }

    /// The cost written in a bcrypt hash (`$2b$12$…`), nil when it is not one.
    static func cost(of hash: String) -> Int? {
        let parts = hash.split(separator: "$", omittingEmptySubsequences: false)
        guard parts.count == 4, parts[0].isEmpty, ["2a", "2b", "2y"].contains(parts[1]), parts[2].count == 2,
            let cost = Int(parts[2]), costs.contains(cost), parts[3].count == 53
        else { return nil }
        return cost
    }
}
