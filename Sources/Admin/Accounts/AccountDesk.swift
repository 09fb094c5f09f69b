import Foundation
import Store

/// Changes to accounts, each written to the audit trail: one implementation for the command line
/// (`enbekshi users`) and the room's users page.
public struct AccountDesk: Sendable {
    let store: any NewsStore
    public let hasher: PasswordHasher

    public init(store: any NewsStore, hasher: PasswordHasher) {
        self.store = store
        self.hasher = hasher
    }

    public enum Failure: Error, Equatable, CustomStringConvertible {
        case badLogin(String)
        case noSuchAccount(String)
        case taken(String)
        case password(PasswordHasher.Failure)
        case ownAccount

        public var description: String {
            switch self {
            case .badLogin(let login):
                "\"\(login)\" is not a login: use 2 to 64 lower-case letters, digits, dots, dashes or underscores"
            case .noSuchAccount(let login): "no account has the login \"\(login)\""
            case .taken(let login): "the login \"\(login)\" is taken"
            case .password(let failure): failure.description
            case .ownAccount: "you cannot change your own role or disable yourself here: ask another admin"
            }
        }
    }

    /// Who acts and from where, for the audit trail.
    public struct Actor: Sendable {
        public var name: String
        public var address: String?

        public init(name: String, address: String? = nil) {
            self.name = name
            self.address = address
        }

        /// The operator at the command line, by their system user.
        public static var commandLine: Actor {
            let environment = ProcessInfo.processInfo.environment
            let user = environment["USER"] ?? environment["LOGNAME"] ?? getpwuid(getuid()).flatMap { String(validatingCString: $0.pointee.pw_name) }
            return Actor(name: "cli:" + (user ?? "operator"))
        }
    }

    public static func check(login: String) throws(Failure) -> String {
        let normalised = EditorAccount.normalised(login: login)
        let allowed = normalised.unicodeScalars.allSatisfy { ("a"..."z").contains($0) || ("0"..."9").contains($0) || "._-".unicodeScalars.contains($0) }
        guard (2...64).contains(normalised.count), allowed else { throw .badLogin(login) }
        return normalised
    }

    public func add(login: String, displayName: String?, role: EditorRole, password: String, by actor: Actor) async throws -> EditorAccount {
        let login = try Self.check(login: login)
        do { try PasswordHasher.check(newPassword: password) } catch { throw Failure.password(error) }
        let name = displayName.map { $0.trimmingCharacters(in: .whitespacesAndNewlines) }.flatMap { $0.isEmpty ? nil : String($0.prefix(120)) }
        let account: EditorAccount
        do {
            account = try await store.addEditor(
                NewEditorAccount(login: login, displayName: name ?? login, role: role, passwordHash: try await hasher.hash(password)))
        } catch StoreError.conflict {
            throw Failure.taken(login)
        }
        try await audit(actor, "user.add", account, after: "role=\(role.rawValue)")
        return account
    }

    public func account(_ login: String) async throws -> EditorAccount {
        guard let account = try await store.editor(login: login) else { throw Failure.noSuchAccount(login) }
        return account
    }

    /// Sets a new password and ends the account's sessions (a stolen one stops working).
    public func setPassword(_ account: EditorAccount, to password: String, by actor: Actor) async throws {
        do { try PasswordHasher.check(newPassword: password) } catch { throw Failure.password(error) }
        var changed = account
        changed.passwordHash = try await hasher.hash(password)
        try await store.updateEditor(changed)
        let ended = try await store.endSessions(editorID: account.id)
        try await audit(actor, "user.password", account, after: "sessions ended: \(ended)")
    }

    public func setRole(_ account: EditorAccount, to role: EditorRole, by actor: Actor, actorID: Int64? = nil) async throws {
        guard actorID != account.id else { throw Failure.ownAccount }
        guard account.role != role else { return }
        var changed = account
        changed.role = role
        try await store.updateEditor(changed)
        try await audit(actor, "user.role", account, before: account.role.rawValue, after: role.rawValue)
    }

    /// Disables (and signs out) or enables an account.
    public func setDisabled(_ account: EditorAccount, _ disabled: Bool, by actor: Actor, actorID: Int64? = nil) async throws {
        guard actorID != account.id else { throw Failure.ownAccount }
        guard account.disabled != disabled else { return }
        var changed = account
        changed.disabled = disabled
        try await store.updateEditor(changed)
        if disabled { try await store.endSessions(editorID: account.id) }
        try await audit(actor, disabled ? "user.disable" : "user.enable", account)
    }

    /// Turns the second sign-in step on with a secret the member's app holds, or off (nil): a lost
    /// phone is turned off by an admin on the command line.
    public func setSignInCodes(_ account: EditorAccount, secret: String?, by actor: Actor) async throws {
        guard account.totpSecret != secret else { return }
        var changed = account
        changed.totpSecret = secret
        try await store.updateEditor(changed)
        try await audit(actor, secret == nil ? "user.two-step-off" : "user.two-step-on", account)
    }

    func audit(_ actor: Actor, _ action: String, _ account: EditorAccount, before: String? = nil, after: String? = nil) async throws {
        try await store.appendAudit(
            AuditEntry(actor: actor.name, action: action, target: "user:\(account.login)", before: before, after: after, address: actor.address))
    }
}
