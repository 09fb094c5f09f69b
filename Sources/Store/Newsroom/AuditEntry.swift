import Foundation

/// One line of the newsroom's append-only audit trail: who did what to what, when, from where,
/// and what it was before and after (free text or JSON, as the action has it).
public struct AuditEntry: Sendable, Hashable, Codable {
    /// Given by the store; nil before it is appended.
    public var id: Int64?
    public var at: Date
    /// The account's login, or `cli:` and the operator's system user for commands.
    public var actor: String
    /// What was done, a dotted name (`user.add`, `session.login`, `login.failed`…).
    public var action: String
    /// What it was done to (`user:ainur`, `article:1234`…).
    public var target: String
    public var before: String?
    public var after: String?
    public var address: String?

    public init(
        id: Int64? = nil, at: Date = Date(), actor: String, action: String, target: String, before: String? = nil,
        after: String? = nil, address: String? = nil
    ) {
        self.id = id
        self.at = at
        self.actor = actor
        self.action = action
        self.target = target
        self.before = before
        self.after = after
        self.address = address
    }
}

/// Which entries of the audit trail to read: newest first, below an id for the next page.
public struct AuditFilter: Sendable, Hashable {
    public var actor: String?
    /// An action, or the start of one (`user.` for every account action).
    public var actionPrefix: String?
    public var target: String?
    /// Only entries with an id below this one.
    public var beforeID: Int64?

    public init(actor: String? = nil, actionPrefix: String? = nil, target: String? = nil, beforeID: Int64? = nil) {
        self.actor = actor
        self.actionPrefix = actionPrefix
        self.target = target
        self.beforeID = beforeID
    }
}
