import EnbekshiCore
import Foundation
import Logging
import PostgresNIO

extension PostgresStore {
    public func save(_ version: ArticleVersion, for key: ArticleKey, requested: Language, topics: ArticleTopics?) async throws
        -> SaveOutcome
    {
        var item = BulkArticle(key: key, version: version, requested: requested, topics: topics)
        item.owesStoryLinks = false
        return try await saveBatch([item]).first?.outcome ?? .unchanged
    }

    /// The search documents, stemmed on every core before the transaction, so it holds its locks
    /// only for the writes.
    public func prepareSave(_ batch: [BulkArticle]) async -> PreparedSave {
        PreparedSave(items: batch, payload: .searchDocuments(await Self.searchVectors(batch)))
    }

    static func searchVectors(_ batch: [BulkArticle]) async -> [String] {
        await batch.map(\.version).concurrentMap { searchVector($0) }
    }

    @discardableResult
    public func saveBatch(_ prepared: PreparedSave, fence: Lease?) async throws -> [(outcome: SaveOutcome, articleID: Int64)] {
        let batch = prepared.items
        guard !batch.isEmpty else { return [] }
        let vectors: [String]
        if case .searchDocuments(let made) = prepared.payload, made.count == batch.count {
            vectors = made
        } else {
            vectors = await Self.searchVectors(batch)
        }
        let save = PostgresBatchSave(items: batch, vectors: vectors, now: Date())
        let logger = self.logger
        return try await transaction { connection in
            try await Self.checkFence(fence, on: connection, logger: logger)
            return try await save.write(on: connection, logger: logger)
        }
    }

    /// The search document of a version: gov.kz's or a translation, every language alike.
    static func searchVector(_ version: ArticleVersion) -> String {
        PostgresSearchDocument.vector(title: version.title, bodyHTML: version.bodyHTML, language: version.language)
    }

    static func run(_ query: PostgresQuery, on connection: PostgresConnection, logger: Logger) async throws {
        _ = try await connection.query(query, logger: logger).collect()
    }

    public func storedHashes(of keys: [FetchKey]) async throws -> [FetchKey: String] {
        guard !keys.isEmpty else { return [:] }
        // One statement per project and language, each with an array of ids.
        let groups = Dictionary(grouping: keys) { FetchKey(project: $0.project, language: $0.language, govkzID: "") }
        var result: [FetchKey: String] = [:]
        for (group, members) in groups {
            let ids = Array(Set(members.map(\.govkzID)))
            for row in try await rows(
                """
                SELECT govkz_id, content_hash FROM fetches
                WHERE project = \(group.project) AND requested_lang = \(group.language.rawValue) AND govkz_id = ANY(\(ids))
                """)
            {
                var key = group
                key.govkzID = try row["govkz_id"].decode(String.self)
                result[key] = try row["content_hash"].decode(String.self)
            }
        }
        return result
    }

    public func saveTopics(_ topics: ArticleTopics, articleID: Int64) async throws {
        let logger = logger
        try await transaction { connection in
            try await Self.run(
            """
            INSERT INTO article_topics (article_id, section, secondary, section_score, section_reason, region, region_place, region_reason,
            section_margin, region_margin)
            VALUES (\(articleID), \(topics.section.rawValue), \(topics.secondary.map(\.rawValue).joined(separator: ",")),
            \(topics.sectionScore), \(topics.sectionReason), \(topics.region), \(topics.place), \(topics.regionReason),
            \(topics.sectionMargin), \(topics.regionMargin))
            ON CONFLICT (article_id) DO UPDATE SET section = excluded.section, secondary = excluded.secondary,
            section_score = excluded.section_score, section_reason = excluded.section_reason, region = excluded.region,
            region_place = excluded.region_place, region_reason = excluded.region_reason,
            section_margin = excluded.section_margin, region_margin = excluded.region_margin
            """, on: connection, logger: logger)
            try await Self.reapplyCorrections(articleIDs: [articleID], on: connection, logger: logger)
        }
    }

    // MARK: Reads

    static let articleColumns = "a.id, a.project, a.govkz_id, a.published_local, a.has_time, a.story_id"

    public func article(id: Int64) async throws -> Article? {
        try await articles(rows("SELECT \(unescaped: Self.articleColumns) FROM articles a WHERE a.id = \(id)")).first
    }

    public func article(key: ArticleKey) async throws -> Article? {
        try await articles(
            rows("SELECT \(unescaped: Self.articleColumns) FROM articles a WHERE a.project = \(key.project) AND a.govkz_id = \(key.govkzID)")
        ).first
    }

    public func articles(ids: [Int64]) async throws -> [Int64: Article] {
        let unique = Array(Set(ids))
        guard !unique.isEmpty else { return [:] }
        var found: [Int64: Article] = [:]
        for article in try await articles(rows("SELECT \(unescaped: Self.articleColumns) FROM articles a WHERE a.id = ANY(\(unique))")) {
            found[article.id] = article
        }
        return found
    }

    public func articleID(for key: ArticleKey) async throws -> Int64? {
        try await rows("SELECT id FROM articles WHERE project = \(key.project) AND govkz_id = \(key.govkzID)").first?["id"]
            .decode(Int64.self)
    }

    /// Listings need a lead, not the originals.
    static let summaryColumns = """
        article_id, lang, title, original_title, body_html, NULL::TEXT AS original_html, slug, source_url, heropic, created_raw,
        published_local, fetched_at, content_hash, NULL::TEXT AS raw_json, flags, mt_engine, mt_model, mt_at, mt_source_lang
        """
    static let fullColumns = """
        article_id, lang, title, original_title, body_html, original_html, slug, source_url, heropic, created_raw,
        published_local, fetched_at, content_hash, raw_json, flags, mt_engine, mt_model, mt_at, mt_source_lang
        """

    /// The versions and topics of a page of articles, two reads for the page, in the page's order.
    func articles(_ rows: [PostgresRandomAccessRow], summary: Bool = false) async throws -> [Article] {
        guard !rows.isEmpty else { return [] }
        let ids = try rows.map { try $0["id"].decode(Int64.self) }
        var versions: [Int64: [Language: ArticleVersion]] = [:]
        let columns = summary ? Self.summaryColumns : Self.fullColumns
        for row in try await self.rows("SELECT \(unescaped: columns) FROM versions WHERE article_id = ANY(\(ids))") {
            guard let version = try Self.version(row) else { continue }
            versions[try row["article_id"].decode(Int64.self), default: [:]][version.language] = version
        }
        var topics: [Int64: ArticleTopics] = [:]
        for row in try await self.rows("SELECT * FROM article_topics WHERE article_id = ANY(\(ids))") {
            guard let section = Section(rawValue: try row["section"].decode(String.self)) else { continue }
            topics[try row["article_id"].decode(Int64.self)] = ArticleTopics(
                section: section,
                secondary: try row["secondary"].decode(String.self).split(separator: ",").compactMap { Section(rawValue: String($0)) },
                sectionScore: try row["section_score"].decode(Double.self), sectionReason: try row["section_reason"].decode(String.self),
                region: try row["region"].decode(String.self), place: try row["region_place"].decode(String?.self),
                regionReason: try row["region_reason"].decode(String.self),
                sectionMargin: try row["section_margin"].decode(Double.self), regionMargin: try row["region_margin"].decode(Double.self))
        }
        return try rows.map { row in
            let id = try row["id"].decode(Int64.self)
            let published = GovKzDate(try row["published_local"].decode(String.self), hasTime: try row["has_time"].decode(Bool.self))
            return Article(
                id: id, key: ArticleKey(project: try row["project"].decode(String.self), govkzID: try row["govkz_id"].decode(String.self)),
                published: published, versions: versions[id] ?? [:], topics: topics[id], storyID: try row["story_id"].decode(Int64?.self))
        }
    }

    static func version(_ row: PostgresRandomAccessRow) throws -> ArticleVersion? {
        guard let language = Language(rawValue: try row["lang"].decode(String.self)) else { return nil }
        let originalHTML = try row["original_html"].decode(String?.self)
        let machine: MachineTranslation? = try row["mt_engine"].decode(String?.self).map { engine in
            MachineTranslation(
                engine: engine, model: try row["mt_model"].decode(String?.self),
                translatedAt: try row["mt_at"].decode(Date?.self) ?? Date(timeIntervalSince1970: 0),
                sourceLanguage: Language(rawValue: try row["mt_source_lang"].decode(String?.self) ?? "") ?? .ru)
        }
        return ArticleVersion(
            language: language, title: try row["title"].decode(String.self), originalTitle: try row["original_title"].decode(String?.self),
            bodyHTML: try row["body_html"].decode(String.self), originalHTML: originalHTML, slug: try row["slug"].decode(String?.self),
            sourceURL: try row["source_url"].decode(String.self), heropic: try row["heropic"].decode(String?.self),
            createdRaw: try row["created_raw"].decode(String?.self),
            published: try row["published_local"].decode(String?.self).flatMap(GovKzDate.init),
            fetchedAt: try row["fetched_at"].decode(Date.self), contentHash: try row["content_hash"].decode(String.self),
            rawJSON: RawJSON.restoring(try row["raw_json"].decode(String?.self), original: originalHTML),
            flags: QualityFlag.decode(try row["flags"].decode(String.self)), machineTranslation: machine)
    }

    public func history(articleID: Int64, language: Language) async throws -> [VersionHistoryEntry] {
        try await rows(
            "SELECT * FROM version_history WHERE article_id = \(articleID) AND lang = \(language.rawValue) ORDER BY id DESC"
        ).map { row in
            VersionHistoryEntry(
                title: try row["title"].decode(String?.self), originalHTML: try row["original_html"].decode(String?.self),
                contentHash: try row["content_hash"].decode(String?.self) ?? "",
                fetchedAt: try row["fetched_at"].decode(Date?.self) ?? Date(timeIntervalSince1970: 0),
                replacedAt: try row["replaced_at"].decode(Date.self))
        }
    }

    public func topicChanges(articleID: Int64) async throws -> [TopicChange] {
        try await rows("SELECT * FROM topic_changes WHERE article_id = \(articleID) ORDER BY id DESC").map { row in
            TopicChange(
                field: try row["field"].decode(String.self), before: try row["before"].decode(String.self),
                after: try row["after"].decode(String.self), at: try row["changed_at"].decode(Date.self))
        }
    }

    // MARK: Maintenance

    static func storedVersions(_ rows: [PostgresRandomAccessRow]) throws -> [StoredVersion] {
        try rows.compactMap { row in
            try version(row).map {
                StoredVersion(
                    articleID: try row["article_id"].decode(Int64.self),
                    key: ArticleKey(project: try row["project"].decode(String.self), govkzID: try row["govkz_id"].decode(String.self)),
                    version: $0)
            }
        }
    }

    public func versions(after: VersionCursor?, limit: Int) async throws -> [StoredVersion] {
        try Self.storedVersions(
            await rows(
                """
                SELECT \(unescaped: Self.qualifiedFullColumns), a.project, a.govkz_id
                FROM versions v JOIN articles a ON a.id = v.article_id
                WHERE (v.article_id, v.lang) > (\(after?.articleID ?? 0), \(after?.language.rawValue ?? ""))
                ORDER BY v.article_id, v.lang LIMIT \(Int64(max(0, limit)))
                """))
    }

    public func updateCleaned(articleID: Int64, language: Language, title: String, bodyHTML: String, flags: [QualityFlag])
        async throws
    {
        let search = PostgresSearchDocument.vector(title: title, bodyHTML: bodyHTML, language: language)
        let logger = self.logger
        try await transaction { connection in
            try await Self.run(
                """
                UPDATE versions SET title = \(title), body_html = \(bodyHTML), flags = \(QualityFlag.encode(flags))
                WHERE article_id = \(articleID) AND lang = \(language.rawValue)
                """, on: connection, logger: logger)
            try await Self.writeDocuments(
                [SearchDocumentRow(articleID: articleID, language: language, vector: search)], on: connection, logger: logger)
            try await Self.run(
                """
                UPDATE articles SET listed = NOT EXISTS (SELECT 1 FROM hidden_articles WHERE article_id = \(articleID))
                    AND EXISTS (SELECT 1 FROM versions WHERE article_id = \(articleID) AND title <> '')
                WHERE id = \(articleID)
                """, on: connection, logger: logger)
            try await Self.reapplyCorrections(articleIDs: [articleID], on: connection, logger: logger)
        }
    }

    public func flaggedVersions(limit: Int) async throws -> [StoredVersion] {
        try Self.storedVersions(
            await rows(
                """
                SELECT \(unescaped: Self.qualifiedFullColumns), a.project, a.govkz_id
                FROM versions v JOIN articles a ON a.id = v.article_id
                WHERE v.flags <> '' AND NOT EXISTS (SELECT 1 FROM reviewed_versions r
                    WHERE r.article_id = v.article_id AND r.lang = v.lang AND r.content_hash = v.content_hash)
                ORDER BY a.published_local DESC, a.id DESC, v.lang LIMIT \(Int64(max(0, limit)))
                """))
    }

    static let qualifiedFullColumns = fullColumns.split(separator: ",").map { "v." + $0.trimmingCharacters(in: .whitespacesAndNewlines) }
        .joined(separator: ", ")
}
