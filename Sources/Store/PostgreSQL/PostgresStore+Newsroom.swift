import Foundation
import PostgresNIO

extension PostgresStore {
    // MARK: Accounts

    public func addEditor(_ account: NewEditorAccount) async throws -> EditorAccount {
        let now = Date()
        let inserted = try await rows(
            """
            INSERT INTO editors (login, display_name, role, password_hash, disabled, created_at)
            VALUES (\(account.login), \(account.displayName), \(account.role.rawValue), \(account.passwordHash), FALSE, \(now))
            ON CONFLICT (login) DO NOTHING RETURNING id
            """)
        guard let row = inserted.first else { throw StoreError.conflict("an account with the login \(account.login)") }
        return EditorAccount(
            id: try row["id"].decode(Int64.self), login: account.login, displayName: account.displayName, role: account.role,
            passwordHash: account.passwordHash, createdAt: now)
    }

    public func editor(login: String) async throws -> EditorAccount? {
        try await rows("SELECT * FROM editors WHERE login = \(EditorAccount.normalised(login: login))").first.flatMap(Self.editor)
    }

    public func editor(id: Int64) async throws -> EditorAccount? {
        try await rows("SELECT * FROM editors WHERE id = \(id)").first.flatMap(Self.editor)
    }

    public func editors() async throws -> [EditorAccount] {
        try await rows("SELECT * FROM editors ORDER BY login").compactMap(Self.editor)
    }

    @discardableResult public func updateEditor(_ account: EditorAccount) async throws -> Bool {
        try await !rows(
            """
            UPDATE editors SET display_name = \(account.displayName), role = \(account.role.rawValue),
            password_hash = \(account.passwordHash), disabled = \(account.disabled), totp_secret = \(account.totpSecret)
            WHERE id = \(account.id) RETURNING id
            """
        ).isEmpty
    }

    public func useTOTPStep(editorID: Int64, step: Int64) async throws -> Bool {
        try await !rows(
            "UPDATE editors SET totp_last_step = \(step) WHERE id = \(editorID) AND COALESCE(totp_last_step, -1) < \(step) RETURNING id"
        ).isEmpty
    }

    static func editor(_ row: PostgresRandomAccessRow) throws -> EditorAccount? {
        guard let role = EditorRole(rawValue: try row["role"].decode(String.self)) else { return nil }
        return EditorAccount(
            id: try row["id"].decode(Int64.self), login: try row["login"].decode(String.self),
            displayName: try row["display_name"].decode(String.self), role: role, passwordHash: try row["password_hash"].decode(String.self),
            disabled: try row["disabled"].decode(Bool.self), createdAt: try row["created_at"].decode(Date.self),
            totpSecret: try row["totp_secret"].decode(String?.self))
    }

    // MARK: Sessions

    public func startSession(_ session: EditorSession) async throws {
        try await execute(
            """
            INSERT INTO editor_sessions (id, editor_id, csrf_token, created_at, last_seen_at, address, user_agent)
            VALUES (\(session.id), \(session.editorID), \(session.csrfToken), \(session.createdAt), \(session.lastSeenAt),
            \(session.address), \(session.userAgent))
            """)
    }

    public func session(id: String) async throws -> EditorSession? {
        try await rows("SELECT * FROM editor_sessions WHERE id = \(id)").first.map(Self.session)
    }

    public func touchSession(id: String, at date: Date) async throws {
        try await execute("UPDATE editor_sessions SET last_seen_at = \(date) WHERE id = \(id)")
    }

    public func sessions(editorID: Int64) async throws -> [EditorSession] {
        try await rows("SELECT * FROM editor_sessions WHERE editor_id = \(editorID) ORDER BY last_seen_at DESC, id").map(Self.session)
    }

    @discardableResult public func endSession(id: String) async throws -> Bool {
        try await !rows("DELETE FROM editor_sessions WHERE id = \(id) RETURNING id").isEmpty
    }

    @discardableResult public func endSessions(editorID: Int64) async throws -> Int {
        try await rows("DELETE FROM editor_sessions WHERE editor_id = \(editorID) RETURNING id").count
    }

    @discardableResult public func endSessions(lastSeenBefore date: Date) async throws -> Int {
        try await rows("DELETE FROM editor_sessions WHERE last_seen_at < \(date) RETURNING id").count
    }

    static func session(_ row: PostgresRandomAccessRow) throws -> EditorSession {
        EditorSession(
            id: try row["id"].decode(String.self), editorID: try row["editor_id"].decode(Int64.self),
            csrfToken: try row["csrf_token"].decode(String.self), createdAt: try row["created_at"].decode(Date.self),
            lastSeenAt: try row["last_seen_at"].decode(Date.self), address: try row["address"].decode(String?.self),
            userAgent: try row["user_agent"].decode(String?.self))
    }

    // MARK: Audit trail

    @discardableResult public func appendAudit(_ entry: AuditEntry) async throws -> Int64 {
        let inserted = try await rows(
            """
            INSERT INTO audit_log (at, actor, action, target, before_value, after_value, address)
            VALUES (\(entry.at), \(entry.actor), \(entry.action), \(entry.target), \(entry.before), \(entry.after), \(entry.address))
            RETURNING id
            """)
        guard let row = inserted.first else { throw StoreError.inconsistent("an audit entry was not appended") }
        return try row["id"].decode(Int64.self)
    }

    public func auditEntries(_ filter: AuditFilter, limit: Int) async throws -> [AuditEntry] {
        var sql = PostgresSQL("SELECT * FROM audit_log WHERE TRUE")
        if let actor = filter.actor { sql.append(" AND actor = \(sql.bind(actor))") }
        if let target = filter.target { sql.append(" AND target = \(sql.bind(target))") }
        if let prefix = filter.actionPrefix, !prefix.isEmpty {
            // A range, not LIKE: the prefix's own % and _ mean nothing special.
            sql.append(" AND action >= \(sql.bind(prefix)) AND action < \(sql.bind(prefix + "\u{10FFFF}"))")
        }
        if let before = filter.beforeID { sql.append(" AND id < \(sql.bind(before))") }
        sql.append(" ORDER BY id DESC LIMIT \(sql.bind(Int64(max(0, limit))))")
        return try await rows(sql.query).map { row in
            AuditEntry(
                id: try row["id"].decode(Int64.self), at: try row["at"].decode(Date.self), actor: try row["actor"].decode(String.self),
                action: try row["action"].decode(String.self), target: try row["target"].decode(String.self),
                before: try row["before_value"].decode(String?.self), after: try row["after_value"].decode(String?.self),
                address: try row["address"].decode(String?.self))
        }
    }
}
