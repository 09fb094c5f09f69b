import EnbekshiCore
import Foundation
import Logging
import PostgresNIO

extension PostgresStore {
    public func saveTranslation(_ version: ArticleVersion, articleID: Int64) async throws -> Bool {
        let search = Self.searchVector(version)
        let logger = self.logger
        return try await transaction { connection in
            try await Self.saveTranslation(version, search: search, articleID: articleID, on: connection, logger: logger)
        }
    }

    static func saveTranslation(
        _ version: ArticleVersion, search: String, articleID: Int64, on connection: PostgresConnection, logger: Logger
    ) async throws -> Bool {
        guard let mt = version.machineTranslation else {
            throw StoreError.inconsistent("saveTranslation needs a machine-translated version")
        }
        let language = version.language.rawValue
        // One statement, so a source version stored at the same moment by a harvest is never
        // deleted or overwritten: the insert waits for it, then updates only a machine translation.
        let written = try await rows(
            """
            INSERT INTO versions (article_id, lang, title, body_html, source_url, heropic, created_raw, published_local,
            fetched_at, content_hash, flags, mt_engine, mt_model, mt_at, mt_source_lang)
            VALUES (\(articleID), \(language), \(version.title), \(version.bodyHTML), \(version.sourceURL), \(version.heropic),
            \(version.createdRaw), \(version.published?.local), \(version.fetchedAt), \(version.contentHash),
            \(QualityFlag.encode(version.flags)), \(mt.engine), \(mt.model), \(mt.translatedAt), \(mt.sourceLanguage.rawValue))
            ON CONFLICT (article_id, lang) DO UPDATE SET title = excluded.title, original_title = NULL,
            body_html = excluded.body_html, original_html = NULL, slug = NULL, source_url = excluded.source_url,
            heropic = excluded.heropic, created_raw = excluded.created_raw, published_local = excluded.published_local,
            fetched_at = excluded.fetched_at, content_hash = excluded.content_hash, raw_json = NULL, flags = excluded.flags,
            mt_engine = excluded.mt_engine, mt_model = excluded.mt_model, mt_at = excluded.mt_at,
            mt_source_lang = excluded.mt_source_lang
            WHERE versions.mt_engine IS NOT NULL
            RETURNING 1 AS written
            """, on: connection, logger: logger)
        // A source version always wins.
        guard !written.isEmpty else { return false }
        try await writeDocuments(
            [SearchDocumentRow(articleID: articleID, language: version.language, vector: search)], on: connection, logger: logger)
        try await reapplyCorrections(articleIDs: [articleID], on: connection, logger: logger)
        return true
    }

    @discardableResult
    public func enqueueTranslation(articleID: Int64, from source: Language, to target: Language) async throws -> Bool {
        let now = Date()
        return try await !rows(
            """
            INSERT INTO translation_jobs (article_id, source_lang, target_lang, next_attempt_at, created_at)
            VALUES (\(articleID), \(source.rawValue), \(target.rawValue), \(now), \(now))
            ON CONFLICT (article_id, target_lang) DO NOTHING RETURNING id
            """
        ).isEmpty
    }

    public func dueTranslationJobs(now: Date, limit: Int) async throws -> [TranslationJob] {
        try await rows(
            """
            SELECT * FROM translation_jobs WHERE state = 'pending' AND next_attempt_at <= \(now)
            ORDER BY next_attempt_at, id LIMIT \(Int64(max(0, limit)))
            """
        ).compactMap(Self.translationJob)
    }

    public func claimTranslationJobs(owner: String, dueBy: Date, now: Date, limit: Int, duration: TimeInterval) async throws -> [TranslationJob] {
        try await rows(
            """
            UPDATE translation_jobs SET lease_owner = \(owner), lease_epoch = lease_epoch + 1,
            lease_expires_at = \(now.addingTimeInterval(duration))
            WHERE id IN (SELECT id FROM translation_jobs WHERE state = 'pending' AND next_attempt_at <= \(dueBy)
                AND (lease_expires_at IS NULL OR lease_expires_at <= \(now)) ORDER BY next_attempt_at, id
                LIMIT \(Int64(max(0, limit))) FOR UPDATE SKIP LOCKED)
            RETURNING *
            """
        ).compactMap(Self.translationJob).sorted { ($0.nextAttemptAt, $0.id) < ($1.nextAttemptAt, $1.id) }
    }

    public func finishTranslationJob(_ job: TranslationJob, saving translation: ArticleVersion?) async throws -> Bool {
        let search = translation.map(Self.searchVector)
        let logger = self.logger
        return try await transaction { connection in
            guard try await Self.holds(job, on: connection, logger: logger) else { return false }
            if let translation, let search {
                _ = try await Self.saveTranslation(translation, search: search, articleID: job.articleID, on: connection, logger: logger)
            }
            try await Self.run(
                "UPDATE translation_jobs SET state = 'done', last_error = NULL, lease_expires_at = NULL WHERE id = \(job.id)",
                on: connection, logger: logger)
            return true
        }
    }

    public func failTranslationJob(_ job: TranslationJob, error: String, retryAt: Date?) async throws -> Bool {
        let logger = self.logger
        return try await transaction { connection in
            guard try await Self.holds(job, on: connection, logger: logger) else { return false }
            try await Self.run(
                """
                UPDATE translation_jobs SET attempts = attempts + 1, last_error = \(String(error.prefix(500))),
                state = \(retryAt == nil ? "failed" : "pending"), next_attempt_at = COALESCE(\(retryAt), next_attempt_at),
                lease_expires_at = NULL WHERE id = \(job.id)
                """, on: connection, logger: logger)
            return true
        }
    }

    /// Whether the job is still pending and held by the claim `job` came from; locks its row.
    static func holds(_ job: TranslationJob, on connection: PostgresConnection, logger: Logger) async throws -> Bool {
        try await !rows(
            """
            SELECT 1 AS held FROM translation_jobs WHERE id = \(job.id) AND state = 'pending'
            AND lease_owner IS NOT DISTINCT FROM \(job.leaseOwner) AND lease_epoch = \(job.leaseEpoch) FOR UPDATE
            """, on: connection, logger: logger
        ).isEmpty
    }

    static func translationJob(_ row: PostgresRandomAccessRow) throws -> TranslationJob? {
        guard let source = Language(rawValue: try row["source_lang"].decode(String.self)),
            let target = Language(rawValue: try row["target_lang"].decode(String.self))
        else { return nil }
        return TranslationJob(
            id: try row["id"].decode(Int64.self), articleID: try row["article_id"].decode(Int64.self), source: source, target: target,
            state: TranslationJob.State(rawValue: try row["state"].decode(String.self)) ?? .pending,
            attempts: Int(try row["attempts"].decode(Int32.self)), lastError: try row["last_error"].decode(String?.self),
            nextAttemptAt: try row["next_attempt_at"].decode(Date.self), leaseOwner: try row["lease_owner"].decode(String?.self),
            leaseEpoch: try row["lease_epoch"].decode(Int64.self))
    }

    public func translationQueueCounts() async throws -> TranslationQueueCounts {
        var counts = TranslationQueueCounts(pending: 0, done: 0, failed: 0)
        for row in try await rows("SELECT state, count(*) AS n FROM translation_jobs GROUP BY state") {
            let n = Int(try row["n"].decode(Int64.self))
            switch try row["state"].decode(String.self) {
            case "pending": counts.pending = n
            case "done": counts.done = n
            case "failed": counts.failed = n
            default: break
            }
        }
        return counts
    }

    public func cachedTranslations(hashes: [String], from: Language, to: Language, engine: String) async throws -> [String: String] {
        guard !hashes.isEmpty else { return [:] }
        var result: [String: String] = [:]
        for row in try await rows(
            """
            SELECT source_hash, text FROM translation_cache WHERE source_lang = \(from.rawValue) AND target_lang = \(to.rawValue)
            AND engine = \(engine) AND source_hash = ANY(\(Array(Set(hashes))))
            """)
        {
            result[try row["source_hash"].decode(String.self)] = try row["text"].decode(String.self)
        }
        return result
    }

    public func cacheTranslations(_ texts: [String: String], from: Language, to: Language, engine: String) async throws {
        guard !texts.isEmpty else { return }
        let now = Date()
        let logger = self.logger
        try await transaction { connection in
            for (hash, text) in texts {
                try await Self.run(
                    """
                    INSERT INTO translation_cache (source_hash, source_lang, target_lang, engine, text, created_at)
                    VALUES (\(hash), \(from.rawValue), \(to.rawValue), \(engine), \(text), \(now))
                    ON CONFLICT (source_hash, source_lang, target_lang, engine) DO UPDATE SET text = excluded.text
                    """, on: connection, logger: logger)
            }
        }
    }

    public func glosses(of runs: [String], to target: Language) async throws -> [String: Gloss] {
        guard !runs.isEmpty else { return [:] }
        var result: [String: Gloss] = [:]
        for row in try await rows(
            "SELECT run, source_lang, text, engine FROM glosses WHERE target_lang = \(target.rawValue) AND run = ANY(\(Array(Set(runs))))")
        {
            let run = try row["run"].decode(String.self)
            guard let source = Language(rawValue: try row["source_lang"].decode(String.self)) else { continue }
            result[run] = Gloss(run: run, source: source, target: target, text: try row["text"].decode(String.self), engine: try row["engine"].decode(String.self))
        }
        return result
    }

    public func saveGlosses(_ glosses: [Gloss]) async throws {
        guard !glosses.isEmpty else { return }
        let now = Date()
        let logger = self.logger
        try await transaction { connection in
            for gloss in glosses {
                try await Self.run(
                    """
                    INSERT INTO glosses (run, target_lang, source_lang, text, engine, created_at)
                    VALUES (\(gloss.run), \(gloss.target.rawValue), \(gloss.source.rawValue), \(gloss.text), \(gloss.engine), \(now))
                    ON CONFLICT (run, target_lang) DO UPDATE SET source_lang = excluded.source_lang, text = excluded.text,
                    engine = excluded.engine, created_at = excluded.created_at
                    """, on: connection, logger: logger)
            }
        }
    }
}
