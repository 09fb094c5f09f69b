import EnbekshiCore
import Foundation
import NIOCore
import PostgresNIO

extension PostgresStore {
    public func queuePictures(urls: [String], now: Date) async throws {
        let unique = Array(Set(urls))
        guard !unique.isEmpty else { return }
        try await execute(
            """
            INSERT INTO pictures (url, due_at, first_seen_at, updated_at)
            SELECT url, \(now), \(now), \(now) FROM unnest(\(unique)) AS u(url) ON CONFLICT DO NOTHING
            """)
    }

    public func claimPictures(limit: Int, now: Date, duration: TimeInterval) async throws -> [PictureTask] {
        try await rows(
            """
            UPDATE pictures SET due_at = \(now.addingTimeInterval(duration)) WHERE url IN (
                SELECT url FROM pictures WHERE state = 'pending' AND due_at <= \(now) ORDER BY first_seen_at DESC
                LIMIT \(Int64(max(0, limit))) FOR UPDATE SKIP LOCKED)
            RETURNING url, attempts, first_seen_at
            """
        ).map { row in
            (try row["first_seen_at"].decode(Date.self), PictureTask(url: try row["url"].decode(String.self), attempts: try row["attempts"].decode(Int.self)))
        }.sorted { ($0.0, $0.1.url) > ($1.0, $1.1.url) }.map(\.1)
    }

    public func storePicture(url: String, picture: ProcessedPicture, now: Date) async throws {
        let widths = Set(picture.variants.map(\.width)).sorted().map(String.init).joined(separator: ",")
        let names = ["original"] + picture.variants.map(\.name)
        let types = [picture.originalType] + picture.variants.map(\.format.contentType)
        let files = [ByteBuffer(bytes: picture.original)] + picture.variants.map { ByteBuffer(bytes: $0.bytes) }
        let logger = self.logger
        try await transaction { connection in
            try await Self.run(
                """
                INSERT INTO picture_files (hash, name, content_type, bytes)
                SELECT \(picture.hash), name, content_type, bytes FROM unnest(\(names), \(types), \(files)) AS f(name, content_type, bytes)
                ON CONFLICT DO NOTHING
                """, on: connection, logger: logger)
            try await Self.run(
                """
                INSERT INTO pictures (url, state, hash, width, height, widths, error, due_at, first_seen_at, updated_at)
                VALUES (\(url), 'ready', \(picture.hash), \(picture.width), \(picture.height), \(widths), NULL, \(now), \(now), \(now))
                ON CONFLICT (url) DO UPDATE SET state = 'ready', hash = excluded.hash, width = excluded.width,
                    height = excluded.height, widths = excluded.widths, error = NULL, updated_at = excluded.updated_at
                """, on: connection, logger: logger)
        }
    }

    public func pictureFailed(url: String, reason: String, retryAt: Date?, now: Date) async throws {
        try await execute(
            """
            UPDATE pictures SET attempts = attempts + 1, error = \(String(reason.prefix(500))),
            state = \(retryAt == nil ? "refused" : "pending"), due_at = COALESCE(\(retryAt), due_at), updated_at = \(now)
            WHERE url = \(url) AND state <> 'ready'
            """)
    }

    public func pictures(urls: [String]) async throws -> [String: PictureReference] {
        let unique = Array(Set(urls))
        guard !unique.isEmpty else { return [:] }
        var found: [String: PictureReference] = [:]
        for row in try await rows(
            "SELECT url, hash, width, height, widths FROM pictures WHERE url = ANY(\(unique)) AND state = 'ready'")
        {
            found[try row["url"].decode(String.self)] = PictureReference(
                hash: try row["hash"].decode(String.self), width: try row["width"].decode(Int.self),
                height: try row["height"].decode(Int.self), widths: PictureReference.widths(try row["widths"].decode(String?.self)))
        }
        return found
    }

    public func pictureFile(hash: String, name: String) async throws -> PictureFile? {
        guard let row = try await rows("SELECT content_type, bytes FROM picture_files WHERE hash = \(hash) AND name = \(name)").first
        else { return nil }
        var bytes = try row["bytes"].decode(ByteBuffer.self)
        return PictureFile(contentType: try row["content_type"].decode(String.self), bytes: bytes.readBytes(length: bytes.readableBytes) ?? [])
    }

    public func pictureCounts() async throws -> PictureCounts {
        var counts = PictureCounts(pending: 0, ready: 0, refused: 0)
        for row in try await rows("SELECT state, count(*)::bigint AS n FROM pictures GROUP BY state") {
            let n = Int(try row["n"].decode(Int64.self))
            switch try row["state"].decode(String.self) {
            case "pending": counts.pending = n
            case "ready": counts.ready = n
            default: counts.refused += n
            }
        }
        return counts
    }
}
