import EnbekshiCore
import Foundation
import GRDB

extension SQLiteStore {
    public func saveTranslation(_ version: ArticleVersion, articleID: Int64) async throws -> Bool {
        guard let mt = version.machineTranslation else {
            throw StoreError.inconsistent("saveTranslation needs a machine-translated version")
        }
        let fetched = StoreDate.string(version.fetchedAt)
        return try await database.write { db in
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
                    version.createdRaw, version.published?.local, fetched, version.contentHash,
                    QualityFlag.encode(version.flags), mt.engine, mt.model, StoreDate.string(mt.translatedAt),
                    mt.sourceLanguage.rawValue,
                ])
            try Self.reapplyCorrections(articleID: articleID, db: db)
            return true
        }
    }

    @discardableResult
    public func enqueueTranslation(articleID: Int64, from source: Language, to target: Language) async throws -> Bool {
        let now = StoreDate.string(Date())
        return try await database.write { db in
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
            ).compactMap { row in
                guard let source = Language(rawValue: row["source_lang"] ?? ""),
                    let target = Language(rawValue: row["target_lang"] ?? "")
                else { return nil }
                return TranslationJob(
                    id: row["id"], articleID: row["article_id"], source: source, target: target,
                    state: TranslationJob.State(rawValue: row["state"] ?? "") ?? .pending, attempts: row["attempts"] ?? 0,
                    lastError: row["last_error"], nextAttemptAt: StoreDate.date(row["next_attempt_at"]) ?? now)
            }
        }
    }

    public func finishTranslationJob(id: Int64) async throws {
        try await database.write { db in
            try db.execute(sql: "UPDATE translation_jobs SET state = 'done', last_error = NULL WHERE id = ?", arguments: [id])
        }
    }

    public func failTranslationJob(id: Int64, error: String, retryAt: Date?) async throws {
        try await database.write { db in
            try db.execute(
                sql: """
                    UPDATE translation_jobs SET attempts = attempts + 1, last_error = ?, state = ?,
                    next_attempt_at = COALESCE(?, next_attempt_at) WHERE id = ?
                    """,
                arguments: [String(error.prefix(500)), retryAt == nil ? "failed" : "pending", retryAt.map(StoreDate.string), id])
        }
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
        try await database.write { db in
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
        try await database.write { db in
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
