import EnbekshiCore
import Foundation
import GRDB

extension SQLiteStore {
    public func versionsToReview(_ kind: VersionReview, limit: Int) async throws -> [StoredVersion] {
        let condition =
            switch kind {
            case .brief: "v.body_html = ''"
            case .changedAtSource: "EXISTS (SELECT 1 FROM version_history h WHERE h.article_id = v.article_id AND h.lang = v.lang)"
            }
        return try await database.read { db in
            Self.storedVersions(
                try Row.fetchAll(
                    db,
                    sql: """
                        SELECT v.*, a.project, a.govkz_id FROM versions v JOIN articles a ON a.id = v.article_id
                        WHERE v.mt_engine IS NULL AND \(condition)
                        AND v.article_id NOT IN (SELECT article_id FROM hidden_articles)
                        AND NOT EXISTS (SELECT 1 FROM reviewed_versions r
                            WHERE r.article_id = v.article_id AND r.lang = v.lang AND r.content_hash = v.content_hash)
                        ORDER BY a.published_local DESC, a.id DESC, v.lang LIMIT ?
                        """,
                    arguments: [max(0, limit)]))
        }
    }

    public func uncertainTopics(sectionMargin: Double, regionMargin: Double, limit: Int) async throws -> [Int64] {
        try await database.read { db in
            try Int64.fetchAll(
                db,
                sql: """
                    SELECT t.article_id FROM article_topics t JOIN articles a ON a.id = t.article_id
                    WHERE ((t.section_margin < ? AND NOT EXISTS (SELECT 1 FROM article_corrections c
                            WHERE c.article_id = t.article_id AND c.field = 'section'))
                        OR (t.region_margin < ? AND NOT EXISTS (SELECT 1 FROM article_corrections c
                            WHERE c.article_id = t.article_id AND c.field = 'region')))
                    AND t.article_id NOT IN (SELECT article_id FROM hidden_articles)
                    AND NOT EXISTS (SELECT 1 FROM reviewed_topics r
                        WHERE r.article_id = t.article_id AND r.section = t.section AND r.region = t.region)
                    ORDER BY a.published_local DESC, a.id DESC LIMIT ?
                    """,
                arguments: [sectionMargin, regionMargin, max(0, limit)])
        }
    }

    @discardableResult public func approveTopics(articleID: Int64, actor: String, at: Date) async throws -> Bool {
        try await write { db in
            try db.execute(
                sql: """
                    INSERT INTO reviewed_topics (article_id, section, region, actor, reviewed_at)
                    SELECT article_id, section, region, ?, ? FROM article_topics WHERE article_id = ?
                    ON CONFLICT (article_id) DO UPDATE SET section = excluded.section, region = excluded.region,
                    actor = excluded.actor, reviewed_at = excluded.reviewed_at
                    """,
                arguments: [actor, StoreDate.string(at), articleID])
            return db.changesCount > 0
        }
    }

    public func nearDuplicates(minimumScore: Double, limit: Int) async throws -> [NearDuplicate] {
        try await database.read { db in
            try Row.fetchAll(
                db,
                sql: """
                    SELECT r.article_id, r.related_id, r.score FROM related_articles r
                    JOIN articles a ON a.id = r.article_id JOIN articles b ON b.id = r.related_id
                    WHERE r.score >= ? AND COALESCE(a.story_id, a.id) <> COALESCE(b.story_id, b.id)
                    AND (a.published_local > b.published_local OR (a.published_local = b.published_local AND a.id > b.id))
                    AND NOT EXISTS (SELECT 1 FROM story_decisions d
                        WHERE d.article_id = r.article_id AND d.kind = 'apart' AND d.other_id = r.related_id)
                    AND r.article_id NOT IN (SELECT article_id FROM hidden_articles)
                    AND r.related_id NOT IN (SELECT article_id FROM hidden_articles)
                    ORDER BY a.published_local DESC, a.id DESC, r.score DESC LIMIT ?
                    """,
                arguments: [minimumScore, max(0, limit)]
            ).map { NearDuplicate(articleID: $0["article_id"], otherID: $0["related_id"], score: $0["score"]) }
        }
    }

    public func sourcesToReview(limit: Int) async throws -> [Source] {
        try await database.read { db in
            // The first seed's sources are the catalog's: later ones are new to the newsroom.
            let firstSeed: String = try String.fetchOne(db, sql: "SELECT MIN(added_at) FROM sources") ?? ""
            let cutoff = StoreDate.date(firstSeed).map { StoreDate.string($0.addingTimeInterval(60)) } ?? firstSeed
            return try Row.fetchAll(
                db,
                sql: """
                    SELECT s.* FROM corrected_sources s
                    WHERE s.kind <> 'newsroom' AND s.slug NOT IN (SELECT slug FROM reviewed_sources)
                    AND (s.added_at > ? OR (s.name_kk IS NULL AND s.name_ru IS NULL AND s.name_en IS NULL
                        AND EXISTS (SELECT 1 FROM articles a WHERE a.project = s.slug)))
                    ORDER BY s.added_at DESC, s.slug LIMIT ?
                    """,
                arguments: [cutoff, max(0, limit)]
            ).map(Self.source)
        }
    }

    @discardableResult public func approveSource(slug: String, actor: String, at: Date) async throws -> Bool {
        try await write { db in
            guard try Bool.fetchOne(db, sql: "SELECT EXISTS (SELECT 1 FROM sources WHERE slug = ?)", arguments: [slug]) ?? false else {
                return false
            }
            try db.execute(
                sql: """
                    INSERT INTO reviewed_sources (slug, actor, reviewed_at) VALUES (?, ?, ?)
                    ON CONFLICT (slug) DO UPDATE SET actor = excluded.actor, reviewed_at = excluded.reviewed_at
                    """,
                arguments: [slug, actor, StoreDate.string(at)])
            return true
        }
    }

    // MARK: Source corrections

    @discardableResult public func correctSource(_ correction: SourceCorrection) async throws -> Bool {
        try await write { db in
            guard let row = try Row.fetchOne(db, sql: "SELECT * FROM sources WHERE slug = ?", arguments: [correction.slug]) else {
                return false
            }
            let replaced: String? =
                switch correction.field {
                case .parent: nil
                default: row[correction.field.rawValue]
                }
            try db.execute(
                sql: """
                    INSERT INTO source_corrections (slug, field, value, replaced, actor, reason, corrected_at) VALUES (?, ?, ?, ?, ?, ?, ?)
                    ON CONFLICT (slug, field) DO UPDATE SET value = excluded.value, replaced = excluded.replaced,
                    actor = excluded.actor, reason = excluded.reason, corrected_at = excluded.corrected_at
                    """,
                arguments: [
                    correction.slug, correction.field.rawValue, correction.value, replaced, correction.actor, correction.reason,
                    StoreDate.string(correction.at),
                ])
            return true
        }
    }

    @discardableResult public func removeSourceCorrection(slug: String, field: SourceCorrection.Field) async throws -> Bool {
        try await write { db in
            try db.execute(sql: "DELETE FROM source_corrections WHERE slug = ? AND field = ?", arguments: [slug, field.rawValue])
            return db.changesCount > 0
        }
    }

    public func sourceCorrections(slug: String) async throws -> [SourceCorrection] {
        try await database.read { db in
            try Row.fetchAll(db, sql: "SELECT * FROM source_corrections WHERE slug = ? ORDER BY field", arguments: [slug]).compactMap { row in
                guard let field = SourceCorrection.Field(rawValue: row["field"]) else { return nil }
                return SourceCorrection(
                    slug: row["slug"], field: field, value: row["value"], replaced: row["replaced"], actor: row["actor"],
                    reason: row["reason"], at: StoreDate.date(row["corrected_at"]) ?? Date(timeIntervalSince1970: 0))
            }
        }
    }
}
