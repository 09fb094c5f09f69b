import EnbekshiCore
import Foundation
import Logging
import PostgresNIO

/// A batch of saves written set-wise: a fixed handful of statements for the whole batch instead of
/// several per article, since over a network each round trip costs more than the work it carries.
/// Rows travel as one JSON parameter per statement (`jsonb_to_recordset`: texts that may be NULL
/// need no sentinel) and instants as a typed array beside it, zipped by `ROWS FROM`, so they bind
/// exactly as single values do.
///
/// The outcome is the one a save of each item in turn would give. An item whose version (or fetch
/// record) appeared earlier in the batch goes to a later round, so it sees that earlier write.
struct PostgresBatchSave {
    let items: [BulkArticle]
    let vectors: [String]
    let now: Date

    func write(on connection: PostgresConnection, logger: Logger) async throws -> [(outcome: SaveOutcome, articleID: Int64)] {
        guard !items.isEmpty else { return [] }
        let ids = try await saveArticles(on: connection, logger: logger)
        let articleIDs = try items.map { item in
            guard let id = ids[item.key] else { throw StoreError.inconsistent("article \(item.key) vanished inside its own transaction") }
            return id
        }
        var outcomes = [SaveOutcome](repeating: .unchanged, count: items.count)
        for round in rounds() {
            try await saveVersions(round, articleIDs: articleIDs, outcomes: &outcomes, on: connection, logger: logger)
        }
        try await updateArticles(articleIDs: articleIDs, outcomes: outcomes, on: connection, logger: logger)
        for (index, item) in items.enumerated() {
            guard let original = item.copyOf else { continue }
            try await PostgresStore.run(
                """
                WITH leader AS (SELECT COALESCE(story_id, id) AS id FROM articles WHERE project = \(original.project) AND govkz_id = \(original.govkzID)),
                own AS (UPDATE articles a SET story_id = leader.id FROM leader WHERE a.id = leader.id AND a.story_id IS NULL)
                UPDATE articles a SET story_id = leader.id FROM leader WHERE a.id = \(articleIDs[index])
                """, on: connection, logger: logger)
        }
        try await PostgresStore.reapplyCorrections(articleIDs: articleIDs, on: connection, logger: logger)
        return zip(outcomes, articleIDs).map { ($0, $1) }
    }

    /// The positions of the items in rounds: each version and each fetch record at most once a round.
    func rounds() -> [[Int]] {
        var rounds: [[Int]] = []
        var lastRound: [String: Int] = [:]
        for (index, item) in items.enumerated() {
            let version = "v|\(item.key.project)|\(item.key.govkzID)|\(item.version.language.rawValue)"
            let fetch = "f|\(item.key.project)|\(item.key.govkzID)|\(item.requested.rawValue)"
            let round = max(lastRound[version] ?? -1, lastRound[fetch] ?? -1) + 1
            lastRound[version] = round
            lastRound[fetch] = round
            if round == rounds.count { rounds.append([]) }
            rounds[round].append(index)
        }
        return rounds
    }

    // MARK: Articles and topics

    private struct ArticleRow: Encodable {
        var n: Int, project: String, govkz_id: String, published_local: String, has_time: Bool, heropic: String?
    }

    private struct TopicRow: Encodable {
        var project: String, govkz_id: String, section: String, secondary: String, section_score: Double, section_reason: String
        var region: String, region_place: String?, region_reason: String, section_margin: Double, region_margin: Double
    }

    /// Each article inserted if new (in batch order, so ids follow it), with the last topics the
    /// batch gives it; returns every article's id.
    private func saveArticles(on connection: PostgresConnection, logger: Logger) async throws -> [ArticleKey: Int64] {
        var articles: [ArticleKey: ArticleRow] = [:], order: [ArticleKey] = []
        var topics: [ArticleKey: TopicRow] = [:]
        for item in items {
            if articles[item.key] == nil {
                order.append(item.key)
                articles[item.key] = ArticleRow(
                    n: order.count, project: item.key.project, govkz_id: item.key.govkzID,
                    published_local: item.version.published?.local ?? GovKzDate.localNow(),
                    has_time: item.version.published?.hasTime ?? false, heropic: item.version.heropic)
            }
            if let given = item.topics {
                topics[item.key] = TopicRow(
                    project: item.key.project, govkz_id: item.key.govkzID, section: given.section.rawValue,
                    secondary: given.secondary.map(\.rawValue).joined(separator: ","), section_score: given.sectionScore,
                    section_reason: given.sectionReason, region: given.region, region_place: given.place,
                    region_reason: given.regionReason, section_margin: given.sectionMargin, region_margin: given.regionMargin)
            }
        }
        var ids: [ArticleKey: Int64] = [:]
        var missing = order
        // A key another transaction inserts after this statement began is neither inserted nor
        // seen: a second statement (a new snapshot) finds it.
        for _ in 0..<2 where !missing.isEmpty {
            let articleRows = try Self.json(missing.compactMap { articles[$0] })
            let topicRows = try Self.json(missing.compactMap { topics[$0] })
            let rows = try await connection.query(
                """
                WITH input AS (
                    SELECT * FROM jsonb_to_recordset(\(articleRows)::jsonb)
                    AS x(n BIGINT, project TEXT, govkz_id TEXT, published_local TEXT, has_time BOOLEAN, heropic TEXT)),
                inserted AS (
                    INSERT INTO articles (project, govkz_id, published_local, has_time, heropic, first_seen_at, updated_at)
                    SELECT project, govkz_id, published_local, has_time, heropic, \(now), \(now) FROM input ORDER BY n
                    ON CONFLICT (project, govkz_id) DO NOTHING RETURNING id, project, govkz_id),
                found AS (
                    SELECT id, project, govkz_id FROM inserted
                    UNION ALL SELECT a.id, a.project, a.govkz_id FROM articles a JOIN input i ON a.project = i.project AND a.govkz_id = i.govkz_id),
                topics AS (
                    INSERT INTO article_topics (article_id, section, secondary, section_score, section_reason, region, region_place, region_reason,
                        section_margin, region_margin)
                    SELECT f.id, t.section, t.secondary, t.section_score, t.section_reason, t.region, t.region_place, t.region_reason,
                        t.section_margin, t.region_margin
                    FROM jsonb_to_recordset(\(topicRows)::jsonb)
                    AS t(project TEXT, govkz_id TEXT, section TEXT, secondary TEXT, section_score DOUBLE PRECISION, section_reason TEXT,
                         region TEXT, region_place TEXT, region_reason TEXT, section_margin DOUBLE PRECISION, region_margin DOUBLE PRECISION)
                    JOIN found f ON f.project = t.project AND f.govkz_id = t.govkz_id
                    ON CONFLICT (article_id) DO UPDATE SET section = excluded.section, secondary = excluded.secondary,
                    section_score = excluded.section_score, section_reason = excluded.section_reason, region = excluded.region,
                    region_place = excluded.region_place, region_reason = excluded.region_reason,
                    section_margin = excluded.section_margin, region_margin = excluded.region_margin)
                SELECT id, project, govkz_id FROM found
                """, logger: logger
            ).collect()
            for row in rows {
                let (id, project, govkzID) = try row.decode((Int64, String, String).self)
                ids[ArticleKey(project: project, govkzID: govkzID)] = id
            }
            missing = missing.filter { ids[$0] == nil }
        }
        return ids
    }

    // MARK: Versions

    private struct FetchRow: Encodable {
        var project: String, govkz_id: String, requested_lang: String, content_hash: String, stored_lang: String
    }

    private struct VersionRow: Encodable {
        var article_id: Int64, lang: String, keep_history: Bool, title: String, original_title: String?, body_html: String
        var original_html: String?, slug: String?, source_url: String, heropic: String?, created_raw: String?
        var published_local: String, content_hash: String, raw_json: String?, flags: String, search: String
    }

    /// One round: what each request returned is recorded, the stored versions are read (locked),
    /// then new versions are inserted and changed ones updated in one statement, their old texts
    /// kept in history and their search documents written beside them. A machine translation that gov.kz now publishes itself is overwritten
    /// with no history: a translation is no original worth keeping.
    private func saveVersions(
        _ round: [Int], articleIDs: [Int64], outcomes: inout [SaveOutcome], on connection: PostgresConnection, logger: Logger
    ) async throws {
        let fetches = round.map { index in
            let item = items[index]
            return FetchRow(
                project: item.key.project, govkz_id: item.key.govkzID, requested_lang: item.requested.rawValue,
                content_hash: item.version.contentHash, stored_lang: item.version.language.rawValue)
        }
        let fetchRows = try Self.json(fetches)
        let stored = try await connection.query(
            """
            WITH recorded AS (
                INSERT INTO fetches (project, govkz_id, requested_lang, content_hash, stored_lang, fetched_at)
                SELECT * FROM ROWS FROM (
                    jsonb_to_recordset(\(fetchRows)::jsonb)
                    AS (project TEXT, govkz_id TEXT, requested_lang TEXT, content_hash TEXT, stored_lang TEXT),
                    unnest(\(round.map { items[$0].version.fetchedAt })::timestamptz[]))
                ON CONFLICT (project, requested_lang, govkz_id) DO UPDATE SET content_hash = excluded.content_hash,
                stored_lang = excluded.stored_lang, fetched_at = excluded.fetched_at)
            SELECT v.article_id, v.lang, v.content_hash, v.mt_engine IS NOT NULL AS machine
            FROM versions v JOIN unnest(\(round.map { articleIDs[$0] })::bigint[], \(round.map { items[$0].version.language.rawValue })::text[])
            AS k(article_id, lang) ON v.article_id = k.article_id AND v.lang = k.lang
            FOR UPDATE OF v
            """, logger: logger
        ).collect()
        var existing: [String: (hash: String, machine: Bool)] = [:]
        for row in stored {
            let (id, lang, hash, machine) = try row.decode((Int64, String, String, Bool).self)
            existing["\(id)|\(lang)"] = (hash, machine)
        }
        var updates: [VersionRow] = [], updateTimes: [Date] = [], inserts: [VersionRow] = [], insertTimes: [Date] = []
        for index in round {
            let item = items[index], version = item.version, articleID = articleIDs[index]
            let found = existing["\(articleID)|\(version.language.rawValue)"]
            if let found, !found.machine, found.hash == version.contentHash { continue }
            let row = VersionRow(
                article_id: articleID, lang: version.language.rawValue, keep_history: found.map { !$0.machine } ?? false,
                title: version.title, original_title: version.originalTitle, body_html: version.bodyHTML,
                original_html: version.originalHTML, slug: version.slug, source_url: version.sourceURL, heropic: version.heropic,
                created_raw: version.createdRaw, published_local: version.published?.local ?? GovKzDate.localNow(),
                content_hash: version.contentHash, raw_json: RawJSON.stripping(version.rawJSON, original: version.originalHTML),
                flags: QualityFlag.encode(version.flags), search: vectors[index])
            // A replaced machine translation is an update of its row, every column overwritten, but
            // counts as a new text, as when the translation is deleted and gov.kz's text inserted.
            if let found {
                updates.append(row)
                updateTimes.append(version.fetchedAt)
                outcomes[index] = found.machine ? .inserted : .updated
            } else {
                inserts.append(row)
                insertTimes.append(version.fetchedAt)
                outcomes[index] = .inserted
            }
        }
        guard !updates.isEmpty || !inserts.isEmpty else { return }
        let updateRows = try Self.json(updates), insertRows = try Self.json(inserts)
        let columns = """
            article_id BIGINT, lang TEXT, keep_history BOOLEAN, title TEXT, original_title TEXT, body_html TEXT, original_html TEXT,
            slug TEXT, source_url TEXT, heropic TEXT, created_raw TEXT, published_local TEXT, content_hash TEXT, raw_json TEXT,
            flags TEXT, search TEXT
            """
        let names = """
            article_id, lang, keep_history, title, original_title, body_html, original_html, slug, source_url, heropic, created_raw,
            published_local, content_hash, raw_json, flags, search, fetched_at
            """
        try await PostgresStore.run(
            """
            WITH changes AS (
                SELECT * FROM ROWS FROM (jsonb_to_recordset(\(updateRows)::jsonb) AS (\(unescaped: columns)),
                    unnest(\(updateTimes)::timestamptz[])) AS u(\(unescaped: names))),
            additions AS (
                SELECT * FROM ROWS FROM (jsonb_to_recordset(\(insertRows)::jsonb) AS (\(unescaped: columns)),
                    unnest(\(insertTimes)::timestamptz[])) AS n(\(unescaped: names))),
            history AS (
                INSERT INTO version_history (article_id, lang, title, original_html, content_hash, raw_json, fetched_at, replaced_at)
                SELECT v.article_id, v.lang, v.original_title, v.original_html, v.content_hash, v.raw_json, v.fetched_at, \(now)
                FROM versions v JOIN changes u ON v.article_id = u.article_id AND v.lang = u.lang WHERE u.keep_history),
            changed AS (
                UPDATE versions v SET title = u.title, original_title = u.original_title, body_html = u.body_html,
                original_html = u.original_html, slug = u.slug, source_url = u.source_url, heropic = u.heropic,
                created_raw = u.created_raw, published_local = u.published_local, fetched_at = u.fetched_at,
                content_hash = u.content_hash, raw_json = u.raw_json, flags = u.flags,
                mt_engine = NULL, mt_model = NULL, mt_at = NULL, mt_source_lang = NULL
                FROM changes u WHERE v.article_id = u.article_id AND v.lang = u.lang),
            added AS (
                INSERT INTO versions (article_id, lang, title, original_title, body_html, original_html, slug, source_url, heropic,
                    created_raw, published_local, fetched_at, content_hash, raw_json, flags)
                SELECT article_id, lang, title, original_title, body_html, original_html, slug, source_url, heropic, created_raw,
                    published_local, fetched_at, content_hash, raw_json, flags
                FROM additions
                -- A machine translation saved since the rows were read gives way to gov.kz's text.
                ON CONFLICT (article_id, lang) DO UPDATE SET title = excluded.title, original_title = excluded.original_title,
                    body_html = excluded.body_html, original_html = excluded.original_html, slug = excluded.slug,
                    source_url = excluded.source_url, heropic = excluded.heropic, created_raw = excluded.created_raw,
                    published_local = excluded.published_local, fetched_at = excluded.fetched_at,
                    content_hash = excluded.content_hash, raw_json = excluded.raw_json, flags = excluded.flags,
                    mt_engine = NULL, mt_model = NULL, mt_at = NULL, mt_source_lang = NULL
                    WHERE versions.mt_engine IS NOT NULL)
            INSERT INTO search_documents (article_id, lang, document)
            SELECT article_id, lang, search::tsvector FROM changes UNION ALL SELECT article_id, lang, search::tsvector FROM additions
            ON CONFLICT (article_id, lang) DO UPDATE SET document = excluded.document
            """, on: connection, logger: logger)
    }

    // MARK: What the versions change in their articles

    private struct TouchedRow: Encodable {
        var id: Int64, published_local: String?, has_time: Bool, heropic: String?
    }

    /// Each changed article: listed once any version has a headline; its date the last one the
    /// batch gives it, its picture the first; and the texts owed their story links.
    private func updateArticles(
        articleIDs: [Int64], outcomes: [SaveOutcome], on connection: PostgresConnection, logger: Logger
    ) async throws {
        var touched: [Int64: TouchedRow] = [:], order: [Int64] = []
        var owed: [(id: Int64, lang: String)] = []
        for (index, item) in items.enumerated() where outcomes[index] != .unchanged {
            let id = articleIDs[index], version = item.version
            if touched[id] == nil {
                order.append(id)
                touched[id] = TouchedRow(id: id, published_local: nil, has_time: false, heropic: nil)
            }
            if let published = version.published {
                touched[id]?.published_local = published.local
                touched[id]?.has_time = published.hasTime
            }
            if touched[id]?.heropic == nil { touched[id]?.heropic = version.heropic }
            if item.owesStoryLinks { owed.append((id, version.language.rawValue)) }
        }
        guard !order.isEmpty else { return }
        let touchedRows = try Self.json(order.compactMap { touched[$0] })
        try await PostgresStore.run(
            """
            WITH owed AS (
                INSERT INTO story_pending (article_id, lang)
                SELECT * FROM unnest(\(owed.map(\.id))::bigint[], \(owed.map(\.lang))::text[]) ON CONFLICT DO NOTHING)
            UPDATE articles a SET updated_at = \(now),
            listed = NOT EXISTS (SELECT 1 FROM hidden_articles h WHERE h.article_id = a.id)
                AND EXISTS (SELECT 1 FROM versions v WHERE v.article_id = a.id AND v.title <> ''),
            published_local = COALESCE(t.published_local, a.published_local),
            has_time = CASE WHEN t.published_local IS NULL THEN a.has_time ELSE t.has_time END,
            heropic = COALESCE(a.heropic, t.heropic)
            FROM jsonb_to_recordset(\(touchedRows)::jsonb)
            AS t(id BIGINT, published_local TEXT, has_time BOOLEAN, heropic TEXT)
            WHERE a.id = t.id
            """, on: connection, logger: logger)
    }

    static func json(_ rows: some Encodable) throws -> String {
        String(decoding: try JSONEncoder().encode(rows), as: UTF8.self)
    }
}
