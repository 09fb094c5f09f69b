/// The statements that put the newsroom's corrections back over what the machines just wrote:
/// first each correction learns the machines' current value (`replaced`), then the value is
/// corrected. The same SQL on both engines; `ids` is the engine's test of `article_id` against
/// the articles written (`= ?` on SQLite, `= ANY($1)` on PostgreSQL), used once per statement;
/// `text` reads a body column as text (SQLite may hold it deflated).
enum CorrectionStatements {
    static func reapply(ids: String, text: (String) -> String = { $0 }) -> [String] {
        // Headlines and bodies belong to one edition; sections and regions to the article.
        [("title", "title"), ("body", "body_html")].flatMap { field, column in
            [
                """
                UPDATE article_corrections SET replaced = (SELECT \(text("v.\(column)")) FROM versions v
                    WHERE v.article_id = article_corrections.article_id AND v.lang = article_corrections.lang)
                WHERE field = '\(field)' AND article_id \(ids) AND EXISTS (SELECT 1 FROM versions v
                    WHERE v.article_id = article_corrections.article_id AND v.lang = article_corrections.lang
                    AND \(text("v.\(column)")) <> article_corrections.value)
                """,
                """
                UPDATE versions SET \(column) = (SELECT c.value FROM article_corrections c
                    WHERE c.article_id = versions.article_id AND c.lang = versions.lang AND c.field = '\(field)')
                WHERE article_id \(ids) AND EXISTS (SELECT 1 FROM article_corrections c
                    WHERE c.article_id = versions.article_id AND c.lang = versions.lang AND c.field = '\(field)'
                    AND c.value <> \(text("versions.\(column)")))
                """,
            ]
        } + ["section", "region"].flatMap { field in
            [
                """
                UPDATE article_corrections SET replaced = (SELECT t.\(field) FROM article_topics t
                    WHERE t.article_id = article_corrections.article_id)
                WHERE field = '\(field)' AND article_id \(ids) AND EXISTS (SELECT 1 FROM article_topics t
                    WHERE t.article_id = article_corrections.article_id AND t.\(field) <> article_corrections.value)
                """,
                """
                UPDATE article_topics SET
                \(field) = (SELECT c.value FROM article_corrections c WHERE c.article_id = article_topics.article_id AND c.field = '\(field)'),
                \(field)_reason = (SELECT 'corrected by the newsroom: ' || c.reason FROM article_corrections c
                    WHERE c.article_id = article_topics.article_id AND c.field = '\(field)')
                WHERE article_id \(ids) AND EXISTS (SELECT 1 FROM article_corrections c
                    WHERE c.article_id = article_topics.article_id AND c.field = '\(field)' AND c.value <> article_topics.\(field))
                """,
            ]
        }
    }

}
