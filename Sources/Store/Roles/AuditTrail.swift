/// The newsroom's record of every action. Append-only: there is no way here to change or delete
/// an entry, and both engines refuse to at the database too.
public protocol AuditTrail: Sendable {
    /// Appends an entry and returns its id.
    @discardableResult func appendAudit(_ entry: AuditEntry) async throws -> Int64
    /// Entries matching the filter, newest first.
    func auditEntries(_ filter: AuditFilter, limit: Int) async throws -> [AuditEntry]
}
