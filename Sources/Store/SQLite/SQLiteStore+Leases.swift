import EnbekshiCore
import Foundation
import GRDB

// SQLite runs one write transaction at a time, so a claim needs no row locks: the transaction
// that reads a free lease is the one that takes it.
extension SQLiteStore {
    public func scheduleFeeds(_ feeds: [FeedDue]) async throws {
        guard !feeds.isEmpty else { return }
        try await write { db in
            let statement = try db.cachedStatement(
                sql: "INSERT INTO leases (name, source, lang, due_at) VALUES (?, ?, ?, ?) ON CONFLICT (name) DO NOTHING")
            for feed in feeds {
                try statement.execute(arguments: [
                    Lease.feedName(source: feed.source, language: feed.language), feed.source, feed.language.rawValue,
                    StoreDate.string(feed.due),
                ])
            }
        }
    }

    public func claimDueFeeds(owner: String, now: Date, limit: Int, duration: TimeInterval) async throws -> [Lease] {
        let at = StoreDate.string(now), until = now.addingTimeInterval(duration)
        return try await write { db in
            try Row.fetchAll(
                db,
                sql: """
                    UPDATE leases SET owner = ?, epoch = epoch + 1, expires_at = ?
                    WHERE name IN (SELECT name FROM leases WHERE source IS NOT NULL AND due_at <= ?
                        AND (expires_at IS NULL OR expires_at <= ?) ORDER BY due_at, name LIMIT ?)
                    RETURNING name, source, lang, owner, epoch
                    """,
                arguments: [owner, StoreDate.string(until), at, at, max(0, limit)]
            ).map { Self.lease($0, expiresAt: until) }
        }
    }

    public func renewLeases(_ leases: [Lease], now: Date, duration: TimeInterval) async throws -> [Lease] {
        let until = now.addingTimeInterval(duration)
        return try await write { db in
            var renewed: [Lease] = []
            for var lease in leases {
                try db.execute(
                    sql: "UPDATE leases SET expires_at = ? WHERE name = ? AND owner = ? AND epoch = ?",
                    arguments: [StoreDate.string(until), lease.name, lease.owner, lease.epoch])
                guard db.changesCount > 0 else { continue }
                lease.expiresAt = until
                renewed.append(lease)
            }
            return renewed
        }
    }

    public func releaseLease(_ lease: Lease, nextDue: Date?) async throws -> Bool {
        try await write { db in
            try db.execute(
                sql: """
                    UPDATE leases SET expires_at = NULL, due_at = COALESCE(?, due_at)
                    WHERE name = ? AND owner = ? AND epoch = ?
                    """,
                arguments: [nextDue.map(StoreDate.string), lease.name, lease.owner, lease.epoch])
            return db.changesCount > 0
        }
    }

    public func nextFeedDue() async throws -> Date? {
        try await database.read { db in
            StoreDate.date(try String.fetchOne(db, sql: "SELECT min(due_at) FROM leases WHERE source IS NOT NULL"))
        }
    }

    public func claimLease(name: String, owner: String, now: Date, duration: TimeInterval) async throws -> Lease? {
        let at = StoreDate.string(now), until = now.addingTimeInterval(duration)
        return try await write { db in
            try db.execute(sql: "INSERT INTO leases (name) VALUES (?) ON CONFLICT (name) DO NOTHING", arguments: [name])
            // Renewing keeps the epoch: the holder's fenced writes stay valid.
            return try Row.fetchOne(
                db,
                sql: """
                    UPDATE leases SET epoch = CASE WHEN owner = ? AND expires_at > ? THEN epoch ELSE epoch + 1 END,
                    owner = ?, expires_at = ?
                    WHERE name = ? AND (owner IS NULL OR owner = ? OR expires_at IS NULL OR expires_at <= ?)
                    RETURNING name, source, lang, owner, epoch
                    """,
                arguments: [owner, at, owner, StoreDate.string(until), name, owner, at]
            ).map { Self.lease($0, expiresAt: until) }
        }
    }

    public func heldLease(name: String, now: Date) async throws -> Lease? {
        try await database.read { db in
            try Row.fetchOne(
                db,
                sql: "SELECT name, source, lang, owner, epoch, expires_at FROM leases WHERE name = ? AND owner IS NOT NULL AND expires_at > ?",
                arguments: [name, StoreDate.string(now)]
            ).flatMap { row in StoreDate.date(row["expires_at"]).map { Self.lease(row, expiresAt: $0) } }
        }
    }

    public func reserveRequests(_ count: Int, budget name: String, spacing: TimeInterval, now: Date) async throws -> Date {
        try await write { db in
            let next = StoreDate.date(try String.fetchOne(db, sql: "SELECT next_at FROM request_budget WHERE name = ?", arguments: [name]))
            let first = max(now, next ?? now)
            try db.execute(
                sql: "INSERT INTO request_budget (name, next_at) VALUES (?, ?) ON CONFLICT (name) DO UPDATE SET next_at = excluded.next_at",
                arguments: [name, StoreDate.string(first.addingTimeInterval(spacing * Double(max(1, count))))])
            return first
        }
    }

    public func pauseRequests(budget name: String, until: Date) async throws {
        try await write { db in
            try db.execute(
                sql: """
                    INSERT INTO request_budget (name, next_at) VALUES (?, ?)
                    ON CONFLICT (name) DO UPDATE SET next_at = max(next_at, excluded.next_at)
                    """,
                arguments: [name, StoreDate.string(until)])
        }
    }

    public func leaseStatistics(now: Date) async throws -> LeaseStatistics {
        let at = StoreDate.string(now)
        return try await database.read { db in
            guard let row = try Row.fetchOne(
                db,
                sql: """
                    SELECT count(source) AS feeds,
                    count(CASE WHEN owner IS NOT NULL AND expires_at > ? THEN 1 END) AS held,
                    count(CASE WHEN owner IS NOT NULL AND expires_at <= ? THEN 1 END) AS expired,
                    count(CASE WHEN source IS NOT NULL AND due_at <= ? AND (expires_at IS NULL OR expires_at <= ?) THEN 1 END) AS due
                    FROM leases
                    """,
                arguments: [at, at, at, at])
            else { return LeaseStatistics() }
            return LeaseStatistics(feeds: row["feeds"], held: row["held"], expired: row["expired"], due: row["due"])
        }
    }

    /// Throws `StoreError.leaseLost` unless `lease` is still held at its epoch; called first in a
    /// write transaction made under it.
    static func checkFence(_ lease: Lease?, db: Database) throws {
        guard let lease else { return }
        let held = try Bool.fetchOne(
            db, sql: "SELECT 1 FROM leases WHERE name = ? AND owner = ? AND epoch = ?",
            arguments: [lease.name, lease.owner, lease.epoch]) ?? false
        if !held { throw StoreError.leaseLost(lease.description) }
    }

    static func lease(_ row: Row, expiresAt: Date) -> Lease {
        Lease(
            name: row["name"], source: row["source"], language: (row["lang"] as String?).flatMap(Language.init(rawValue:)),
            owner: row["owner"], epoch: row["epoch"], expiresAt: expiresAt)
    }
}
