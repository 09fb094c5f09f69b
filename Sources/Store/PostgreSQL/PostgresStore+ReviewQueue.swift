import EnbekshiCore
import Foundation
import PostgresNIO

extension PostgresStore {
    public func versionsToReview(_ kind: VersionReview, limit: Int) async throws -> [StoredVersion] {
        let condition: String =
            switch kind {
            case .brief: "v.body_html = ''"
            case .changedAtSource: "EXISTS (SELECT 1 FROM version_history h WHERE h.article_id = v.article_id AND h.lang = v.lang)"
            }
        return try Self.storedVersions(
            await rows(
                """
                SELECT \(unescaped: Self.qualifiedFullColumns), a.project, a.govkz_id
                FROM versions v JOIN articles a ON a.id = v.article_id
                WHERE v.mt_engine IS NULL AND \(unescaped: condition)
                AND NOT EXISTS (SELECT 1 FROM hidden_articles h WHERE h.article_id = v.article_id)
                AND NOT EXISTS (SELECT 1 FROM reviewed_versions r
                    WHERE r.article_id = v.article_id AND r.lang = v.lang AND r.content_hash = v.content_hash)
                ORDER BY a.published_local DESC, a.id DESC, v.lang LIMIT \(Int64(max(0, limit)))
                """))
    }

    public func uncertainTopics(sectionMargin: Double, regionMargin: Double, limit: Int) async throws -> [Int64] {
        try await rows(
            """
            SELECT t.article_id FROM article_topics t JOIN articles a ON a.id = t.article_id
            WHERE ((t.section_margin < \(sectionMargin) AND NOT EXISTS (SELECT 1 FROM article_corrections c
                    WHERE c.article_id = t.article_id AND c.field = 'section'))
                OR (t.region_margin < \(regionMargin) AND NOT EXISTS (SELECT 1 FROM article_corrections c
                    WHERE c.article_id = t.article_id AND c.field = 'region')))
            AND NOT EXISTS (SELECT 1 FROM hidden_articles h WHERE h.article_id = t.article_id)
            AND NOT EXISTS (SELECT 1 FROM reviewed_topics r
                WHERE r.article_id = t.article_id AND r.section = t.section AND r.region = t.region)
            ORDER BY a.published_local DESC, a.id DESC LIMIT \(Int64(max(0, limit)))
            """
        ).map { try $0["article_id"].decode(Int64.self) }
    }

    @discardableResult public func approveTopics(articleID: Int64, actor: String, at: Date) async throws -> Bool {
        try await !rows(
            """
            INSERT INTO reviewed_topics (article_id, section, region, actor, reviewed_at)
            SELECT article_id, section, region, \(actor), \(at) FROM article_topics WHERE article_id = \(articleID)
            ON CONFLICT (article_id) DO UPDATE SET section = excluded.section, region = excluded.region,
            actor = excluded.actor, reviewed_at = excluded.reviewed_at
            RETURNING article_id
            """
        ).isEmpty
    }

    public func nearDuplicates(minimumScore: Double, limit: Int) async throws -> [NearDuplicate] {
        try await rows(
            """
            SELECT r.article_id, r.related_id, r.score FROM related_articles r
            JOIN articles a ON a.id = r.article_id JOIN articles b ON b.id = r.related_id
            WHERE r.score >= \(minimumScore) AND COALESCE(a.story_id, a.id) <> COALESCE(b.story_id, b.id)
            AND (a.published_local > b.published_local OR (a.published_local = b.published_local AND a.id > b.id))
            AND NOT EXISTS (SELECT 1 FROM story_decisions d
                WHERE d.article_id = r.article_id AND d.kind = 'apart' AND d.other_id = r.related_id)
            AND NOT EXISTS (SELECT 1 FROM hidden_articles h WHERE h.article_id IN (r.article_id, r.related_id))
            ORDER BY a.published_local DESC, a.id DESC, r.score DESC LIMIT \(Int64(max(0, limit)))
            """
        ).map {
            NearDuplicate(
                articleID: try $0["article_id"].decode(Int64.self), otherID: try $0["related_id"].decode(Int64.self),
                score: try $0["score"].decode(Double.self))
        }
    }

    public func sourcesToReview(limit: Int) async throws -> [Source] {
        // The first seed's sources are the catalog's: later ones are new to the newsroom.
        try await rows(
            """
            SELECT s.* FROM corrected_sources s
            WHERE s.kind <> 'newsroom' AND NOT EXISTS (SELECT 1 FROM reviewed_sources r WHERE r.slug = s.slug)
            AND (s.added_at > (SELECT MIN(added_at) FROM sources) + interval '1 minute'
                OR (s.name_kk IS NULL AND s.name_ru IS NULL AND s.name_en IS NULL
                    AND EXISTS (SELECT 1 FROM articles a WHERE a.project = s.slug)))
            ORDER BY s.added_at DESC, s.slug COLLATE "C" LIMIT \(Int64(max(0, limit)))
            """
        ).map(Self.source)
    }

    @discardableResult public func approveSource(slug: String, actor: String, at: Date) async throws -> Bool {
        try await !rows(
            """
            INSERT INTO reviewed_sources (slug, actor, reviewed_at) SELECT slug, \(actor), \(at) FROM sources WHERE slug = \(slug)
            ON CONFLICT (slug) DO UPDATE SET actor = excluded.actor, reviewed_at = excluded.reviewed_at
            RETURNING slug
            """
        ).isEmpty
    }

    // MARK: Source corrections

    @discardableResult public func correctSource(_ correction: SourceCorrection) async throws -> Bool {
        let replaced: String =
            switch correction.field {
            case .parent: "NULL::text"
            case .nameKK: "name_kk"
            case .nameRU: "name_ru"
            case .nameEN: "name_en"
            case .kind: "kind"
            case .region: "region"
            }
        return try await !rows(
            """
            INSERT INTO source_corrections (slug, field, value, replaced, actor, reason, corrected_at)
            SELECT slug, \(correction.field.rawValue), \(correction.value), \(unescaped: replaced), \(correction.actor), \(correction.reason), \(correction.at)
            FROM sources WHERE slug = \(correction.slug)
            ON CONFLICT (slug, field) DO UPDATE SET value = excluded.value, replaced = excluded.replaced,
            actor = excluded.actor, reason = excluded.reason, corrected_at = excluded.corrected_at
            RETURNING slug
            """
        ).isEmpty
    }

    @discardableResult public func removeSourceCorrection(slug: String, field: SourceCorrection.Field) async throws -> Bool {
        try await !rows("DELETE FROM source_corrections WHERE slug = \(slug) AND field = \(field.rawValue) RETURNING slug").isEmpty
    }

    public func sourceCorrections(slug: String) async throws -> [SourceCorrection] {
        try await rows("SELECT * FROM source_corrections WHERE slug = \(slug) ORDER BY field COLLATE \"C\"").compactMap { row in
            guard let field = SourceCorrection.Field(rawValue: try row["field"].decode(String.self)) else { return nil }
            return SourceCorrection(
                slug: try row["slug"].decode(String.self), field: field, value: try row["value"].decode(String.self),
                replaced: try row["replaced"].decode(String?.self), actor: try row["actor"].decode(String.self),
                reason: try row["reason"].decode(String.self), at: try row["corrected_at"].decode(Date.self))
        }
    }
}
