import EnbekshiCore
import Foundation
import Logging
import PostgresNIO

// Claims lock the rows they take and skip rows another claim has locked (`FOR UPDATE SKIP
// LOCKED`), so workers claiming at once never wait for one another nor take the same feed.
extension PostgresStore {
    public func scheduleFeeds(_ feeds: [FeedDue]) async throws {
        guard !feeds.isEmpty else { return }
        for chunk in feeds.chunks(of: 1000) {
            try await execute(
                """
                INSERT INTO leases (name, source, lang, due_at)
                SELECT * FROM unnest(\(chunk.map { Lease.feedName(source: $0.source, language: $0.language) }),
                    \(chunk.map(\.source)), \(chunk.map(\.language.rawValue)), \(chunk.map(\.due)))
                ON CONFLICT (name) DO NOTHING
                """)
        }
    }

    public func claimDueFeeds(owner: String, now: Date, limit: Int, duration: TimeInterval) async throws -> [Lease] {
        let until = now.addingTimeInterval(duration)
        return try await rows(
            """
            UPDATE leases SET owner = \(owner), epoch = epoch + 1, expires_at = \(until)
            WHERE name IN (SELECT name FROM leases WHERE source IS NOT NULL AND due_at <= \(now)
                AND (expires_at IS NULL OR expires_at <= \(now)) ORDER BY due_at, name LIMIT \(Int64(max(0, limit)))
                FOR UPDATE SKIP LOCKED)
            RETURNING name, source, lang, owner, epoch
            """
        ).map { try Self.lease($0, expiresAt: until) }
    }

    public func renewLeases(_ leases: [Lease], now: Date, duration: TimeInterval) async throws -> [Lease] {
        guard !leases.isEmpty else { return [] }
        let until = now.addingTimeInterval(duration)
        let renewed = Set(
            try await rows(
                """
                UPDATE leases l SET expires_at = \(until)
                FROM unnest(\(leases.map(\.name)), \(leases.map(\.owner)), \(leases.map(\.epoch))) AS h (name, owner, epoch)
                WHERE l.name = h.name AND l.owner = h.owner AND l.epoch = h.epoch
                RETURNING l.name
                """
            ).map { try $0["name"].decode(String.self) })
        return leases.filter { renewed.contains($0.name) }.map { lease in
            var lease = lease
            lease.expiresAt = until
            return lease
        }
    }

    public func releaseLease(_ lease: Lease, nextDue: Date?) async throws -> Bool {
        try await !rows(
            """
            UPDATE leases SET expires_at = NULL, due_at = COALESCE(\(nextDue), due_at)
            WHERE name = \(lease.name) AND owner = \(lease.owner) AND epoch = \(lease.epoch) RETURNING name
            """
        ).isEmpty
    }

    public func nextFeedDue() async throws -> Date? {
        try await rows("SELECT min(due_at) AS due FROM leases WHERE source IS NOT NULL").first?["due"].decode(Date?.self)
    }

    public func claimLease(name: String, owner: String, now: Date, duration: TimeInterval) async throws -> Lease? {
        let until = now.addingTimeInterval(duration)
        let logger = self.logger
        return try await transaction { connection in
            try await Self.run("INSERT INTO leases (name) VALUES (\(name)) ON CONFLICT (name) DO NOTHING", on: connection, logger: logger)
            // Renewing keeps the epoch: the holder's fenced writes stay valid.
            return try await Self.rows(
                """
                UPDATE leases SET epoch = CASE WHEN owner = \(owner) AND expires_at > \(now) THEN epoch ELSE epoch + 1 END,
                owner = \(owner), expires_at = \(until)
                WHERE name = \(name) AND (owner IS NULL OR owner = \(owner) OR expires_at IS NULL OR expires_at <= \(now))
                RETURNING name, source, lang, owner, epoch
                """, on: connection, logger: logger
            ).first.map { try Self.lease($0, expiresAt: until) }
        }
    }

    public func heldLease(name: String, now: Date) async throws -> Lease? {
        guard let row = try await rows(
            "SELECT name, source, lang, owner, epoch, expires_at FROM leases WHERE name = \(name) AND owner IS NOT NULL AND expires_at > \(now)"
        ).first else { return nil }
        return try Self.lease(row, expiresAt: try row["expires_at"].decode(Date.self))
    }

    public func reserveRequests(_ count: Int, budget name: String, spacing: TimeInterval, now: Date) async throws -> Date {
        let span = spacing * Double(max(1, count))
        // One statement: the row lock orders concurrent reservations, each after the last.
        let row = try await rows(
            """
            INSERT INTO request_budget AS b (name, next_at) VALUES (\(name), \(now.addingTimeInterval(span)))
            ON CONFLICT (name) DO UPDATE SET next_at = GREATEST(b.next_at, \(now)) + make_interval(secs => \(span))
            RETURNING next_at
            """
        ).first
        guard let next = try row?["next_at"].decode(Date.self) else { throw StoreError.inconsistent("request budget \(name) not reserved") }
        return next.addingTimeInterval(-span)
    }

    public func pauseRequests(budget name: String, until: Date) async throws {
        try await execute(
            """
            INSERT INTO request_budget AS b (name, next_at) VALUES (\(name), \(until))
            ON CONFLICT (name) DO UPDATE SET next_at = GREATEST(b.next_at, excluded.next_at)
            """)
    }

    public func leaseStatistics(now: Date) async throws -> LeaseStatistics {
        guard let row = try await rows(
            """
            SELECT count(source) AS feeds,
            count(*) FILTER (WHERE owner IS NOT NULL AND expires_at > \(now)) AS held,
            count(*) FILTER (WHERE owner IS NOT NULL AND expires_at <= \(now)) AS expired,
            count(*) FILTER (WHERE source IS NOT NULL AND due_at <= \(now) AND (expires_at IS NULL OR expires_at <= \(now))) AS due
            FROM leases
            """
        ).first else { return LeaseStatistics() }
        return LeaseStatistics(
            feeds: Int(try row["feeds"].decode(Int64.self)), held: Int(try row["held"].decode(Int64.self)),
            expired: Int(try row["expired"].decode(Int64.self)), due: Int(try row["due"].decode(Int64.self)))
    }

    /// Throws `StoreError.leaseLost` unless `lease` is still held at its epoch. Called first in a
    /// write transaction made under it: the shared row lock makes a concurrent claim wait for this
    /// transaction, and a claim made before it has moved the epoch, so no late write lands.
    static func checkFence(_ lease: Lease?, on connection: PostgresConnection, logger: Logger) async throws {
        guard let lease else { return }
        let held = try await rows(
            "SELECT 1 AS held FROM leases WHERE name = \(lease.name) AND owner = \(lease.owner) AND epoch = \(lease.epoch) FOR SHARE",
            on: connection, logger: logger)
        if held.isEmpty { throw StoreError.leaseLost(lease.description) }
    }

    static func lease(_ row: PostgresRandomAccessRow, expiresAt: Date) throws -> Lease {
        Lease(
            name: try row["name"].decode(String.self), source: try row["source"].decode(String?.self),
            language: try row["lang"].decode(String?.self).flatMap(Language.init(rawValue:)),
            owner: try row["owner"].decode(String.self), epoch: try row["epoch"].decode(Int64.self), expiresAt: expiresAt)
    }
}
