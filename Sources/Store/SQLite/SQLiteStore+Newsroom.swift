import Foundation
import GRDB

extension SQLiteStore {
    // MARK: Accounts

    public func addEditor(_ account: NewEditorAccount) async throws -> EditorAccount {
        let now = Date()
        do {
            let id = try await write { db in
                try db.execute(
                    sql: """
                        INSERT INTO editors (login, display_name, role, password_hash, disabled, created_at)
                        VALUES (?, ?, ?, ?, 0, ?)
                        """,
                    arguments: [account.login, account.displayName, account.role.rawValue, account.passwordHash, StoreDate.string(now)])
                return db.lastInsertedRowID
            }
            return EditorAccount(
                id: id, login: account.login, displayName: account.displayName, role: account.role, passwordHash: account.passwordHash,
                createdAt: now)
        } catch let error as DatabaseError where error.extendedResultCode == .SQLITE_CONSTRAINT_UNIQUE {
            throw StoreError.conflict("an account with the login \(account.login)")
        }
    }

    public func editor(login: String) async throws -> EditorAccount? {
        try await database.read { db in
            try Row.fetchOne(db, sql: "SELECT * FROM editors WHERE login = ?", arguments: [EditorAccount.normalised(login: login)])
                .flatMap(Self.editor)
        }
    }

    public func editor(id: Int64) async throws -> EditorAccount? {
        try await database.read { db in
            try Row.fetchOne(db, sql: "SELECT * FROM editors WHERE id = ?", arguments: [id]).flatMap(Self.editor)
        }
    }

    public func editors() async throws -> [EditorAccount] {
        try await database.read { db in
            try Row.fetchAll(db, sql: "SELECT * FROM editors ORDER BY login").compactMap(Self.editor)
        }
    }

    @discardableResult public func updateEditor(_ account: EditorAccount) async throws -> Bool {
        try await write { db in
            try db.execute(
                sql: "UPDATE editors SET display_name = ?, role = ?, password_hash = ?, disabled = ?, totp_secret = ? WHERE id = ?",
                arguments: [account.displayName, account.role.rawValue, account.passwordHash, account.disabled ? 1 : 0, account.totpSecret, account.id])
            return db.changesCount > 0
        }
    }

    public func useTOTPStep(editorID: Int64, step: Int64) async throws -> Bool {
        try await write { db in
            try db.execute(
                sql: "UPDATE editors SET totp_last_step = ? WHERE id = ? AND COALESCE(totp_last_step, -1) < ?", arguments: [step, editorID, step])
            return db.changesCount > 0
        }
    }

    static func editor(_ row: Row) -> EditorAccount? {
        guard let role = EditorRole(rawValue: row["role"]) else { return nil }
        return EditorAccount(
            id: row["id"], login: row["login"], displayName: row["display_name"], role: role, passwordHash: row["password_hash"],
            disabled: row["disabled"] as Int != 0, createdAt: StoreDate.date(row["created_at"]) ?? .distantPast, totpSecret: row["totp_secret"])
    }

    // MARK: Sessions

    public func startSession(_ session: EditorSession) async throws {
        try await write { db in
            try db.execute(
                sql: """
                    INSERT INTO editor_sessions (id, editor_id, csrf_token, created_at, last_seen_at, address, user_agent)
                    VALUES (?, ?, ?, ?, ?, ?, ?)
                    """,
                arguments: [
                    session.id, session.editorID, session.csrfToken, StoreDate.string(session.createdAt),
                    StoreDate.string(session.lastSeenAt), session.address, session.userAgent,
                ])
        }
    }

    public func session(id: String) async throws -> EditorSession? {
        try await database.read { db in
            try Row.fetchOne(db, sql: "SELECT * FROM editor_sessions WHERE id = ?", arguments: [id]).map(Self.session)
        }
    }

    public func touchSession(id: String, at date: Date) async throws {
        try await write { db in
            try db.execute(sql: "UPDATE editor_sessions SET last_seen_at = ? WHERE id = ?", arguments: [StoreDate.string(date), id])
        }
    }

    public func sessions(editorID: Int64) async throws -> [EditorSession] {
        try await database.read { db in
            try Row.fetchAll(
                db, sql: "SELECT * FROM editor_sessions WHERE editor_id = ? ORDER BY last_seen_at DESC, id", arguments: [editorID]
            ).map(Self.session)
        }
    }

    @discardableResult public func endSession(id: String) async throws -> Bool {
        try await write { db in
            try db.execute(sql: "DELETE FROM editor_sessions WHERE id = ?", arguments: [id])
            return db.changesCount > 0
        }
    }

    @discardableResult public func endSessions(editorID: Int64) async throws -> Int {
        try await write { db in
            try db.execute(sql: "DELETE FROM editor_sessions WHERE editor_id = ?", arguments: [editorID])
            return db.changesCount
        }
    }

    @discardableResult public func endSessions(lastSeenBefore date: Date) async throws -> Int {
        try await write { db in
            try db.execute(sql: "DELETE FROM editor_sessions WHERE last_seen_at < ?", arguments: [StoreDate.string(date)])
            return db.changesCount
        }
    }

    static func session(_ row: Row) -> EditorSession {
        EditorSession(
            id: row["id"], editorID: row["editor_id"], csrfToken: row["csrf_token"],
            createdAt: StoreDate.date(row["created_at"]) ?? .distantPast, lastSeenAt: StoreDate.date(row["last_seen_at"]) ?? .distantPast,
            address: row["address"], userAgent: row["user_agent"])
    }

    // MARK: Audit trail

    @discardableResult public func appendAudit(_ entry: AuditEntry) async throws -> Int64 {
        try await write { db in
            try db.execute(
                sql: """
                    INSERT INTO audit_log (at, actor, action, target, before_value, after_value, address)
                    VALUES (?, ?, ?, ?, ?, ?, ?)
                    """,
                arguments: [
                    StoreDate.string(entry.at), entry.actor, entry.action, entry.target, entry.before, entry.after, entry.address,
                ])
            return db.lastInsertedRowID
        }
    }

    public func auditEntries(_ filter: AuditFilter, limit: Int) async throws -> [AuditEntry] {
        var conditions: [String] = []
        var arguments = StatementArguments()
        if let actor = filter.actor {
            conditions.append("actor = ?")
            arguments += [actor]
        }
        if let target = filter.target {
            conditions.append("target = ?")
            arguments += [target]
        }
        if let prefix = filter.actionPrefix, !prefix.isEmpty {
            // A range, not LIKE: the prefix's own % and _ mean nothing special.
            conditions.append("action >= ? AND action < ?")
            arguments += [prefix, prefix + "\u{10FFFF}"]
        }
        if let before = filter.beforeID {
            conditions.append("id < ?")
            arguments += [before]
        }
        let whereClause = conditions.isEmpty ? "" : "WHERE " + conditions.joined(separator: " AND ")
        arguments += [max(0, limit)]
        return try await database.read { [arguments] db in
            try Row.fetchAll(db, sql: "SELECT * FROM audit_log \(whereClause) ORDER BY id DESC LIMIT ?", arguments: arguments).map { row in
                AuditEntry(
                    id: row["id"], at: StoreDate.date(row["at"]) ?? .distantPast, actor: row["actor"], action: row["action"],
                    target: row["target"], before: row["before_value"], after: row["after_value"], address: row["address"])
            }
        }
    }
}
