/// The statements that put the newsroom's corrections back over what the machines just wrote:
/// first each correction learns the machines' current value (`replaced`), then the value is
/// corrected. The same SQL on both engines; `ids` is the engine's test of `article_id` against
/// the articles written (`= ?` on SQLite, `= ANY($1)` on PostgreSQL), used once per statement.
enum CorrectionStatements {
    static func reapply(ids: String) -> [String] {
        [
            """
            UPDATE article_corrections SET replaced = (SELECT v.title FROM versions v
                WHERE v.article_id = article_corrections.article_id AND v.lang = article_corrections.lang)
            WHERE field = 'title' AND article_id \(ids) AND EXISTS (SELECT 1 FROM versions v
                WHERE v.article_id = article_corrections.article_id AND v.lang = article_corrections.lang
                AND v.title <> article_corrections.value)
            """,
            """
            UPDATE versions SET title = (SELECT c.value FROM article_corrections c
                WHERE c.article_id = versions.article_id AND c.lang = versions.lang AND c.field = 'title')
            WHERE article_id \(ids) AND EXISTS (SELECT 1 FROM article_corrections c
                WHERE c.article_id = versions.article_id AND c.lang = versions.lang AND c.field = 'title' AND c.value <> versions.title)
            """,
        ] + ["section", "region"].flatMap { field in
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
