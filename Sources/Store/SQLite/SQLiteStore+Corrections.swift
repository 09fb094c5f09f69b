import EnbekshiCore
import Foundation
import GRDB

extension SQLiteStore {
    @discardableResult public func correct(_ correction: Correction) async throws -> Bool {
        try await write { db in
            let lang = correction.language?.rawValue ?? ""
            let exists: Bool
            switch correction.field {
            case .title, .body:
                exists = try Bool.fetchOne(
                    db, sql: "SELECT EXISTS (SELECT 1 FROM versions WHERE article_id = ? AND lang = ?)", arguments: [correction.articleID, lang])
                    ?? false
            case .section, .region:
                exists = try Bool.fetchOne(db, sql: "SELECT EXISTS (SELECT 1 FROM articles WHERE id = ?)", arguments: [correction.articleID]) ?? false
            }
            guard exists else { return false }
            try db.execute(
                sql: """
                    INSERT INTO article_corrections (article_id, lang, field, value, actor, reason, corrected_at) VALUES (?, ?, ?, ?, ?, ?, ?)
                    ON CONFLICT (article_id, lang, field) DO UPDATE SET value = excluded.value, actor = excluded.actor,
                    reason = excluded.reason, corrected_at = excluded.corrected_at
                    """,
                arguments: [
                    correction.articleID, lang, correction.field.rawValue, correction.value, correction.actor, correction.reason,
                    StoreDate.string(correction.at),
                ])
            if !correction.field.isPerEdition {
                // An article never classified gets a row to correct (the other field: national, society).
                try db.execute(
                    sql: """
                        INSERT INTO article_topics (article_id, section, secondary, section_score, section_reason, region, region_place,
                        region_reason) VALUES (?, 'society', '', 0, '', 'republic', NULL, '') ON CONFLICT (article_id) DO NOTHING
                        """,
                    arguments: [correction.articleID])
            }
            try Self.reapplyCorrections(articleID: correction.articleID, db: db)
            return true
        }
    }

    public func corrections(articleID: Int64) async throws -> [Correction] {
        try await database.read { db in
            try Row.fetchAll(db, sql: "SELECT * FROM article_corrections WHERE article_id = ? ORDER BY field, lang", arguments: [articleID])
                .compactMap(Self.correction)
        }
    }

    @discardableResult
    public func removeCorrection(articleID: Int64, language: Language?, field: Correction.Field) async throws -> Correction? {
        try await write { db in
            let lang = field.isPerEdition ? (language?.rawValue ?? "") : ""
            guard
                let removed = try Row.fetchOne(
                    db, sql: "SELECT * FROM article_corrections WHERE article_id = ? AND lang = ? AND field = ?",
                    arguments: [articleID, lang, field.rawValue]
                ).flatMap(Self.correction)
            else { return nil }
            try db.execute(
                sql: "DELETE FROM article_corrections WHERE article_id = ? AND lang = ? AND field = ?", arguments: [articleID, lang, field.rawValue])
            if let machines = removed.replaced {
                switch field {
                case .title:
                    try db.execute(sql: "UPDATE versions SET title = ? WHERE article_id = ? AND lang = ?", arguments: [machines, articleID, lang])
                case .body:
                    try db.execute(
                        sql: "UPDATE versions SET body_html = ? WHERE article_id = ? AND lang = ?", arguments: [PackedText.pack(machines), articleID, lang])
                case .section, .region:
                    try db.execute(
                        sql: "UPDATE article_topics SET \(field.rawValue) = ?, \(field.rawValue)_reason = 'restored by the newsroom' WHERE article_id = ?",
                        arguments: [machines, articleID])
                }
            }
            return removed
        }
    }

    /// Puts an article's corrections back over what was just written (inside the writer's transaction).
    static func reapplyCorrections(articleID: Int64, db: Database) throws {
        guard
            try Bool.fetchOne(
                db.cachedStatement(sql: "SELECT EXISTS (SELECT 1 FROM article_corrections WHERE article_id = ?)"), arguments: [articleID]) == true
        else { return }
        for statement in CorrectionStatements.reapply(ids: "= ?", text: { "enbekshi_unpack(\($0))" }) { try db.execute(sql: statement, arguments: [articleID]) }
    }

    static func correction(_ row: Row) -> Correction? {
        guard let field = Correction.Field(rawValue: row["field"]) else { return nil }
        let lang: String = row["lang"]
        return Correction(
            articleID: row["article_id"], language: Language(rawValue: lang), field: field, value: row["value"], replaced: row["replaced"],
            actor: row["actor"], reason: row["reason"], at: StoreDate.date(row["corrected_at"]) ?? .distantPast)
    }
}
