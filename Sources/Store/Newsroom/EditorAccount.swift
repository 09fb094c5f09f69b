import Foundation

/// A member of the newsroom who signs in to `/admin`. The password is kept only as a bcrypt hash.
public struct EditorAccount: Sendable, Hashable {
    public var id: Int64
    /// What they sign in with: lower case, unique.
    public var login: String
    public var displayName: String
    public var role: EditorRole
    public var passwordHash: String
    /// A disabled account cannot sign in and its sessions are ended.
    public var disabled: Bool
    public var createdAt: Date
    /// The shared secret of a second sign-in step by authenticator app (TOTP); nil when it is off.
    public var totpSecret: String?

    public init(
        id: Int64, login: String, displayName: String, role: EditorRole, passwordHash: String, disabled: Bool = false,
        createdAt: Date, totpSecret: String? = nil
    ) {
        self.id = id
        self.login = login
        self.displayName = displayName
        self.role = role
        self.passwordHash = passwordHash
        self.disabled = disabled
        self.createdAt = createdAt
        self.totpSecret = totpSecret
    }

    /// Logins are compared in lower case, without surrounding spaces.
    public static func normalised(login: String) -> String {
        login.trimmingCharacters(in: .whitespacesAndNewlines).lowercased()
    }
}

/// An account to be added: the store gives it its id.
public struct NewEditorAccount: Sendable, Hashable {
    public var login: String
    public var displayName: String
    public var role: EditorRole
    public var passwordHash: String

    public init(login: String, displayName: String, role: EditorRole, passwordHash: String) {
        self.login = EditorAccount.normalised(login: login)
        self.displayName = displayName
        self.role = role
        self.passwordHash = passwordHash
    }
}
