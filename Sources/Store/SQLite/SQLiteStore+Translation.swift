import EnbekshiCore
import Foundation
import GRDB

extension SQLiteStore {
    public func saveTranslation(_ version: ArticleVersion, articleID: Int64) async throws -> Bool {
        try await write { db in try Self.saveTranslation(version, articleID: articleID, db: db) }
    }

    static func saveTranslation(_ version: ArticleVersion, articleID: Int64, db: Database) throws -> Bool {
        guard let mt = version.machineTranslation else {
            throw StoreError.inconsistent("saveTranslation needs a machine-translated version")
        }
        let existingEngine = try Row.fetchOne(
            db, sql: "SELECT mt_engine FROM versions WHERE article_id = ? AND lang = ?",
            arguments: [articleID, version.language.rawValue])
        if let existingEngine, (existingEngine["mt_engine"] as String?) == nil { return false }
        try db.execute(
            sql: "DELETE FROM versions WHERE article_id = ? AND lang = ?", arguments: [articleID, version.language.rawValue])
        try db.execute(
            sql: """
                INSERT INTO versions (article_id, lang, title, original_title, body_html, original_html, slug, source_url,
                heropic, created_raw, published_local, fetched_at, content_hash, raw_json, flags, mt_engine, mt_model,
                mt_at, mt_source_lang) VALUES (?, ?, ?, NULL, ?, NULL, NULL, ?, ?, ?, ?, ?, ?, NULL, ?, ?, ?, ?, ?)
                """,
            arguments: [
                articleID, version.language.rawValue, version.title, PackedText.pack(version.bodyHTML), version.sourceURL, version.heropic,
                version.createdRaw, version.published?.local, StoreDate.string(version.fetchedAt), version.contentHash,
                QualityFlag.encode(version.flags), mt.engine, mt.model, StoreDate.string(mt.translatedAt),
                mt.sourceLanguage.rawValue,
            ])
        try reapplyCorrections(articleID: articleID, db: db)
        return true
    }

    @discardableResult
    public func enqueueTranslation(articleID: Int64, from source: Language, to target: Language) async throws -> Bool {
        let now = StoreDate.string(Date())
        return try await write { db in
            try db.execute(
                sql: """
                    INSERT INTO translation_jobs (article_id, source_lang, target_lang, next_attempt_at, created_at)
                    VALUES (?, ?, ?, ?, ?) ON CONFLICT (article_id, target_lang) DO NOTHING
                    """,
                arguments: [articleID, source.rawValue, target.rawValue, now, now])
            return db.changesCount > 0
        }
    }

    public func dueTranslationJobs(now: Date, limit: Int) async throws -> [TranslationJob] {
        try await database.read { db in
            try Row.fetchAll(
                db,
                sql: """
                    SELECT * FROM translation_jobs WHERE state = 'pending' AND next_attempt_at <= ?
                    ORDER BY next_attempt_at, id LIMIT ?
                    """,
                arguments: [StoreDate.string(now), max(0, limit)]
            ).compactMap { Self.translationJob($0, now: now) }
        }
    }

    public func claimTranslationJobs(owner: String, dueBy: Date, now: Date, limit: Int, duration: TimeInterval) async throws -> [TranslationJob] {
        let at = StoreDate.string(now)
        return try await write { db in
            try Row.fetchAll(
                db,
                sql: """
                    UPDATE translation_jobs SET lease_owner = ?, lease_epoch = lease_epoch + 1, lease_expires_at = ?
                    WHERE id IN (SELECT id FROM translation_jobs WHERE state = 'pending' AND next_attempt_at <= ?
                        AND (lease_expires_at IS NULL OR lease_expires_at <= ?) ORDER BY next_attempt_at, id LIMIT ?)
                    RETURNING *
                    """,
                arguments: [owner, StoreDate.string(now.addingTimeInterval(duration)), StoreDate.string(dueBy), at, max(0, limit)]
            ).compactMap { Self.translationJob($0, now: now) }.sorted { ($0.nextAttemptAt, $0.id) < ($1.nextAttemptAt, $1.id) }
        }
    }

    public func finishTranslationJob(_ job: TranslationJob, saving translation: ArticleVersion?) async throws -> Bool {
        try await write { db in
            guard try Self.holds(job, db: db) else { return false }
            if let translation { _ = try Self.saveTranslation(translation, articleID: job.articleID, db: db) }
            try db.execute(
                sql: "UPDATE translation_jobs SET state = 'done', last_error = NULL, lease_expires_at = NULL WHERE id = ?",
                arguments: [job.id])
            return true
        }
    }

    public func failTranslationJob(_ job: TranslationJob, error: String, retryAt: Date?) async throws -> Bool {
        try await write { db in
            guard try Self.holds(job, db: db) else { return false }
            try db.execute(
                sql: """
                    UPDATE translation_jobs SET attempts = attempts + 1, last_error = ?, state = ?,
                    next_attempt_at = COALESCE(?, next_attempt_at), lease_expires_at = NULL WHERE id = ?
                    """,
                arguments: [String(error.prefix(500)), retryAt == nil ? "failed" : "pending", retryAt.map(StoreDate.string), job.id])
            return true
        }
    }

    /// Whether the job is still pending and held by the claim `job` came from.
    static func holds(_ job: TranslationJob, db: Database) throws -> Bool {
        try Bool.fetchOne(
            db, sql: "SELECT 1 FROM translation_jobs WHERE id = ? AND state = 'pending' AND lease_owner IS ? AND lease_epoch = ?",
            arguments: [job.id, job.leaseOwner, job.leaseEpoch]) ?? false
    }

    static func translationJob(_ row: Row, now: Date) -> TranslationJob? {
        guard let source = Language(rawValue: row["source_lang"] ?? ""), let target = Language(rawValue: row["target_lang"] ?? "")
        else { return nil }
        return TranslationJob(
            id: row["id"], articleID: row["article_id"], source: source, target: target,
            state: TranslationJob.State(rawValue: row["state"] ?? "") ?? .pending, attempts: row["attempts"] ?? 0,
            lastError: row["last_error"], nextAttemptAt: StoreDate.date(row["next_attempt_at"]) ?? now,
            leaseOwner: row["lease_owner"], leaseEpoch: row["lease_epoch"] ?? 0)
    }

    public func translationQueueCounts() async throws -> TranslationQueueCounts {
        try await database.read { db in
            var counts = TranslationQueueCounts(pending: 0, done: 0, failed: 0)
            for row in try Row.fetchAll(db, sql: "SELECT state, COUNT(*) AS n FROM translation_jobs GROUP BY state") {
                let n: Int = row["n"]
                switch row["state"] as String? {
                case "pending": counts.pending = n
                case "done": counts.done = n
                case "failed": counts.failed = n
                default: break
                }
            }
            return counts
        }
    }

    public func cachedTranslations(hashes: [String], from: Language, to: Language, engine: String) async throws
        -> [String: String]
    {
        guard !hashes.isEmpty else { return [:] }
        return try await database.read { db in
            var result: [String: String] = [:]
            for chunk in hashes.chunks(of: Self.parametersPerStatement) {
                for row in try Row.fetchAll(
                    db,
                    sql: """
                        SELECT source_hash, text FROM translation_cache WHERE source_lang = ? AND target_lang = ? AND engine = ?
                        AND source_hash IN (\(databaseQuestionMarks(count: chunk.count)))
                        """,
                    arguments: StatementArguments([from.rawValue, to.rawValue, engine] + chunk))
                {
                    result[row["source_hash"]] = row["text"]
                }
            }
            return result
        }
    }

    public func cacheTranslations(_ texts: [String: String], from: Language, to: Language, engine: String) async throws {
        let now = StoreDate.string(Date())
        try await write { db in
            for (hash, text) in texts {
                try db.execute(
                    sql: """
                        INSERT INTO translation_cache (source_hash, source_lang, target_lang, engine, text, created_at)
                        VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT (source_hash, source_lang, target_lang, engine) DO UPDATE SET
                        text = excluded.text
                        """,
                    arguments: [hash, from.rawValue, to.rawValue, engine, text, now])
            }
        }
    }

    public func glosses(of runs: [String], to target: Language) async throws -> [String: Gloss] {
        guard !runs.isEmpty else { return [:] }
        return try await database.read { db in
            var result: [String: Gloss] = [:]
            for chunk in runs.chunks(of: Self.parametersPerStatement) {
                for row in try Row.fetchAll(
                    db,
                    sql: """
                        SELECT run, source_lang, text, engine FROM glosses WHERE target_lang = ?
                        AND run IN (\(databaseQuestionMarks(count: chunk.count)))
                        """,
                    arguments: StatementArguments([target.rawValue] + chunk))
                {
                    let run: String = row["run"]
                    guard let source = Language(rawValue: row["source_lang"]) else { continue }
                    result[run] = Gloss(run: run, source: source, target: target, text: row["text"], engine: row["engine"])
                }
            }
            return result
        }
    }

    public func saveGlosses(_ glosses: [Gloss]) async throws {
        guard !glosses.isEmpty else { return }
        let now = StoreDate.string(Date())
        try await write { db in
            for gloss in glosses {
                try db.execute(
                    sql: """
                        INSERT INTO glosses (run, target_lang, source_lang, text, engine, created_at) VALUES (?, ?, ?, ?, ?, ?)
                        ON CONFLICT (run, target_lang) DO UPDATE SET source_lang = excluded.source_lang, text = excluded.text,
                        engine = excluded.engine, created_at = excluded.created_at
                        """,
                    arguments: [gloss.run, gloss.target.rawValue, gloss.source.rawValue, gloss.text, gloss.engine, now])
            }
        }
    }
}
