import EnbekshiCore
import Foundation
import GRDB

extension SQLiteStore {
    public func queuePictures(urls: [String], now: Date) async throws {
        let unique = Array(Set(urls))
        guard !unique.isEmpty else { return }
        let at = StoreDate.string(now)
        try await write { db in
            let statement = try db.cachedStatement(
                sql: "INSERT OR IGNORE INTO pictures (url, due_at, first_seen_at, updated_at) VALUES (?, ?, ?, ?)")
            for url in unique { try statement.execute(arguments: [url, at, at, at]) }
        }
    }

    public func claimPictures(limit: Int, now: Date, duration: TimeInterval) async throws -> [PictureTask] {
        let at = StoreDate.string(now)
        return try await write { db in
            try Row.fetchAll(
                db,
                sql: """
                    UPDATE pictures SET due_at = ? WHERE url IN (
                        SELECT url FROM pictures WHERE state = 'pending' AND due_at <= ? ORDER BY first_seen_at DESC LIMIT ?)
                    RETURNING url, attempts, first_seen_at
                    """,
                arguments: [StoreDate.string(now.addingTimeInterval(duration)), at, max(0, limit)]
            ).sorted { ($0["first_seen_at"] as String, $0["url"] as String) > ($1["first_seen_at"] as String, $1["url"] as String) }
                .map { PictureTask(url: $0["url"], attempts: $0["attempts"]) }
        }
    }

    public func storePicture(url: String, picture: ProcessedPicture, now: Date) async throws {
        let widths = Set(picture.variants.map(\.width)).sorted().map(String.init).joined(separator: ",")
        try await write { db in
            let insert = try db.cachedStatement(
                sql: "INSERT OR IGNORE INTO picture_files (hash, name, content_type, bytes) VALUES (?, ?, ?, ?)")
            try insert.execute(arguments: [picture.hash, "original", picture.originalType, Data(picture.original)])
            for variant in picture.variants {
                try insert.execute(arguments: [picture.hash, variant.name, variant.format.contentType, Data(variant.bytes)])
            }
            let at = StoreDate.string(now)
            try db.execute(
                sql: """
                    INSERT INTO pictures (url, state, hash, width, height, widths, error, due_at, first_seen_at, updated_at)
                    VALUES (?, 'ready', ?, ?, ?, ?, NULL, ?, ?, ?)
                    ON CONFLICT (url) DO UPDATE SET state = 'ready', hash = excluded.hash, width = excluded.width,
                        height = excluded.height, widths = excluded.widths, error = NULL, updated_at = excluded.updated_at
                    """,
                arguments: [url, picture.hash, picture.width, picture.height, widths, at, at, at])
        }
    }

    public func pictureFailed(url: String, reason: String, retryAt: Date?, now: Date) async throws {
        try await write { db in
            try db.execute(
                sql: """
                    UPDATE pictures SET attempts = attempts + 1, error = ?, state = ?, due_at = COALESCE(?, due_at), updated_at = ?
                    WHERE url = ? AND state <> 'ready'
                    """,
                arguments: [String(reason.prefix(500)), retryAt == nil ? "refused" : "pending", retryAt.map(StoreDate.string),
                            StoreDate.string(now), url])
        }
    }

    public func pictures(urls: [String]) async throws -> [String: PictureReference] {
        let unique = Array(Set(urls))
        guard !unique.isEmpty else { return [:] }
        return try await database.read { db in
            var found: [String: PictureReference] = [:]
            for chunk in unique.chunks(of: Self.parametersPerStatement) {
                for row in try Row.fetchAll(
                    db,
                    sql: """
                        SELECT url, hash, width, height, widths FROM pictures
                        WHERE url IN (\(databaseQuestionMarks(count: chunk.count))) AND state = 'ready'
                        """,
                    arguments: StatementArguments(chunk))
                {
                    found[row["url"]] = PictureReference(
                        hash: row["hash"], width: row["width"], height: row["height"], widths: PictureReference.widths(row["widths"]))
                }
            }
            return found
        }
    }

    public func pictureFile(hash: String, name: String) async throws -> PictureFile? {
        try await database.read { db in
            try Row.fetchOne(
                db, sql: "SELECT content_type, bytes FROM picture_files WHERE hash = ? AND name = ?", arguments: [hash, name]
            ).map { PictureFile(contentType: $0["content_type"], bytes: [UInt8]($0["bytes"] as Data)) }
        }
    }

    public func pictureCounts() async throws -> PictureCounts {
        try await database.read { db in
            var counts = PictureCounts(pending: 0, ready: 0, refused: 0)
            for row in try Row.fetchAll(db, sql: "SELECT state, count(*) AS n FROM pictures GROUP BY state") {
                switch row["state"] as String {
                case "pending": counts.pending = row["n"]
                case "ready": counts.ready = row["n"]
                default: counts.refused += row["n"]
                }
            }
            return counts
        }
    }
}
