import Foundation

/// A table as `StoreCopy` moves it between engines: its columns with what each holds (so each
/// engine reads and writes its own form: SQLite's deflated bodies and text timestamps,
/// PostgreSQL's text and `timestamptz`), and the columns that order it and make a row unique.
struct CopyTable: Sendable {
    enum Kind: Sendable {
        case integer, real, text, bool, instant
        /// Text SQLite may hold deflated (`PackedText`).
        case packed
        /// A fingerprint signature: BLOB or old hex text in SQLite, normalised to 32-bit words.
        case signature(leadingCount: Bool)
        /// Bytes as they are: a picture's files.
        case blob
    }

    var name: String
    var columns: [(name: String, kind: Kind)]
    var key: [String]
    /// Rows of this table already in the destination are brought up to date rather than skipped
    /// (the source catalog, which opening any store seeds).
    var replaces = false

    var columnNames: [String] { columns.map(\.name) }

    /// Every table that holds data, parents before children. Search indexes, the content
    /// generation and SQLite's day ranges are not copied: each engine keeps its own as rows arrive.
    /// Neither are leases nor the request budget: they are the running processes' state, rebuilt
    /// by the first worker.
    static let all: [CopyTable] = [
        CopyTable(
            name: "sources",
            columns: [("slug", .text), ("kind", .text), ("region", .text), ("name_kk", .text), ("name_ru", .text),
                      ("name_en", .text), ("enabled", .bool), ("added_at", .instant)],
            key: ["slug"], replaces: true),
        CopyTable(
            name: "articles",
            columns: [("id", .integer), ("project", .text), ("govkz_id", .text), ("published_local", .text), ("has_time", .bool),
                      ("heropic", .text), ("listed", .bool), ("story_id", .integer), ("first_seen_at", .instant), ("updated_at", .instant)],
            key: ["id"]),
        CopyTable(
            name: "article_topics",
            columns: [("article_id", .integer), ("section", .text), ("secondary", .text), ("section_score", .real),
                      ("section_reason", .text), ("region", .text), ("region_place", .text), ("region_reason", .text),
                      ("section_margin", .real), ("region_margin", .real)],
            key: ["article_id"]),
        CopyTable(
            name: "versions",
            columns: [("article_id", .integer), ("lang", .text), ("title", .text), ("original_title", .text), ("body_html", .packed),
                      ("original_html", .packed), ("slug", .text), ("source_url", .text), ("heropic", .text), ("created_raw", .text),
                      ("published_local", .text), ("fetched_at", .instant), ("content_hash", .text), ("raw_json", .packed),
                      ("flags", .text), ("mt_engine", .text), ("mt_model", .text), ("mt_at", .instant), ("mt_source_lang", .text)],
            key: ["article_id", "lang"]),
        CopyTable(
            name: "version_history",
            columns: [("id", .integer), ("article_id", .integer), ("lang", .text), ("title", .text), ("original_html", .packed),
                      ("content_hash", .text), ("raw_json", .packed), ("fetched_at", .instant), ("replaced_at", .instant)],
            key: ["id"]),
        CopyTable(
            name: "fetches",
            columns: [("project", .text), ("govkz_id", .text), ("requested_lang", .text), ("content_hash", .text),
                      ("stored_lang", .text), ("fetched_at", .instant)],
            key: ["project", "requested_lang", "govkz_id"]),
        CopyTable(
            name: "harvest_state",
            columns: [("source", .text), ("lang", .text), ("last_attempt_at", .instant), ("last_success_at", .instant),
                      ("last_error_at", .instant), ("last_error", .text), ("newest_seen", .text), ("items_stored", .integer),
                      ("failures", .integer)],
            key: ["source", "lang"]),
        CopyTable(
            name: "translation_jobs",
            columns: [("id", .integer), ("article_id", .integer), ("source_lang", .text), ("target_lang", .text), ("state", .text),
                      ("attempts", .integer), ("last_error", .text), ("next_attempt_at", .instant), ("created_at", .instant),
                      ("lease_owner", .text), ("lease_epoch", .integer), ("lease_expires_at", .instant)],
            key: ["id"]),
        CopyTable(
            name: "translation_cache",
            columns: [("source_hash", .text), ("source_lang", .text), ("target_lang", .text), ("engine", .text), ("text", .text),
                      ("created_at", .instant)],
            key: ["source_hash", "source_lang", "target_lang", "engine"]),
        CopyTable(
            name: "story_fingerprints",
            columns: [("article_id", .integer), ("lang", .text), ("published_day", .text), ("signature", .signature(leadingCount: true)),
                      ("tokens", .text), ("topic", .signature(leadingCount: false))],
            key: ["article_id", "lang"]),
        CopyTable(
            name: "related_articles",
            columns: [("article_id", .integer), ("related_id", .integer), ("score", .real)],
            key: ["article_id", "related_id"]),
        CopyTable(name: "story_pending", columns: [("article_id", .integer), ("lang", .text)], key: ["article_id", "lang"]),
        CopyTable(
            name: "glosses",
            columns: [("run", .text), ("target_lang", .text), ("source_lang", .text), ("text", .text), ("engine", .text),
                      ("created_at", .instant)],
            key: ["run", "target_lang"]),
        CopyTable(
            name: "hidden_articles",
            columns: [("article_id", .integer), ("reason", .text), ("actor", .text), ("hidden_at", .instant)],
            key: ["article_id"]),
        CopyTable(
            name: "article_corrections",
            columns: [("article_id", .integer), ("lang", .text), ("field", .text), ("value", .text), ("replaced", .text),
                      ("actor", .text), ("reason", .text), ("corrected_at", .instant)],
            key: ["article_id", "lang", "field"]),
        CopyTable(
            name: "reviewed_versions",
            columns: [("article_id", .integer), ("lang", .text), ("content_hash", .text), ("actor", .text), ("reviewed_at", .instant)],
            key: ["article_id", "lang"]),
        CopyTable(name: "story_decisions", columns: [("article_id", .integer), ("other_id", .integer), ("kind", .text)], key: ["article_id", "kind", "other_id"]),
        CopyTable(
            name: "reviewed_topics",
            columns: [("article_id", .integer), ("section", .text), ("region", .text), ("actor", .text), ("reviewed_at", .instant)],
            key: ["article_id"]),
        CopyTable(
            name: "topic_changes",
            columns: [("id", .integer), ("article_id", .integer), ("field", .text), ("before", .text), ("after", .text), ("changed_at", .instant)],
            key: ["id"]),
        CopyTable(name: "reviewed_sources", columns: [("slug", .text), ("actor", .text), ("reviewed_at", .instant)], key: ["slug"]),
        CopyTable(
            name: "source_corrections",
            columns: [("slug", .text), ("field", .text), ("value", .text), ("replaced", .text), ("actor", .text), ("reason", .text),
                      ("corrected_at", .instant)],
            key: ["slug", "field"]),
        CopyTable(
            name: "newsroom_articles",
            columns: [("id", .integer), ("status", .text), ("editions", .text), ("section", .text), ("region", .text), ("byline", .text),
                      ("source_link", .text), ("publish_at", .instant), ("author", .text), ("created_at", .instant),
                      ("updated_at", .instant), ("article_id", .integer)],
            key: ["id"]),
        CopyTable(
            name: "editors",
            columns: [("id", .integer), ("login", .text), ("display_name", .text), ("role", .text), ("password_hash", .text),
                      ("disabled", .bool), ("created_at", .instant), ("totp_secret", .text), ("totp_last_step", .integer)],
            key: ["id"]),
        CopyTable(
            name: "editor_sessions",
            columns: [("id", .text), ("editor_id", .integer), ("csrf_token", .text), ("created_at", .instant), ("last_seen_at", .instant),
                      ("address", .text), ("user_agent", .text)],
            key: ["id"]),
        CopyTable(
            name: "audit_log",
            columns: [("id", .integer), ("at", .instant), ("actor", .text), ("action", .text), ("target", .text),
                      ("before_value", .text), ("after_value", .text), ("address", .text)],
            key: ["id"]),
        CopyTable(
            name: "harvest_figures",
            columns: [("hour", .instant), ("source", .text), ("requests", .integer), ("ok", .integer), ("throttled", .integer),
                      ("server_errors", .integer), ("timeouts", .integer), ("bad_json", .integer), ("other_errors", .integer),
                      ("items_new", .integer), ("items_updated", .integer), ("items_rejected", .integer), ("lag_count", .integer),
                      ("lag_seconds_sum", .real), ("lag_seconds_max", .real)],
            key: ["hour", "source"]),
        CopyTable(
            name: "queue_samples",
            columns: [("at", .instant), ("translation_pending", .integer), ("translation_failed", .integer),
                      ("oldest_job_seconds", .real), ("review_items", .integer), ("feeds_failing", .integer)],
            key: ["at"]),
        CopyTable(name: "article_views", columns: [("article_id", .integer), ("day", .text), ("views", .integer)], key: ["article_id", "day"]),
        CopyTable(
            name: "pictures",
            columns: [("url", .text), ("state", .text), ("hash", .text), ("width", .integer), ("height", .integer), ("widths", .text),
                      ("attempts", .integer), ("error", .text), ("due_at", .instant), ("first_seen_at", .instant), ("updated_at", .instant)],
            // Copied articles queue their pictures first (a trigger): the source's state wins.
            key: ["url"], replaces: true),
        CopyTable(
            name: "picture_files", columns: [("hash", .text), ("name", .text), ("content_type", .text), ("bytes", .blob)],
            key: ["hash", "name"]),
    ]
}

/// One value of a copied row, in neither engine's form.
enum CopyValue: Sendable, Hashable {
    case null
    case integer(Int64)
    case real(Double)
    case text(String)
    case bool(Bool)
    case instant(Date)
    case bytes(Data)
}

/// One side of a copy: an engine's store read or written table by table.
protocol CopyEndpoint: Sendable {
    func rowCount(_ table: CopyTable) async throws -> Int
    /// Rows after `key` (the key columns' values of the last row read) in key order.
    func rows(_ table: CopyTable, after key: [CopyValue]?, limit: Int) async throws -> [[CopyValue]]
    /// Writes rows, skipping (or, for `replaces`, updating) those already there.
    func write(_ table: CopyTable, rows: [[CopyValue]]) async throws
    /// After a table is written (PostgreSQL moves its id sequences past the copied ids).
    func finish(_ table: CopyTable) async throws
}
