import EnbekshiCore
import Foundation
import GRDB
import Metrics

/// The embedded store: one SQLite file in WAL mode, through GRDB.
///
/// Writes go through GRDB's single writer, so concurrent harvest tasks never interleave half a
/// save; readers (the web site) never wait for writers.
public final class SQLiteStore: NewsStore {
    let database: DatabasePool
    public let path: String
    /// Story detection's recent days, decoded (see `StoryWindowCache`).
    let storyWindows = StoryWindowCache()

    public init(path: String) throws {
        self.path = path
        var configuration = Configuration()
        configuration.foreignKeysEnabled = true
        configuration.busyMode = .timeout(10)
        configuration.prepareDatabase { db in
            // WAL is GRDB's default for a pool; NORMAL sync is safe with WAL and much faster.
            try db.execute(sql: "PRAGMA synchronous = NORMAL")
            Self.prepareSearch(db)
        }
        database = try DatabasePool(path: path, configuration: configuration)
    }

    /// Every write transaction goes through here, so `/metrics` shows how long writers wait for
    /// SQLite's one write lock and how long they hold it: the figure that says a node has outgrown
    /// the embedded engine.
    func write<T: Sendable>(_ updates: @escaping @Sendable (Database) throws -> T) async throws -> T {
        let asked = ContinuousClock.now
        let (result, began) = try await database.write { db in
            let began = ContinuousClock.now
            return (try updates(db), began)
        }
        Metrics.Timer(label: "sqlite_write_wait_seconds").recordNanoseconds(Self.nanoseconds(began - asked))
        Metrics.Timer(label: "sqlite_write_transaction_seconds").recordNanoseconds(Self.nanoseconds(ContinuousClock.now - began))
        return result
    }

    private static func nanoseconds(_ duration: Duration) -> Int64 {
        duration.components.seconds * 1_000_000_000 + duration.components.attoseconds / 1_000_000_000
    }

    /// Runs on the database's writer queue, not on a cooperative thread: migrating a new file
    /// takes long enough to stall the process's other tasks.
    public func migrate() async throws {
        let database = self.database
        try await withCheckedThrowingContinuation { (continuation: CheckedContinuation<Void, any Error>) in
            Self.migrator.asyncMigrate(database) { result in continuation.resume(with: result.map { _ in }) }
        }
    }

    /// Values bound in one `IN (…)` list: well within SQLite's limit on a statement's parameters.
    static let parametersPerStatement = 500

    /// Every migration, in order.
    public static var migrations: [String] { migrator.migrations }
    public var migrationSteps: [String] { Self.migrations }
    public var location: String { path }

    public func pendingMigrations() async throws -> [String] {
        try await database.read { db in
            let applied = try Self.migrator.appliedIdentifiers(db)
            return Self.migrator.migrations.filter { !applied.contains($0) }
        }
    }

    // MARK: Sources

    @discardableResult public func seed(sources: [Source]) async throws -> Int {
        let now = StoreDate.string(Date())
        return try await write { db in
            let before = try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM sources") ?? 0
            for source in sources {
                // Catalog-derived fields follow the bundled catalog; `enabled` is the operator's. A row
                // that already says the same is left alone: every command opens the store this way, and
                // an update would bump the content generation and empty a running server's page cache.
                try db.execute(
                    sql: """
                        INSERT INTO sources (slug, kind, region, name_kk, name_ru, name_en, enabled, added_at)
                        VALUES (?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT (slug) DO UPDATE SET kind = excluded.kind,
                        region = excluded.region, name_kk = excluded.name_kk, name_ru = excluded.name_ru,
                        name_en = excluded.name_en
                        WHERE kind IS NOT excluded.kind OR region IS NOT excluded.region OR name_kk IS NOT excluded.name_kk
                        OR name_ru IS NOT excluded.name_ru OR name_en IS NOT excluded.name_en
                        """,
                    arguments: [
                        source.slug, source.kind.rawValue, source.region, source.names[.kk], source.names[.ru],
                        source.names[.en], source.enabled ? 1 : 0, now,
                    ])
            }
            let after = try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM sources") ?? 0
            return after - before
        }
    }

    public func sources(enabledOnly: Bool) async throws -> [Source] {
        try await database.read { db in
            try Row.fetchAll(
                db, sql: "SELECT * FROM corrected_sources \(enabledOnly ? "WHERE enabled = 1" : "") ORDER BY slug"
            ).map(Self.source)
        }
    }

    public func source(slug: String) async throws -> Source? {
        try await database.read { db in
            try Row.fetchOne(db, sql: "SELECT * FROM corrected_sources WHERE slug = ?", arguments: [slug]).map(Self.source)
        }
    }

    public func sources(slugs: [String]) async throws -> [String: Source] {
        let unique = Array(Set(slugs))
        guard !unique.isEmpty else { return [:] }
        return try await database.read { db in
            var result: [String: Source] = [:]
            for chunk in unique.chunks(of: Self.parametersPerStatement) {
                for row in try Row.fetchAll(
                    db, sql: "SELECT * FROM corrected_sources WHERE slug IN (\(databaseQuestionMarks(count: chunk.count)))",
                    arguments: StatementArguments(chunk))
                {
                    let source = Self.source(row)
                    result[source.slug] = source
                }
            }
            return result
        }
    }

    public func setEnabled(_ enabled: Bool, slug: String) async throws -> Bool {
        try await write { db in
            try db.execute(
                sql: "UPDATE sources SET enabled = ? WHERE slug = ?", arguments: [enabled ? 1 : 0, slug])
            return db.changesCount > 0
        }
    }

    static func source(_ row: Row) -> Source {
        var names: [Language: String] = [:]
        for language in Language.allCases {
            if let name: String = row["name_\(language.rawValue)"] { names[language] = name }
        }
        return Source(
            slug: row["slug"], kind: SourceKind(rawValue: row["kind"] ?? "") ?? .other, region: row["region"],
            names: names, enabled: (row["enabled"] as Int? ?? 0) != 0, parent: row["parent"])
    }

    // MARK: Articles

    public func save(_ version: ArticleVersion, for key: ArticleKey, requested: Language, topics: ArticleTopics?) async throws
        -> SaveOutcome
    {
        let now = StoreDate.string(Date())
        let packed = PackedTexts(version)
        return try await write { db in
            try Self.save(version, packed: packed, topics: topics, for: key, requested: requested, now: now, db: db).outcome
        }
    }

    /// One save inside a write transaction; returns the outcome and the article's id. `topics` are
    /// stored once the article row exists and before the version is written, so the search row is
    /// made once, with its filter tokens.
    static func save(
        _ version: ArticleVersion, packed: PackedTexts, topics: ArticleTopics?, for key: ArticleKey, requested: Language,
        now: String, db: Database
    ) throws -> (outcome: SaveOutcome, articleID: Int64) {
        let fetched = StoreDate.string(version.fetchedAt)
        // Articles without a date sort by when we first saw them, as gov.kz wall time.
        let published = version.published?.local ?? GovKzDate.localNow()
        try db.cachedStatement(
            sql: """
                INSERT INTO articles (project, govkz_id, published_local, has_time, heropic, first_seen_at, updated_at)
                VALUES (?, ?, ?, ?, ?, ?, ?) ON CONFLICT (project, govkz_id) DO NOTHING
                """).execute(
            arguments: [
                key.project, key.govkzID, published, (version.published?.hasTime ?? false) ? 1 : 0,
                version.heropic, now, now,
            ])
        guard
            let articleID = try Int64.fetchOne(
                db.cachedStatement(sql: "SELECT id FROM articles WHERE project = ? AND govkz_id = ?"),
                arguments: [key.project, key.govkzID])
        else { throw StoreError.inconsistent("article \(key) vanished inside its own transaction") }
        if let topics { try saveTopics(topics, articleID: articleID, db: db) }

        try db.cachedStatement(
            sql: """
                INSERT INTO fetches (project, govkz_id, requested_lang, content_hash, stored_lang, fetched_at)
                VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT (project, govkz_id, requested_lang) DO UPDATE SET
                content_hash = excluded.content_hash, stored_lang = excluded.stored_lang, fetched_at = excluded.fetched_at
                """).execute(
            arguments: [key.project, key.govkzID, requested.rawValue, version.contentHash, version.language.rawValue, fetched])
        var existing = try Row.fetchOne(
            db.cachedStatement(sql: "SELECT * FROM versions WHERE article_id = ? AND lang = ?"),
            arguments: [articleID, version.language.rawValue])
        if let machine = existing, (machine["mt_engine"] as String?) != nil {
            // gov.kz published this language after we translated it: its own text replaces ours,
            // and a translation is no original worth keeping in history.
            try db.cachedStatement(
                sql: "DELETE FROM versions WHERE article_id = ? AND lang = ?").execute( arguments: [articleID, version.language.rawValue])
            existing = nil
        }
        let outcome: SaveOutcome
        if let existing {
            if (existing["content_hash"] as String?) == version.contentHash {
                // Only the topics may have been written: the corrections go back over them.
                if topics != nil { try reapplyCorrections(articleID: articleID, db: db) }
                return (.unchanged, articleID)
            }
            try db.cachedStatement(
                sql: """
                    INSERT INTO version_history (article_id, lang, title, original_html, content_hash, raw_json, fetched_at, replaced_at)
                    VALUES (?, ?, ?, ?, ?, ?, ?, ?)
                    """).execute(
                arguments: [
                    articleID, version.language.rawValue, existing["original_title"] as String?,
                    existing["original_html"] as DatabaseValue, existing["content_hash"] as String?,
                    existing["raw_json"] as DatabaseValue, existing["fetched_at"] as String?, now,
                ])
            try db.cachedStatement(
                sql: """
                    UPDATE versions SET title = ?, original_title = ?, body_html = ?, original_html = ?, slug = ?,
                    source_url = ?, heropic = ?, created_raw = ?, published_local = ?, fetched_at = ?,
                    content_hash = ?, raw_json = ?, flags = ? WHERE article_id = ? AND lang = ?
                    """).execute(
                arguments: Self.versionValues(version, packed: packed, fetched: fetched, published: published)
                    + [articleID, version.language.rawValue])
            outcome = .updated
        } else {
            try db.cachedStatement(
                sql: """
                    INSERT INTO versions (title, original_title, body_html, original_html, slug, source_url, heropic,
                    created_raw, published_local, fetched_at, content_hash, raw_json, flags, article_id, lang)
                    VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                    """).execute(
                arguments: Self.versionValues(version, packed: packed, fetched: fetched, published: published)
                    + [articleID, version.language.rawValue])
            outcome = .inserted
        }
        // An article is listed once any version has a headline; the date follows the source.
        try db.cachedStatement(
            sql: """
                UPDATE articles SET updated_at = ?,
                listed = CASE WHEN EXISTS (SELECT 1 FROM hidden_articles WHERE article_id = articles.id) THEN 0
                    WHEN EXISTS (SELECT 1 FROM versions WHERE article_id = ? AND title <> '') THEN 1 ELSE 0 END,
                published_local = COALESCE(?, published_local),
                has_time = CASE WHEN ? IS NULL THEN has_time ELSE ? END,
                heropic = COALESCE(heropic, ?)
                WHERE id = ?
                """).execute(
            arguments: [
                now, articleID, version.published?.local, version.published?.local,
                (version.published?.hasTime ?? false) ? 1 : 0, version.heropic, articleID,
            ])
        try reapplyCorrections(articleID: articleID, db: db)
        return (outcome, articleID)
    }

    static func versionValues(_ version: ArticleVersion, packed: PackedTexts, fetched: String, published: String)
        -> StatementArguments
    {
        [
            version.title, version.originalTitle, packed.body, packed.html, version.slug,
            version.sourceURL, version.heropic, version.createdRaw, version.published?.local ?? published, fetched,
            version.contentHash, packed.json, QualityFlag.encode(version.flags),
        ]
    }

    public func storedHashes(of keys: [FetchKey]) async throws -> [FetchKey: String] {
        guard !keys.isEmpty else { return [:] }
        // One statement per project and language, in chunks within SQLite's limit on parameters.
        let groups = Dictionary(grouping: keys) { FetchKey(project: $0.project, language: $0.language, govkzID: "") }
        return try await database.read { db in
            var result: [FetchKey: String] = [:]
            for (group, members) in groups {
                let ids = Array(Set(members.map(\.govkzID)))
                for chunk in ids.chunks(of: Self.parametersPerStatement) {
                    let rows = try Row.fetchCursor(
                        db,
                        sql: """
                            SELECT govkz_id, content_hash FROM fetches
                            WHERE project = ? AND requested_lang = ? AND govkz_id IN (\(databaseQuestionMarks(count: chunk.count)))
                            """,
                        arguments: StatementArguments([group.project, group.language.rawValue] + chunk))
                    while let row = try rows.next() {
                        var key = group
                        key.govkzID = row["govkz_id"]
                        result[key] = row["content_hash"]
                    }
                }
            }
            return result
        }
    }

    /// A story appears once in listings, under its first article; a source's own page lists its copy.
    static let onePerStory = "AND (a.story_id IS NULL OR a.story_id = a.id)"

    /// The WHERE clause and arguments of a listing.
    /// `topicsFirst` makes SQLite read a region's articles from the topics index (CROSS JOIN fixes the
    /// join order) rather than walk all articles by date.
    static func listing(_ filter: ListingFilter?, topicsFirst: Bool = false) -> (sql: String, arguments: StatementArguments) {
        switch filter {
        case nil: ("SELECT a.id, a.project, a.govkz_id, a.published_local, a.has_time, a.story_id FROM articles a WHERE a.listed = 1 \(Self.onePerStory)", [])
        case .source(let slug):
            ("SELECT a.id, a.project, a.govkz_id, a.published_local, a.has_time, a.story_id FROM articles a WHERE a.listed = 1 AND a.project = ?", [slug])
        case .section(let section):
            ("""
             SELECT a.id, a.project, a.govkz_id, a.published_local, a.has_time, a.story_id FROM articles a
             JOIN article_topics t ON t.article_id = a.id WHERE a.listed = 1 AND t.section = ? \(Self.onePerStory)
             """, [section.rawValue])
        case .region(let region):
            ("""
             SELECT a.id, a.project, a.govkz_id, a.published_local, a.has_time, a.story_id FROM \(topicsFirst
                ? "article_topics t CROSS JOIN articles a" : "articles a JOIN article_topics t")
             ON t.article_id = a.id WHERE a.listed = 1 AND t.region = ? \(Self.onePerStory)
             """, [region])
        case .day(let day):
            ("""
             SELECT a.id, a.project, a.govkz_id, a.published_local, a.has_time, a.story_id FROM articles a
             WHERE a.listed = 1 AND a.published_local >= ? AND a.published_local < ? \(Self.onePerStory)
             """, [day.description, day.adding(days: 1).description])
        case .inLanguage(let language), .notInLanguage(let language):
            // Newest first, SQLite walks the date index and looks each article's version up by its key.
            ("""
             SELECT a.id, a.project, a.govkz_id, a.published_local, a.has_time, a.story_id FROM articles a
             WHERE a.listed = 1 \(Self.onePerStory) AND \(filter == .inLanguage(language) ? "" : "NOT ")EXISTS
             (SELECT 1 FROM versions v WHERE v.article_id = a.id AND v.lang = ? AND v.title <> '')
             """, [language.rawValue])
        }
    }

    public func topStories(fromDay: Day, minimumPublishers: Int, limit: Int) async throws -> [Article] {
        // The last days' articles come from the listing index (`listed IN (0, 1)` lets it seek by date;
        // `+story_id` keeps the planner off the story index, which walked every story: 43 ms at 1M).
        try await database.read { db in
            let rows = try Row.fetchAll(
                db,
                sql: """
                    SELECT a.id, a.project, a.govkz_id, a.published_local, a.has_time, a.story_id FROM articles a
                    JOIN (SELECT story_id, COUNT(DISTINCT project) AS publishers FROM articles
                          WHERE +story_id IS NOT NULL AND listed IN (0, 1) AND published_local >= ? GROUP BY story_id) s
                          ON s.story_id = a.id
                    WHERE a.listed = 1 AND s.publishers >= ?
                    ORDER BY s.publishers DESC, a.published_local DESC, a.id DESC LIMIT ?
                    """,
                arguments: [fromDay.description, minimumPublishers, max(0, limit)])
            return try Self.articles(rows, db: db, columns: Self.summaryColumns)
        }
    }

    public func newestDay() async throws -> Day? {
        try await database.read { db in
            try String.fetchOne(db, sql: "SELECT substr(MAX(published_local), 1, 10) FROM articles WHERE listed = 1").flatMap(Day.init)
        }
    }

    public func daysWithNews(around day: Day) async throws -> (before: Day?, after: Day?) {
        try await database.read { db in
            let before = try String.fetchOne(
                db, sql: "SELECT substr(MAX(published_local), 1, 10) FROM articles WHERE listed = 1 AND published_local < ?",
                arguments: [day.description])
            let after = try String.fetchOne(
                db, sql: "SELECT substr(MIN(published_local), 1, 10) FROM articles WHERE listed = 1 AND published_local >= ?",
                arguments: [day.adding(days: 1).description])
            return (before.flatMap(Day.init), after.flatMap(Day.init))
        }
    }

    public func latestArticles(limit: Int, offset: Int, filter: ListingFilter?) async throws -> [Article] {
        try await database.read { db in
            var (sql, arguments) = Self.listing(filter)
            // Newest first, SQLite walks the date index and checks each article's region: quick for a
            // busy region, a walk through every article for a quiet one (0.65 s at a million for a
            // region with no news). A region of fewer than 5,000 articles is read from its own index
            // and sorted instead.
            if case .region(let region) = filter,
                try Int.fetchOne(
                    db.cachedStatement(sql: "SELECT count(*) FROM (SELECT 1 FROM article_topics WHERE region = ? LIMIT 5000)"),
                    arguments: [region]) ?? 0 < 5000
            {
                (sql, arguments) = Self.listing(filter, topicsFirst: true)
            }
            let rows = try Row.fetchAll(
                db, sql: sql + " ORDER BY a.published_local DESC, a.id DESC LIMIT ? OFFSET ?",
                arguments: arguments + [max(0, limit), max(0, offset)])
            return try Self.articles(rows, db: db, columns: Self.summaryColumns)
        }
    }

    public func publishedArticleCount(filter: ListingFilter?, limit: Int?) async throws -> Int {
        let (sql, arguments) = Self.listing(filter)
        let bounded = limit.map { "\(sql) LIMIT \($0)" } ?? sql
        return try await database.read { db in
            try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM (\(bounded))", arguments: arguments) ?? 0
        }
    }

    public func saveTopics(_ topics: ArticleTopics, articleID: Int64) async throws {
        try await write { db in
            try Self.saveTopics(topics, articleID: articleID, db: db)
            try Self.reapplyCorrections(articleID: articleID, db: db)
        }
    }

    /// Stores an article's classification; the search rows follow by trigger when section or region change.
    /// The caller puts the newsroom's corrections back once its writes are done (`reapplyCorrections`).
    static func saveTopics(_ topics: ArticleTopics, articleID: Int64, db: Database) throws {
        try db.cachedStatement(
            sql: """
                INSERT INTO article_topics (article_id, section, secondary, section_score, section_reason, region,
                region_place, region_reason, section_margin, region_margin) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                ON CONFLICT (article_id) DO UPDATE SET section = excluded.section, secondary = excluded.secondary,
                section_score = excluded.section_score, section_reason = excluded.section_reason,
                region = excluded.region, region_place = excluded.region_place, region_reason = excluded.region_reason,
                section_margin = excluded.section_margin, region_margin = excluded.region_margin
                """
        ).execute(
            arguments: [
                articleID, topics.section.rawValue, topics.secondary.map(\.rawValue).joined(separator: ","),
                topics.sectionScore, topics.sectionReason, topics.region, topics.place, topics.regionReason,
                topics.sectionMargin, topics.regionMargin,
            ])
    }

    public func article(id: Int64) async throws -> Article? {
        try await database.read { db in
            let rows = try Row.fetchAll(
                db, sql: "SELECT id, project, govkz_id, published_local, has_time, story_id FROM articles WHERE id = ?",
                arguments: [id])
            return try Self.articles(rows, db: db).first
        }
    }

    public func articles(ids: [Int64]) async throws -> [Int64: Article] {
        let unique = Array(Set(ids))
        guard !unique.isEmpty else { return [:] }
        return try await database.read { db in
            var found: [Int64: Article] = [:]
            for chunk in unique.chunks(of: Self.parametersPerStatement) {
                let rows = try Row.fetchAll(
                    db,
                    sql: """
                        SELECT id, project, govkz_id, published_local, has_time, story_id FROM articles
                        WHERE id IN (\(databaseQuestionMarks(count: chunk.count)))
                        """,
                    arguments: StatementArguments(chunk))
                for article in try Self.articles(rows, db: db) { found[article.id] = article }
            }
            return found
        }
    }

    public func article(key: ArticleKey) async throws -> Article? {
        try await database.read { db in
            let rows = try Row.fetchAll(
                db,
                sql: "SELECT id, project, govkz_id, published_local, has_time, story_id FROM articles WHERE project = ? AND govkz_id = ?",
                arguments: [key.project, key.govkzID])
            return try Self.articles(rows, db: db).first
        }
    }

    public func articleID(for key: ArticleKey) async throws -> Int64? {
        try await database.read { db in
            try Int64.fetchOne(
                db, sql: "SELECT id FROM articles WHERE project = ? AND govkz_id = ?", arguments: [key.project, key.govkzID])
        }
    }

    /// Listings need a lead, not the originals (a page of 20 used to read megabytes of original HTML
    /// and raw JSON); the deflated body is small enough to read whole.
    static let summaryColumns = """
        article_id, lang, title, original_title, body_html,
        NULL AS original_html, slug, source_url, heropic, created_raw, published_local, fetched_at, content_hash,
        NULL AS raw_json, flags, mt_engine, mt_model, mt_at, mt_source_lang
        """

    /// Loads the versions of a page of articles in one query and keeps the page's order.
    static func articles(_ rows: [Row], db: Database, columns: String = "*") throws -> [Article] {
        guard !rows.isEmpty else { return [] }
        let ids: [Int64] = rows.map { $0["id"] }
        let versionRows = try Row.fetchAll(
            db,
            sql: "SELECT \(columns) FROM versions WHERE article_id IN (\(databaseQuestionMarks(count: ids.count)))",
            arguments: StatementArguments(ids))
        var versions: [Int64: [Language: ArticleVersion]] = [:]
        for row in versionRows {
            guard let version = version(row) else { continue }
            versions[row["article_id"], default: [:]][version.language] = version
        }
        var topics: [Int64: ArticleTopics] = [:]
        for row in try Row.fetchAll(
            db, sql: "SELECT * FROM article_topics WHERE article_id IN (\(databaseQuestionMarks(count: ids.count)))",
            arguments: StatementArguments(ids))
        {
            guard let section = Section(rawValue: row["section"] ?? "") else { continue }
            topics[row["article_id"]] = ArticleTopics(
                section: section,
                secondary: (row["secondary"] as String? ?? "").split(separator: ",").compactMap { Section(rawValue: String($0)) },
                sectionScore: row["section_score"] ?? 0, sectionReason: row["section_reason"] ?? "",
                region: row["region"] ?? "republic", place: row["region_place"], regionReason: row["region_reason"] ?? "",
                sectionMargin: row["section_margin"] ?? 1, regionMargin: row["region_margin"] ?? 1)
        }
        return rows.map { row in
            let id: Int64 = row["id"]
            let local: String? = row["published_local"]
            let published = local.flatMap { GovKzDate($0, hasTime: (row["has_time"] as Int? ?? 0) != 0) }
            return Article(
                id: id, key: ArticleKey(project: row["project"], govkzID: row["govkz_id"]), published: published,
                versions: versions[id] ?? [:], topics: topics[id], storyID: row["story_id"])
        }
    }

    static func version(_ row: Row) -> ArticleVersion? {
        guard let language = Language(rawValue: row["lang"] ?? "") else { return nil }
        let published = (row["published_local"] as String?).flatMap(GovKzDate.init)
        let originalHTML = PackedText.unpack(row["original_html"])
        return ArticleVersion(
            language: language, title: row["title"], originalTitle: row["original_title"],
            bodyHTML: PackedText.unpack(row["body_html"]) ?? "", originalHTML: originalHTML, slug: row["slug"],
            sourceURL: row["source_url"], heropic: row["heropic"], createdRaw: row["created_raw"],
            published: published, fetchedAt: StoreDate.date(row["fetched_at"]) ?? Date(timeIntervalSince1970: 0),
            contentHash: row["content_hash"], rawJSON: RawJSON.restoring(PackedText.unpack(row["raw_json"]), original: originalHTML), flags: QualityFlag.decode(row["flags"]),
            machineTranslation: (row["mt_engine"] as String?).map { engine in
                MachineTranslation(
                    engine: engine, model: row["mt_model"], translatedAt: StoreDate.date(row["mt_at"]) ?? Date(timeIntervalSince1970: 0),
                    sourceLanguage: Language(rawValue: row["mt_source_lang"] ?? "") ?? .ru)
            })
    }

    // MARK: Maintenance

    static func storedVersions(_ rows: [Row]) -> [StoredVersion] {
        rows.compactMap { row in
            version(row).map {
                StoredVersion(
                    articleID: row["article_id"], key: ArticleKey(project: row["project"], govkzID: row["govkz_id"]),
                    version: $0)
            }
        }
    }

    public func versions(after: VersionCursor?, limit: Int) async throws -> [StoredVersion] {
        try await database.read { db in
            let rows = try Row.fetchAll(
                db,
                sql: """
                    SELECT v.*, a.project, a.govkz_id FROM versions v JOIN articles a ON a.id = v.article_id
                    WHERE v.article_id > ? OR (v.article_id = ? AND v.lang > ?)
                    ORDER BY v.article_id, v.lang LIMIT ?
                    """,
                arguments: [after?.articleID ?? 0, after?.articleID ?? 0, after?.language.rawValue ?? "", max(0, limit)])
            return Self.storedVersions(rows)
        }
    }

    public func updateCleaned(articleID: Int64, language: Language, title: String, bodyHTML: String, flags: [QualityFlag])
        async throws
    {
        try await write { db in
            try db.execute(
                sql: "UPDATE versions SET title = ?, body_html = ?, flags = ? WHERE article_id = ? AND lang = ?",
                arguments: [title, PackedText.pack(bodyHTML), QualityFlag.encode(flags), articleID, language.rawValue])
            try db.execute(
                sql: """
                    UPDATE articles SET
                    listed = CASE WHEN EXISTS (SELECT 1 FROM hidden_articles WHERE article_id = articles.id) THEN 0
                        WHEN EXISTS (SELECT 1 FROM versions WHERE article_id = ? AND title <> '') THEN 1 ELSE 0 END
                    WHERE id = ?
                    """,
                arguments: [articleID, articleID])
            try Self.reapplyCorrections(articleID: articleID, db: db)
        }
    }

    public func flaggedVersions(limit: Int) async throws -> [StoredVersion] {
        try await database.read { db in
            let rows = try Row.fetchAll(
                db,
                sql: """
                    SELECT v.*, a.project, a.govkz_id FROM versions v JOIN articles a ON a.id = v.article_id
                    WHERE v.flags <> '' AND NOT EXISTS (SELECT 1 FROM reviewed_versions r
                        WHERE r.article_id = v.article_id AND r.lang = v.lang AND r.content_hash = v.content_hash)
                    ORDER BY a.published_local DESC, a.id DESC, v.lang LIMIT ?
                    """,
                arguments: [max(0, limit)])
            return Self.storedVersions(rows)
        }
    }

    public func history(articleID: Int64, language: Language) async throws -> [VersionHistoryEntry] {
        try await database.read { db in
            try Row.fetchAll(
                db,
                sql: "SELECT * FROM version_history WHERE article_id = ? AND lang = ? ORDER BY id DESC",
                arguments: [articleID, language.rawValue]
            ).map { row in
                VersionHistoryEntry(
                    title: row["title"], originalHTML: PackedText.unpack(row["original_html"]), contentHash: row["content_hash"] ?? "",
                    fetchedAt: StoreDate.date(row["fetched_at"]) ?? Date(timeIntervalSince1970: 0),
                    replacedAt: StoreDate.date(row["replaced_at"]) ?? Date(timeIntervalSince1970: 0))
            }
        }
    }

    public func topicChanges(articleID: Int64) async throws -> [TopicChange] {
        try await database.read { db in
            try Row.fetchAll(db, sql: "SELECT * FROM topic_changes WHERE article_id = ? ORDER BY id DESC", arguments: [articleID]).map { row in
                TopicChange(
                    field: row["field"], before: row["before"], after: row["after"],
                    at: StoreDate.date(row["changed_at"]) ?? Date(timeIntervalSince1970: 0))
            }
        }
    }

    // MARK: Harvest state

    public func harvestState(source: String, language: Language) async throws -> HarvestState? {
        try await database.read { db in
            try Row.fetchOne(
                db, sql: "SELECT * FROM harvest_state WHERE source = ? AND lang = ?",
                arguments: [source, language.rawValue]
            ).flatMap(Self.harvestState)
        }
    }

    public func harvestStates() async throws -> [HarvestState] {
        try await database.read { db in
            try Row.fetchAll(db, sql: "SELECT * FROM harvest_state").compactMap(Self.harvestState)
        }
    }

    static func harvestState(_ row: Row) -> HarvestState? {
        guard let language = (row["lang"] as String?).flatMap(Language.init) else { return nil }
        return HarvestState(
            source: row["source"], language: language, lastAttemptAt: StoreDate.date(row["last_attempt_at"]),
            lastSuccessAt: StoreDate.date(row["last_success_at"]), lastErrorAt: StoreDate.date(row["last_error_at"]),
            lastError: row["last_error"], newestSeen: row["newest_seen"], itemsStored: row["items_stored"] ?? 0,
            consecutiveFailures: row["failures"] ?? 0)
    }

    public func feedActivity(since: Date) async throws -> [FeedActivity] {
        let day = GovKzDate.localNow(since)
        return try await database.read { db in
            try Row.fetchAll(
                db,
                sql: """
                    SELECT a.project, v.lang, count(*) AS items FROM articles a JOIN versions v ON v.article_id = a.id
                    WHERE a.listed IN (0, 1) AND a.published_local >= ? AND v.mt_engine IS NULL GROUP BY a.project, v.lang
                    """,
                arguments: [day]
            ).compactMap { row in
                (row["lang"] as String?).flatMap(Language.init).map { FeedActivity(source: row["project"], language: $0, items: row["items"]) }
            }
        }
    }

    public func record(_ state: HarvestState, fence: Lease?) async throws {
        try await write { db in
            try Self.checkFence(fence, db: db)
            try db.execute(
                sql: """
                    INSERT INTO harvest_state (source, lang, last_attempt_at, last_success_at, last_error_at, last_error,
                    newest_seen, items_stored, failures) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)
                    ON CONFLICT (source, lang) DO UPDATE SET last_attempt_at = excluded.last_attempt_at,
                    last_success_at = excluded.last_success_at, last_error_at = excluded.last_error_at,
                    last_error = excluded.last_error, newest_seen = excluded.newest_seen,
                    items_stored = excluded.items_stored, failures = excluded.failures
                    """,
                arguments: [
                    state.source, state.language.rawValue, state.lastAttemptAt.map(StoreDate.string),
                    state.lastSuccessAt.map(StoreDate.string), state.lastErrorAt.map(StoreDate.string), state.lastError,
                    state.newestSeen, state.itemsStored, state.consecutiveFailures,
                ])
        }
    }

    public func statistics() async throws -> StoreStatistics {
        try await database.read { db in
            let row = try Row.fetchOne(
                db,
                sql: """
                    SELECT (SELECT COUNT(*) FROM sources) AS sources,
                    (SELECT COUNT(*) FROM sources WHERE enabled = 1) AS enabled_sources,
                    (SELECT COUNT(*) FROM articles) AS articles,
                    (SELECT COUNT(*) FROM articles WHERE listed = 1) AS published,
                    (SELECT COUNT(*) FROM versions) AS versions
                    """)
            return StoreStatistics(
                sources: row?["sources"] ?? 0, enabledSources: row?["enabled_sources"] ?? 0,
                articles: row?["articles"] ?? 0, publishedArticles: row?["published"] ?? 0,
                versions: row?["versions"] ?? 0)
        }
    }
}


