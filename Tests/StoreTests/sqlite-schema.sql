-- index article_topics_region
CREATE INDEX article_topics_region ON article_topics (region)

-- index article_topics_section
CREATE INDEX article_topics_section ON article_topics (section)

-- index article_views_day
CREATE INDEX article_views_day ON article_views (day)

-- index articles_by_project
CREATE INDEX articles_by_project ON articles (project, listed, published_local DESC, id DESC)

-- index articles_listing
CREATE INDEX articles_listing ON articles (listed, published_local DESC, id DESC)

-- index articles_story
CREATE INDEX articles_story ON articles (story_id)

-- index audit_log_actor
CREATE INDEX audit_log_actor ON audit_log (actor, id)

-- index audit_log_target
CREATE INDEX audit_log_target ON audit_log (target, id)

-- index editor_sessions_editor
CREATE INDEX editor_sessions_editor ON editor_sessions (editor_id)

-- index leases_feeds_due
CREATE INDEX leases_feeds_due ON leases (due_at) WHERE source IS NOT NULL

-- index newsroom_articles_article
CREATE INDEX newsroom_articles_article ON newsroom_articles (article_id)

-- index newsroom_articles_status
CREATE INDEX newsroom_articles_status ON newsroom_articles (status, publish_at)

-- index pictures_pending
CREATE INDEX pictures_pending ON pictures (first_seen_at) WHERE state = 'pending'

-- index related_articles_by_score
CREATE INDEX related_articles_by_score ON related_articles (score)

-- index story_fingerprints_by_day
CREATE INDEX story_fingerprints_by_day ON story_fingerprints (lang, published_day)

-- index topic_changes_by_article
CREATE INDEX topic_changes_by_article ON topic_changes (article_id)

-- index translation_jobs_due
CREATE INDEX translation_jobs_due ON translation_jobs (state, next_attempt_at)

-- index version_history_by_version
CREATE INDEX version_history_by_version ON version_history (article_id, lang)

-- table article_corrections
CREATE TABLE article_corrections (
    article_id INTEGER NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
    lang TEXT NOT NULL,
    field TEXT NOT NULL,
    value TEXT NOT NULL,
    replaced TEXT,
    actor TEXT NOT NULL,
    reason TEXT NOT NULL,
    corrected_at TEXT NOT NULL,
    PRIMARY KEY (article_id, lang, field)
) WITHOUT ROWID

-- table article_days
CREATE TABLE article_days (
    day TEXT PRIMARY KEY,
    first_id INTEGER NOT NULL,
    last_id INTEGER NOT NULL
) WITHOUT ROWID

-- table article_topics
CREATE TABLE article_topics (
    article_id INTEGER PRIMARY KEY REFERENCES articles (id) ON DELETE CASCADE,
    section TEXT NOT NULL,
    secondary TEXT NOT NULL DEFAULT '',
    section_score REAL NOT NULL DEFAULT 0,
    section_reason TEXT NOT NULL DEFAULT '',
    region TEXT NOT NULL,
    region_place TEXT,
    region_reason TEXT NOT NULL DEFAULT ''
, section_margin REAL NOT NULL DEFAULT 1, region_margin REAL NOT NULL DEFAULT 1)

-- table article_views
CREATE TABLE article_views (
    article_id INTEGER NOT NULL REFERENCES articles (id) ON DELETE CASCADE,
    day TEXT NOT NULL,
    views INTEGER NOT NULL,
    PRIMARY KEY (article_id, day)
) WITHOUT ROWID

-- table articles
CREATE TABLE articles (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    project TEXT NOT NULL,
    govkz_id TEXT NOT NULL,
    published_local TEXT NOT NULL,
    has_time INTEGER NOT NULL DEFAULT 0,
    heropic TEXT,
    listed INTEGER NOT NULL DEFAULT 0,
    first_seen_at TEXT NOT NULL,
    updated_at TEXT NOT NULL, story_id INTEGER,
    UNIQUE (project, govkz_id)
)

-- table audit_log
CREATE TABLE audit_log (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    at TEXT NOT NULL,
    actor TEXT NOT NULL,
    action TEXT NOT NULL,
    target TEXT NOT NULL,
    before_value TEXT,
    after_value TEXT,
    address TEXT
)

-- table content_generation
CREATE TABLE content_generation (id INTEGER PRIMARY KEY CHECK (id = 1), value INTEGER NOT NULL)

-- table editor_sessions
CREATE TABLE editor_sessions (
    id TEXT PRIMARY KEY,
    editor_id INTEGER NOT NULL REFERENCES editors(id) ON DELETE CASCADE,
    csrf_token TEXT NOT NULL,
    created_at TEXT NOT NULL,
    last_seen_at TEXT NOT NULL,
    address TEXT,
    user_agent TEXT
) WITHOUT ROWID

-- table editors
CREATE TABLE editors (
    id INTEGER PRIMARY KEY,
    login TEXT NOT NULL UNIQUE,
    display_name TEXT NOT NULL,
    role TEXT NOT NULL,
    password_hash TEXT NOT NULL,
    disabled INTEGER NOT NULL DEFAULT 0,
    created_at TEXT NOT NULL
, totp_secret TEXT, totp_last_step INTEGER)

-- table fetches
CREATE TABLE fetches (
    project TEXT NOT NULL,
    govkz_id TEXT NOT NULL,
    requested_lang TEXT NOT NULL,
    content_hash TEXT NOT NULL,
    stored_lang TEXT NOT NULL,
    fetched_at TEXT NOT NULL,
    PRIMARY KEY (project, govkz_id, requested_lang)
)

-- table glosses
CREATE TABLE glosses (
    run TEXT NOT NULL,
    target_lang TEXT NOT NULL,
    source_lang TEXT NOT NULL,
    text TEXT NOT NULL,
    engine TEXT NOT NULL,
    created_at TEXT NOT NULL,
    PRIMARY KEY (run, target_lang)
) WITHOUT ROWID

-- table grdb_migrations
CREATE TABLE grdb_migrations (identifier TEXT NOT NULL PRIMARY KEY)

-- table harvest_figures
CREATE TABLE harvest_figures (
    hour TEXT NOT NULL,
    source TEXT NOT NULL,
    requests INTEGER NOT NULL DEFAULT 0,
    ok INTEGER NOT NULL DEFAULT 0,
    throttled INTEGER NOT NULL DEFAULT 0,
    server_errors INTEGER NOT NULL DEFAULT 0,
    timeouts INTEGER NOT NULL DEFAULT 0,
    bad_json INTEGER NOT NULL DEFAULT 0,
    other_errors INTEGER NOT NULL DEFAULT 0,
    items_new INTEGER NOT NULL DEFAULT 0,
    items_updated INTEGER NOT NULL DEFAULT 0,
    items_rejected INTEGER NOT NULL DEFAULT 0,
    lag_count INTEGER NOT NULL DEFAULT 0,
    lag_seconds_sum REAL NOT NULL DEFAULT 0,
    lag_seconds_max REAL NOT NULL DEFAULT 0,
    PRIMARY KEY (hour, source)
) WITHOUT ROWID

-- table harvest_state
CREATE TABLE harvest_state (
    source TEXT NOT NULL,
    lang TEXT NOT NULL,
    last_attempt_at TEXT,
    last_success_at TEXT,
    last_error_at TEXT,
    last_error TEXT,
    newest_seen TEXT,
    items_stored INTEGER NOT NULL DEFAULT 0,
    failures INTEGER NOT NULL DEFAULT 0,
    PRIMARY KEY (source, lang)
)

-- table hidden_articles
CREATE TABLE hidden_articles (
    article_id INTEGER PRIMARY KEY REFERENCES articles(id) ON DELETE CASCADE,
    reason TEXT NOT NULL,
    actor TEXT NOT NULL,
    hidden_at TEXT NOT NULL
)

-- table leases
CREATE TABLE leases (
    name TEXT PRIMARY KEY,
    source TEXT,
    lang TEXT,
    owner TEXT,
    epoch INTEGER NOT NULL DEFAULT 0,
    expires_at TEXT,
    due_at TEXT
) WITHOUT ROWID

-- table newsroom_articles
CREATE TABLE newsroom_articles (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    status TEXT NOT NULL,
    editions TEXT NOT NULL,
    section TEXT,
    region TEXT,
    byline TEXT NOT NULL,
    source_link TEXT,
    publish_at TEXT,
    author TEXT NOT NULL,
    created_at TEXT NOT NULL,
    updated_at TEXT NOT NULL,
    article_id INTEGER REFERENCES articles(id) ON DELETE SET NULL
)

-- table picture_files
CREATE TABLE picture_files (
    hash TEXT NOT NULL,
    name TEXT NOT NULL,
    content_type TEXT NOT NULL,
    bytes BLOB NOT NULL,
    UNIQUE (hash, name)
)

-- table pictures
CREATE TABLE pictures (
    url TEXT PRIMARY KEY,
    state TEXT NOT NULL DEFAULT 'pending',
    hash TEXT,
    width INTEGER,
    height INTEGER,
    widths TEXT,
    attempts INTEGER NOT NULL DEFAULT 0,
    error TEXT,
    due_at TEXT NOT NULL,
    first_seen_at TEXT NOT NULL,
    updated_at TEXT NOT NULL
) WITHOUT ROWID

-- table queue_samples
CREATE TABLE queue_samples (
    at TEXT PRIMARY KEY,
    translation_pending INTEGER NOT NULL,
    translation_failed INTEGER NOT NULL,
    oldest_job_seconds REAL NOT NULL,
    review_items INTEGER NOT NULL,
    feeds_failing INTEGER NOT NULL
) WITHOUT ROWID

-- table related_articles
CREATE TABLE related_articles (
    article_id INTEGER NOT NULL REFERENCES articles (id) ON DELETE CASCADE,
    related_id INTEGER NOT NULL REFERENCES articles (id) ON DELETE CASCADE,
    score REAL NOT NULL,
    PRIMARY KEY (article_id, related_id)
)

-- table request_budget
CREATE TABLE request_budget (
    name TEXT PRIMARY KEY,
    next_at TEXT NOT NULL
) WITHOUT ROWID

-- table reviewed_sources
CREATE TABLE reviewed_sources (
    slug TEXT PRIMARY KEY,
    actor TEXT NOT NULL,
    reviewed_at TEXT NOT NULL
)

-- table reviewed_topics
CREATE TABLE reviewed_topics (
    article_id INTEGER PRIMARY KEY REFERENCES articles (id) ON DELETE CASCADE,
    section TEXT NOT NULL,
    region TEXT NOT NULL,
    actor TEXT NOT NULL,
    reviewed_at TEXT NOT NULL
)

-- table reviewed_versions
CREATE TABLE reviewed_versions (
    article_id INTEGER NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
    lang TEXT NOT NULL,
    content_hash TEXT NOT NULL,
    actor TEXT NOT NULL,
    reviewed_at TEXT NOT NULL,
    PRIMARY KEY (article_id, lang)
) WITHOUT ROWID

-- table search_en
CREATE VIRTUAL TABLE search_en USING fts5(
    title, body, facets, content = 'search_en_content', content_rowid = 'article_id',
    tokenize = 'enbekshi en')

-- table search_en_config
CREATE TABLE 'search_en_config'(k PRIMARY KEY, v) WITHOUT ROWID

-- table search_en_data
CREATE TABLE 'search_en_data'(id INTEGER PRIMARY KEY, block BLOB)

-- table search_en_docsize
CREATE TABLE 'search_en_docsize'(id INTEGER PRIMARY KEY, sz BLOB)

-- table search_en_idx
CREATE TABLE 'search_en_idx'(segid, term, pgno, PRIMARY KEY(segid, term)) WITHOUT ROWID

-- table search_kk
CREATE VIRTUAL TABLE search_kk USING fts5(
    title, body, facets, content = 'search_kk_content', content_rowid = 'article_id',
    tokenize = 'enbekshi kk')

-- table search_kk_config
CREATE TABLE 'search_kk_config'(k PRIMARY KEY, v) WITHOUT ROWID

-- table search_kk_data
CREATE TABLE 'search_kk_data'(id INTEGER PRIMARY KEY, block BLOB)

-- table search_kk_docsize
CREATE TABLE 'search_kk_docsize'(id INTEGER PRIMARY KEY, sz BLOB)

-- table search_kk_idx
CREATE TABLE 'search_kk_idx'(segid, term, pgno, PRIMARY KEY(segid, term)) WITHOUT ROWID

-- table search_ru
CREATE VIRTUAL TABLE search_ru USING fts5(
    title, body, facets, content = 'search_ru_content', content_rowid = 'article_id',
    tokenize = 'enbekshi ru')

-- table search_ru_config
CREATE TABLE 'search_ru_config'(k PRIMARY KEY, v) WITHOUT ROWID

-- table search_ru_data
CREATE TABLE 'search_ru_data'(id INTEGER PRIMARY KEY, block BLOB)

-- table search_ru_docsize
CREATE TABLE 'search_ru_docsize'(id INTEGER PRIMARY KEY, sz BLOB)

-- table search_ru_idx
CREATE TABLE 'search_ru_idx'(segid, term, pgno, PRIMARY KEY(segid, term)) WITHOUT ROWID

-- table search_terms
CREATE TABLE search_terms (
    lang TEXT NOT NULL,
    term TEXT NOT NULL,
    PRIMARY KEY (lang, term)
) WITHOUT ROWID

-- table source_corrections
CREATE TABLE source_corrections (
    slug TEXT NOT NULL,
    field TEXT NOT NULL,
    value TEXT NOT NULL,
    replaced TEXT,
    actor TEXT NOT NULL,
    reason TEXT NOT NULL,
    corrected_at TEXT NOT NULL,
    PRIMARY KEY (slug, field)
) WITHOUT ROWID

-- table sources
CREATE TABLE sources (
    slug TEXT PRIMARY KEY,
    kind TEXT NOT NULL,
    region TEXT,
    name_kk TEXT,
    name_ru TEXT,
    name_en TEXT,
    enabled INTEGER NOT NULL DEFAULT 1,
    added_at TEXT NOT NULL
)

-- table story_decisions
CREATE TABLE story_decisions (
    article_id INTEGER NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
    other_id INTEGER NOT NULL,
    kind TEXT NOT NULL,
    PRIMARY KEY (article_id, kind, other_id)
) WITHOUT ROWID

-- table story_fingerprints
CREATE TABLE story_fingerprints (
    article_id INTEGER NOT NULL REFERENCES articles (id) ON DELETE CASCADE,
    lang TEXT NOT NULL,
    published_day TEXT NOT NULL,
    signature TEXT NOT NULL,
    tokens TEXT NOT NULL, topic TEXT NOT NULL DEFAULT '',
    PRIMARY KEY (article_id, lang)
)

-- table story_pending
CREATE TABLE story_pending (
    article_id INTEGER NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
    lang TEXT NOT NULL,
    PRIMARY KEY (article_id, lang)
) WITHOUT ROWID

-- table topic_changes
CREATE TABLE topic_changes (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    article_id INTEGER NOT NULL REFERENCES articles (id) ON DELETE CASCADE,
    field TEXT NOT NULL,
    before TEXT NOT NULL,
    after TEXT NOT NULL,
    changed_at TEXT NOT NULL
)

-- table translation_cache
CREATE TABLE translation_cache (
    source_hash TEXT NOT NULL,
    source_lang TEXT NOT NULL,
    target_lang TEXT NOT NULL,
    engine TEXT NOT NULL,
    text TEXT NOT NULL,
    created_at TEXT NOT NULL,
    PRIMARY KEY (source_hash, source_lang, target_lang, engine)
)

-- table translation_jobs
CREATE TABLE translation_jobs (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    article_id INTEGER NOT NULL REFERENCES articles (id) ON DELETE CASCADE,
    source_lang TEXT NOT NULL,
    target_lang TEXT NOT NULL,
    state TEXT NOT NULL DEFAULT 'pending',
    attempts INTEGER NOT NULL DEFAULT 0,
    last_error TEXT,
    next_attempt_at TEXT NOT NULL,
    created_at TEXT NOT NULL, lease_owner TEXT, lease_epoch INTEGER NOT NULL DEFAULT 0, lease_expires_at TEXT,
    UNIQUE (article_id, target_lang)
)

-- table version_history
CREATE TABLE version_history (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    article_id INTEGER NOT NULL REFERENCES articles (id) ON DELETE CASCADE,
    lang TEXT NOT NULL,
    title TEXT,
    original_html TEXT,
    content_hash TEXT,
    raw_json TEXT,
    fetched_at TEXT,
    replaced_at TEXT NOT NULL
)

-- table versions
CREATE TABLE versions (
    article_id INTEGER NOT NULL REFERENCES articles (id) ON DELETE CASCADE,
    lang TEXT NOT NULL,
    title TEXT NOT NULL,
    original_title TEXT,
    body_html TEXT NOT NULL,
    original_html TEXT,
    slug TEXT,
    source_url TEXT NOT NULL,
    heropic TEXT,
    created_raw TEXT,
    published_local TEXT,
    fetched_at TEXT NOT NULL,
    content_hash TEXT NOT NULL,
    raw_json TEXT, flags TEXT NOT NULL DEFAULT '', mt_engine TEXT, mt_model TEXT, mt_at TEXT, mt_source_lang TEXT,
    PRIMARY KEY (article_id, lang)
)

-- trigger article_days_insert
CREATE TRIGGER article_days_insert AFTER INSERT ON articles BEGIN
    INSERT INTO article_days (day, first_id, last_id) VALUES (substr(NEW.published_local, 1, 10), NEW.id, NEW.id)
    ON CONFLICT (day) DO UPDATE SET first_id = min(first_id, excluded.first_id), last_id = max(last_id, excluded.last_id);
END

-- trigger article_days_update
CREATE TRIGGER article_days_update AFTER UPDATE OF published_local ON articles BEGIN
    INSERT INTO article_days (day, first_id, last_id) VALUES (substr(NEW.published_local, 1, 10), NEW.id, NEW.id)
    ON CONFLICT (day) DO UPDATE SET first_id = min(first_id, excluded.first_id), last_id = max(last_id, excluded.last_id);
END

-- trigger audit_log_no_delete
CREATE TRIGGER audit_log_no_delete BEFORE DELETE ON audit_log BEGIN
    SELECT RAISE(ABORT, 'the audit trail is append-only');
END

-- trigger audit_log_no_update
CREATE TRIGGER audit_log_no_update BEFORE UPDATE ON audit_log BEGIN
    SELECT RAISE(ABORT, 'the audit trail is append-only');
END

-- trigger generation_article_topics_insert
CREATE TRIGGER generation_article_topics_insert AFTER INSERT ON article_topics BEGIN
    UPDATE content_generation SET value = value + 1 WHERE id = 1;
END

-- trigger generation_article_topics_update
CREATE TRIGGER generation_article_topics_update AFTER UPDATE ON article_topics BEGIN
    UPDATE content_generation SET value = value + 1 WHERE id = 1;
END

-- trigger generation_articles_delete
CREATE TRIGGER generation_articles_delete AFTER DELETE ON articles BEGIN
    UPDATE content_generation SET value = value + 1 WHERE id = 1;
END

-- trigger generation_articles_insert
CREATE TRIGGER generation_articles_insert AFTER INSERT ON articles BEGIN
    UPDATE content_generation SET value = value + 1 WHERE id = 1;
END

-- trigger generation_articles_update
CREATE TRIGGER generation_articles_update AFTER UPDATE ON articles BEGIN
    UPDATE content_generation SET value = value + 1 WHERE id = 1;
END

-- trigger generation_glosses_insert
CREATE TRIGGER generation_glosses_insert AFTER INSERT ON glosses BEGIN
    UPDATE content_generation SET value = value + 1 WHERE id = 1;
END

-- trigger generation_glosses_update
CREATE TRIGGER generation_glosses_update AFTER UPDATE ON glosses BEGIN
    UPDATE content_generation SET value = value + 1 WHERE id = 1;
END

-- trigger generation_harvest_state_insert
CREATE TRIGGER generation_harvest_state_insert AFTER INSERT ON harvest_state BEGIN
    UPDATE content_generation SET value = value + 1 WHERE id = 1;
END

-- trigger generation_harvest_state_update
CREATE TRIGGER generation_harvest_state_update AFTER UPDATE ON harvest_state BEGIN
    UPDATE content_generation SET value = value + 1 WHERE id = 1;
END

-- trigger generation_pictures_ready
CREATE TRIGGER generation_pictures_ready AFTER UPDATE OF state ON pictures
WHEN NEW.state = 'ready' AND OLD.state IS NOT 'ready' BEGIN
    UPDATE content_generation SET value = value + 1 WHERE id = 1;
END

-- trigger generation_related_articles_insert
CREATE TRIGGER generation_related_articles_insert AFTER INSERT ON related_articles BEGIN
    UPDATE content_generation SET value = value + 1 WHERE id = 1;
END

-- trigger generation_source_corrections_delete
CREATE TRIGGER generation_source_corrections_delete AFTER DELETE ON source_corrections BEGIN
    UPDATE content_generation SET value = value + 1 WHERE id = 1;
END

-- trigger generation_source_corrections_insert
CREATE TRIGGER generation_source_corrections_insert AFTER INSERT ON source_corrections BEGIN
    UPDATE content_generation SET value = value + 1 WHERE id = 1;
END

-- trigger generation_source_corrections_update
CREATE TRIGGER generation_source_corrections_update AFTER UPDATE ON source_corrections BEGIN
    UPDATE content_generation SET value = value + 1 WHERE id = 1;
END

-- trigger generation_sources_update
CREATE TRIGGER generation_sources_update AFTER UPDATE ON sources BEGIN
    UPDATE content_generation SET value = value + 1 WHERE id = 1;
END

-- trigger generation_versions_delete
CREATE TRIGGER generation_versions_delete AFTER DELETE ON versions BEGIN
    UPDATE content_generation SET value = value + 1 WHERE id = 1;
END

-- trigger generation_versions_insert
CREATE TRIGGER generation_versions_insert AFTER INSERT ON versions BEGIN
    UPDATE content_generation SET value = value + 1 WHERE id = 1;
END

-- trigger generation_versions_update
CREATE TRIGGER generation_versions_update AFTER UPDATE ON versions BEGIN
    UPDATE content_generation SET value = value + 1 WHERE id = 1;
END

-- trigger pictures_from_changed_articles
CREATE TRIGGER pictures_from_changed_articles AFTER UPDATE OF heropic ON articles
WHEN NEW.heropic LIKE 'http%' AND NEW.heropic IS NOT OLD.heropic BEGIN
    INSERT OR IGNORE INTO pictures (url, due_at, first_seen_at, updated_at)
    VALUES (NEW.heropic, NEW.updated_at, NEW.updated_at, NEW.updated_at);
END

-- trigger pictures_from_new_articles
CREATE TRIGGER pictures_from_new_articles AFTER INSERT ON articles WHEN NEW.heropic LIKE 'http%' BEGIN
    INSERT OR IGNORE INTO pictures (url, due_at, first_seen_at, updated_at)
    VALUES (NEW.heropic, NEW.updated_at, NEW.updated_at, NEW.updated_at);
END

-- trigger search_article_delete
CREATE TRIGGER search_article_delete BEFORE DELETE ON articles BEGIN
    DELETE FROM search_kk WHERE rowid = OLD.id;
DELETE FROM search_ru WHERE rowid = OLD.id;
DELETE FROM search_en WHERE rowid = OLD.id;
END

-- trigger search_en_version_after_update
CREATE TRIGGER search_en_version_after_update AFTER UPDATE OF title, body_html ON versions
WHEN NEW.lang = 'en' BEGIN
    INSERT INTO search_en (rowid, title, body, facets)
SELECT article_id, title, body, facets FROM search_en_content WHERE article_id = NEW.article_id;
    INSERT OR IGNORE INTO search_terms (lang, term)
SELECT 'en', value FROM json_each(enbekshi_new_terms('en'));
END

-- trigger search_en_version_before_update
CREATE TRIGGER search_en_version_before_update BEFORE UPDATE OF title, body_html ON versions
WHEN OLD.lang = 'en' BEGIN
    DELETE FROM search_en WHERE rowid = OLD.article_id;
END

-- trigger search_en_version_delete
CREATE TRIGGER search_en_version_delete BEFORE DELETE ON versions
WHEN OLD.lang = 'en' AND EXISTS (SELECT 1 FROM articles WHERE id = OLD.article_id) BEGIN
    DELETE FROM search_en WHERE rowid = OLD.article_id;
END

-- trigger search_en_version_insert
CREATE TRIGGER search_en_version_insert AFTER INSERT ON versions WHEN NEW.lang = 'en' BEGIN
    INSERT INTO search_en (rowid, title, body, facets)
SELECT article_id, title, body, facets FROM search_en_content WHERE article_id = NEW.article_id;
    INSERT OR IGNORE INTO search_terms (lang, term)
SELECT 'en', value FROM json_each(enbekshi_new_terms('en'));
END

-- trigger search_kk_version_after_update
CREATE TRIGGER search_kk_version_after_update AFTER UPDATE OF title, body_html ON versions
WHEN NEW.lang = 'kk' BEGIN
    INSERT INTO search_kk (rowid, title, body, facets)
SELECT article_id, title, body, facets FROM search_kk_content WHERE article_id = NEW.article_id;
    INSERT OR IGNORE INTO search_terms (lang, term)
SELECT 'kk', value FROM json_each(enbekshi_new_terms('kk'));
END

-- trigger search_kk_version_before_update
CREATE TRIGGER search_kk_version_before_update BEFORE UPDATE OF title, body_html ON versions
WHEN OLD.lang = 'kk' BEGIN
    DELETE FROM search_kk WHERE rowid = OLD.article_id;
END

-- trigger search_kk_version_delete
CREATE TRIGGER search_kk_version_delete BEFORE DELETE ON versions
WHEN OLD.lang = 'kk' AND EXISTS (SELECT 1 FROM articles WHERE id = OLD.article_id) BEGIN
    DELETE FROM search_kk WHERE rowid = OLD.article_id;
END

-- trigger search_kk_version_insert
CREATE TRIGGER search_kk_version_insert AFTER INSERT ON versions WHEN NEW.lang = 'kk' BEGIN
    INSERT INTO search_kk (rowid, title, body, facets)
SELECT article_id, title, body, facets FROM search_kk_content WHERE article_id = NEW.article_id;
    INSERT OR IGNORE INTO search_terms (lang, term)
SELECT 'kk', value FROM json_each(enbekshi_new_terms('kk'));
END

-- trigger search_ru_version_after_update
CREATE TRIGGER search_ru_version_after_update AFTER UPDATE OF title, body_html ON versions
WHEN NEW.lang = 'ru' BEGIN
    INSERT INTO search_ru (rowid, title, body, facets)
SELECT article_id, title, body, facets FROM search_ru_content WHERE article_id = NEW.article_id;
    INSERT OR IGNORE INTO search_terms (lang, term)
SELECT 'ru', value FROM json_each(enbekshi_new_terms('ru'));
END

-- trigger search_ru_version_before_update
CREATE TRIGGER search_ru_version_before_update BEFORE UPDATE OF title, body_html ON versions
WHEN OLD.lang = 'ru' BEGIN
    DELETE FROM search_ru WHERE rowid = OLD.article_id;
END

-- trigger search_ru_version_delete
CREATE TRIGGER search_ru_version_delete BEFORE DELETE ON versions
WHEN OLD.lang = 'ru' AND EXISTS (SELECT 1 FROM articles WHERE id = OLD.article_id) BEGIN
    DELETE FROM search_ru WHERE rowid = OLD.article_id;
END

-- trigger search_ru_version_insert
CREATE TRIGGER search_ru_version_insert AFTER INSERT ON versions WHEN NEW.lang = 'ru' BEGIN
    INSERT INTO search_ru (rowid, title, body, facets)
SELECT article_id, title, body, facets FROM search_ru_content WHERE article_id = NEW.article_id;
    INSERT OR IGNORE INTO search_terms (lang, term)
SELECT 'ru', value FROM json_each(enbekshi_new_terms('ru'));
END

-- trigger search_topics_after_delete
CREATE TRIGGER search_topics_after_delete AFTER DELETE ON article_topics
WHEN EXISTS (SELECT 1 FROM articles WHERE id = OLD.article_id) BEGIN
    INSERT INTO search_kk (rowid, title, body, facets)
SELECT article_id, title, body, facets FROM search_kk_content WHERE article_id = OLD.article_id;
INSERT INTO search_ru (rowid, title, body, facets)
SELECT article_id, title, body, facets FROM search_ru_content WHERE article_id = OLD.article_id;
INSERT INTO search_en (rowid, title, body, facets)
SELECT article_id, title, body, facets FROM search_en_content WHERE article_id = OLD.article_id;
END

-- trigger search_topics_after_insert
CREATE TRIGGER search_topics_after_insert AFTER INSERT ON article_topics BEGIN
    INSERT INTO search_kk (rowid, title, body, facets)
SELECT article_id, title, body, facets FROM search_kk_content WHERE article_id = NEW.article_id;
INSERT INTO search_ru (rowid, title, body, facets)
SELECT article_id, title, body, facets FROM search_ru_content WHERE article_id = NEW.article_id;
INSERT INTO search_en (rowid, title, body, facets)
SELECT article_id, title, body, facets FROM search_en_content WHERE article_id = NEW.article_id;
END

-- trigger search_topics_after_update
CREATE TRIGGER search_topics_after_update AFTER UPDATE OF section, region ON article_topics
WHEN OLD.section IS NOT NEW.section OR OLD.region IS NOT NEW.region BEGIN
    INSERT INTO search_kk (rowid, title, body, facets)
SELECT article_id, title, body, facets FROM search_kk_content WHERE article_id = NEW.article_id;
INSERT INTO search_ru (rowid, title, body, facets)
SELECT article_id, title, body, facets FROM search_ru_content WHERE article_id = NEW.article_id;
INSERT INTO search_en (rowid, title, body, facets)
SELECT article_id, title, body, facets FROM search_en_content WHERE article_id = NEW.article_id;
END

-- trigger search_topics_before_delete
CREATE TRIGGER search_topics_before_delete BEFORE DELETE ON article_topics
WHEN EXISTS (SELECT 1 FROM articles WHERE id = OLD.article_id) BEGIN
    DELETE FROM search_kk WHERE rowid = OLD.article_id;
DELETE FROM search_ru WHERE rowid = OLD.article_id;
DELETE FROM search_en WHERE rowid = OLD.article_id;
END

-- trigger search_topics_before_insert
CREATE TRIGGER search_topics_before_insert BEFORE INSERT ON article_topics
WHEN NOT EXISTS (SELECT 1 FROM article_topics WHERE article_id = NEW.article_id) BEGIN
    DELETE FROM search_kk WHERE rowid = NEW.article_id;
DELETE FROM search_ru WHERE rowid = NEW.article_id;
DELETE FROM search_en WHERE rowid = NEW.article_id;
END

-- trigger search_topics_before_update
CREATE TRIGGER search_topics_before_update BEFORE UPDATE OF section, region ON article_topics
WHEN OLD.section IS NOT NEW.section OR OLD.region IS NOT NEW.region BEGIN
    DELETE FROM search_kk WHERE rowid = OLD.article_id;
DELETE FROM search_ru WHERE rowid = OLD.article_id;
DELETE FROM search_en WHERE rowid = OLD.article_id;
END

-- trigger topic_changes_region
CREATE TRIGGER topic_changes_region AFTER UPDATE OF region ON article_topics
WHEN OLD.region IS NOT NEW.region AND NOT EXISTS (SELECT 1 FROM article_corrections c
    WHERE c.article_id = NEW.article_id AND c.field = 'region') BEGIN
    INSERT INTO topic_changes (article_id, field, before, after, changed_at)
    VALUES (NEW.article_id, 'region', OLD.region, NEW.region, strftime('%Y-%m-%dT%H:%M:%fZ', 'now'));
END

-- trigger topic_changes_section
CREATE TRIGGER topic_changes_section AFTER UPDATE OF section ON article_topics
WHEN OLD.section IS NOT NEW.section AND NOT EXISTS (SELECT 1 FROM article_corrections c
    WHERE c.article_id = NEW.article_id AND c.field = 'section') BEGIN
    INSERT INTO topic_changes (article_id, field, before, after, changed_at)
    VALUES (NEW.article_id, 'section', OLD.section, NEW.section, strftime('%Y-%m-%dT%H:%M:%fZ', 'now'));
END

-- view corrected_sources
CREATE VIEW corrected_sources AS SELECT s.slug, s.enabled, s.added_at,
    COALESCE((SELECT value FROM source_corrections c WHERE c.slug = s.slug AND c.field = 'kind'), s.kind) AS kind,
    CASE WHEN EXISTS (SELECT 1 FROM source_corrections c WHERE c.slug = s.slug AND c.field = 'region')
    THEN (SELECT NULLIF(value, '') FROM source_corrections c WHERE c.slug = s.slug AND c.field = 'region') ELSE s.region END AS region,
    COALESCE((SELECT value FROM source_corrections c WHERE c.slug = s.slug AND c.field = 'name_kk'), s.name_kk) AS name_kk,
    COALESCE((SELECT value FROM source_corrections c WHERE c.slug = s.slug AND c.field = 'name_ru'), s.name_ru) AS name_ru,
    COALESCE((SELECT value FROM source_corrections c WHERE c.slug = s.slug AND c.field = 'name_en'), s.name_en) AS name_en,
    (SELECT value FROM source_corrections c WHERE c.slug = s.slug AND c.field = 'parent') AS parent
    FROM sources s

-- view search_en_content
CREATE VIEW search_en_content AS
    SELECT v.article_id, v.title, enbekshi_plain(v.body_html) AS body,
           enbekshi_facets(a.project, t.section, t.region) AS facets
    FROM versions v
    LEFT JOIN articles a ON a.id = v.article_id
    LEFT JOIN article_topics t ON t.article_id = v.article_id
    WHERE v.lang = 'en'

-- view search_kk_content
CREATE VIEW search_kk_content AS
    SELECT v.article_id, v.title, enbekshi_plain(v.body_html) AS body,
           enbekshi_facets(a.project, t.section, t.region) AS facets
    FROM versions v
    LEFT JOIN articles a ON a.id = v.article_id
    LEFT JOIN article_topics t ON t.article_id = v.article_id
    WHERE v.lang = 'kk'

-- view search_ru_content
CREATE VIEW search_ru_content AS
    SELECT v.article_id, v.title, enbekshi_plain(v.body_html) AS body,
           enbekshi_facets(a.project, t.section, t.region) AS facets
    FROM versions v
    LEFT JOIN articles a ON a.id = v.article_id
    LEFT JOIN article_topics t ON t.article_id = v.article_id
    WHERE v.lang = 'ru'
