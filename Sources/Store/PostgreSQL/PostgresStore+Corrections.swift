import EnbekshiCore
import Foundation
import Logging
import PostgresNIO

extension PostgresStore {
    @discardableResult public func correct(_ correction: Correction) async throws -> Bool {
        let logger = logger
        let lang = correction.language?.rawValue ?? ""
        return try await transaction { connection in
            let found: [PostgresRandomAccessRow]
            switch correction.field {
            case .title, .body:
                found = try await Self.rows(
                    "SELECT 1 FROM versions WHERE article_id = \(correction.articleID) AND lang = \(lang)", on: connection, logger: logger)
            case .section, .region:
                found = try await Self.rows("SELECT 1 FROM articles WHERE id = \(correction.articleID)", on: connection, logger: logger)
            }
            guard !found.isEmpty else { return false }
            try await Self.run(
                """
                INSERT INTO article_corrections (article_id, lang, field, value, actor, reason, corrected_at)
                VALUES (\(correction.articleID), \(lang), \(correction.field.rawValue), \(correction.value), \(correction.actor),
                \(correction.reason), \(correction.at))
                ON CONFLICT (article_id, lang, field) DO UPDATE SET value = excluded.value, actor = excluded.actor,
                reason = excluded.reason, corrected_at = excluded.corrected_at
                """, on: connection, logger: logger)
            if !correction.field.isPerEdition {
                // An article never classified gets a row to correct (the other field: national, society).
                try await Self.run(
                    """
                    INSERT INTO article_topics (article_id, section, secondary, section_score, section_reason, region, region_place, region_reason)
                    VALUES (\(correction.articleID), 'society', '', 0, '', 'republic', NULL, '') ON CONFLICT (article_id) DO NOTHING
                    """, on: connection, logger: logger)
            }
            try await Self.reapplyCorrections(articleIDs: [correction.articleID], on: connection, logger: logger)
            return true
        }
    }

    public func corrections(articleID: Int64) async throws -> [Correction] {
        try await rows("SELECT * FROM article_corrections WHERE article_id = \(articleID) ORDER BY field, lang").compactMap(Self.correction)
    }

    @discardableResult
    public func removeCorrection(articleID: Int64, language: Language?, field: Correction.Field) async throws -> Correction? {
        let logger = logger
        let lang = field.isPerEdition ? (language?.rawValue ?? "") : ""
        return try await transaction { connection in
            guard
                let removed = try await Self.rows(
                    """
                    DELETE FROM article_corrections WHERE article_id = \(articleID) AND lang = \(lang) AND field = \(field.rawValue)
                    RETURNING *
                    """, on: connection, logger: logger
                ).first.flatMap(Self.correction)
            else { return nil }
            if let machines = removed.replaced {
                switch field {
                case .title:
                    try await Self.run(
                        "UPDATE versions SET title = \(machines) WHERE article_id = \(articleID) AND lang = \(lang)", on: connection, logger: logger)
                    try await Self.rewriteDocuments(of: [(articleID, lang)], on: connection, logger: logger)
                case .body:
                    try await Self.run(
                        "UPDATE versions SET body_html = \(machines) WHERE article_id = \(articleID) AND lang = \(lang)", on: connection, logger: logger)
                    try await Self.rewriteDocuments(of: [(articleID, lang)], on: connection, logger: logger)
                case .section:
                    try await Self.run(
                        "UPDATE article_topics SET section = \(machines), section_reason = 'restored by the newsroom' WHERE article_id = \(articleID)",
                        on: connection, logger: logger)
                case .region:
                    try await Self.run(
                        "UPDATE article_topics SET region = \(machines), region_reason = 'restored by the newsroom' WHERE article_id = \(articleID)",
                        on: connection, logger: logger)
                }
            }
            return removed
        }
    }

    /// Puts the corrections of these articles back over what was just written, inside the writer's
    /// transaction; a corrected headline or body gets its search document made again.
    static func reapplyCorrections(articleIDs: [Int64], on connection: PostgresConnection, logger: Logger) async throws {
        let ids = Array(Set(articleIDs))
        guard !ids.isEmpty else { return }
        let corrected = try await rows(
            "SELECT article_id, lang, field FROM article_corrections WHERE article_id = ANY(\(ids))", on: connection, logger: logger)
        guard !corrected.isEmpty else { return }
        for statement in CorrectionStatements.reapply(ids: "= ANY($1)") {
            var binds = PostgresBindings()
            binds.append(ids)
            try await run(PostgresQuery(unsafeSQL: statement, binds: binds), on: connection, logger: logger)
        }
        var editions: [(articleID: Int64, lang: String)] = []
        for row in corrected {
            let field = try row["field"].decode(String.self)
            guard field == Correction.Field.title.rawValue || field == Correction.Field.body.rawValue else { continue }
            let edition = (articleID: try row["article_id"].decode(Int64.self), lang: try row["lang"].decode(String.self))
            if !editions.contains(where: { $0 == edition }) { editions.append(edition) }
        }
        try await rewriteDocuments(of: editions, on: connection, logger: logger)
    }

    /// The search documents of these versions, made again from their stored headline and body.
    static func rewriteDocuments(of editions: [(articleID: Int64, lang: String)], on connection: PostgresConnection, logger: Logger)
        async throws
    {
        var documents: [SearchDocumentRow] = []
        for (articleID, lang) in editions {
            guard let language = Language(rawValue: lang),
                let row = try await rows(
                    "SELECT title, body_html FROM versions WHERE article_id = \(articleID) AND lang = \(lang)", on: connection, logger: logger
                ).first
            else { continue }
            let vector = PostgresSearchDocument.vector(
                title: try row["title"].decode(String.self), bodyHTML: try row["body_html"].decode(String.self), language: language)
            documents.append(SearchDocumentRow(articleID: articleID, language: language, vector: vector))
        }
        try await writeDocuments(documents, on: connection, logger: logger)
    }

    static func correction(_ row: PostgresRandomAccessRow) throws -> Correction? {
        guard let field = Correction.Field(rawValue: try row["field"].decode(String.self)) else { return nil }
        return Correction(
            articleID: try row["article_id"].decode(Int64.self), language: Language(rawValue: try row["lang"].decode(String.self)),
            field: field, value: try row["value"].decode(String.self), replaced: try row["replaced"].decode(String?.self),
            actor: try row["actor"].decode(String.self), reason: try row["reason"].decode(String.self),
            at: try row["corrected_at"].decode(Date.self))
    }
}
