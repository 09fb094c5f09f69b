import Foundation

/// The newsroom's accounts and their signed-in sessions.
public protocol EditorAccounts: Sendable {
    /// Adds an account; `StoreError.conflict` when the login is taken.
    func addEditor(_ account: NewEditorAccount) async throws -> EditorAccount
    func editor(login: String) async throws -> EditorAccount?
    func editor(id: Int64) async throws -> EditorAccount?
    /// Every account, by login.
    func editors() async throws -> [EditorAccount]
    /// Writes an account's name, role, password hash, second-step secret and whether it is
    /// disabled; false when no account has its id.
    @discardableResult func updateEditor(_ account: EditorAccount) async throws -> Bool
    /// Records that a one-time code of this time step was used, if no code of it or a later step
    /// was: false means a replay (or no such account). Atomic, so two sign-ins with one code
    /// cannot both pass.
    func useTOTPStep(editorID: Int64, step: Int64) async throws -> Bool

    func startSession(_ session: EditorSession) async throws
    func session(id: String) async throws -> EditorSession?
    /// Notes that the session was used now (its idle time starts again).
    func touchSession(id: String, at: Date) async throws
    /// An account's sessions, most recently used first.
    func sessions(editorID: Int64) async throws -> [EditorSession]
    /// Ends one session; false when there was none of that id.
    @discardableResult func endSession(id: String) async throws -> Bool
    /// Ends every session of an account (a new password, a disabled account); returns how many.
    @discardableResult func endSessions(editorID: Int64) async throws -> Int
    /// Ends the sessions last used before `date`; returns how many.
    @discardableResult func endSessions(lastSeenBefore date: Date) async throws -> Int
}
