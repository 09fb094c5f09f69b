import GRDB

extension SQLiteStore {
    /// Schema migrations, applied in order on every start. Plain SQL kept close to what PostgreSQL
    /// accepts, so the PostgreSQL store can mirror it.
    static var migrator: DatabaseMigrator {
        var migrator = DatabaseMigrator()
        migrator.registerMigration("v1: sources, articles, versions, history, harvest state") { db in
            try db.execute(
                sql: """
                    CREATE TABLE sources (
                        slug TEXT PRIMARY KEY,
                        kind TEXT NOT NULL,
                        region TEXT,
                        name_kk TEXT,
                        name_ru TEXT,
                        name_en TEXT,
                        enabled INTEGER NOT NULL DEFAULT 1,
                        added_at TEXT NOT NULL
                    );
                    CREATE TABLE articles (
                        id INTEGER PRIMARY KEY AUTOINCREMENT,
                        project TEXT NOT NULL,
                        govkz_id TEXT NOT NULL,
                        published_local TEXT NOT NULL,
                        has_time INTEGER NOT NULL DEFAULT 0,
                        heropic TEXT,
                        listed INTEGER NOT NULL DEFAULT 0,
                        first_seen_at TEXT NOT NULL,
                        updated_at TEXT NOT NULL,
                        UNIQUE (project, govkz_id)
                    );
                    CREATE INDEX articles_listing ON articles (listed, published_local DESC, id DESC);
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
                        raw_json TEXT,
                        PRIMARY KEY (article_id, lang)
                    );
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
                    );
                    CREATE INDEX version_history_by_version ON version_history (article_id, lang);
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
                    );
                    """)
        }
        migrator.registerMigration("v2: quality flags; what each request returned") { db in
            // Versions are stored under the language their text is in; `fetches` remembers what
            // gov.kz answered to each (project, id, requested language), so incremental passes can
            // tell an unchanged answer even when it was stored under another language.
            try db.execute(
                sql: """
                    ALTER TABLE versions ADD COLUMN flags TEXT NOT NULL DEFAULT '';
                    CREATE TABLE fetches (
                        project TEXT NOT NULL,
                        govkz_id TEXT NOT NULL,
                        requested_lang TEXT NOT NULL,
                        content_hash TEXT NOT NULL,
                        stored_lang TEXT NOT NULL,
                        fetched_at TEXT NOT NULL,
                        PRIMARY KEY (project, govkz_id, requested_lang)
                    );
                    INSERT INTO fetches (project, govkz_id, requested_lang, content_hash, stored_lang, fetched_at)
                    SELECT a.project, a.govkz_id, v.lang, v.content_hash, v.lang, v.fetched_at
                    FROM versions v JOIN articles a ON a.id = v.article_id;
                    """)
        }
        migrator.registerMigration("v3: machine translation, its queue and cache") { db in
            try db.execute(
                sql: """
                    ALTER TABLE versions ADD COLUMN mt_engine TEXT;
                    ALTER TABLE versions ADD COLUMN mt_model TEXT;
                    ALTER TABLE versions ADD COLUMN mt_at TEXT;
                    ALTER TABLE versions ADD COLUMN mt_source_lang TEXT;
                    CREATE TABLE translation_jobs (
                        id INTEGER PRIMARY KEY AUTOINCREMENT,
                        article_id INTEGER NOT NULL REFERENCES articles (id) ON DELETE CASCADE,
                        source_lang TEXT NOT NULL,
                        target_lang TEXT NOT NULL,
                        state TEXT NOT NULL DEFAULT 'pending',
                        attempts INTEGER NOT NULL DEFAULT 0,
                        last_error TEXT,
                        next_attempt_at TEXT NOT NULL,
                        created_at TEXT NOT NULL,
                        UNIQUE (article_id, target_lang)
                    );
                    CREATE INDEX translation_jobs_due ON translation_jobs (state, next_attempt_at);
                    CREATE TABLE translation_cache (
                        source_hash TEXT NOT NULL,
                        source_lang TEXT NOT NULL,
                        target_lang TEXT NOT NULL,
                        engine TEXT NOT NULL,
                        text TEXT NOT NULL,
                        created_at TEXT NOT NULL,
                        PRIMARY KEY (source_hash, source_lang, target_lang, engine)
                    );
                    """)
        }
        migrator.registerMigration("v4: sections and regions") { db in
            try db.execute(
                sql: """
                    CREATE TABLE article_topics (
                        article_id INTEGER PRIMARY KEY REFERENCES articles (id) ON DELETE CASCADE,
                        section TEXT NOT NULL,
                        secondary TEXT NOT NULL DEFAULT '',
                        section_score REAL NOT NULL DEFAULT 0,
                        section_reason TEXT NOT NULL DEFAULT '',
                        region TEXT NOT NULL,
                        region_place TEXT,
                        region_reason TEXT NOT NULL DEFAULT ''
                    );
                    CREATE INDEX article_topics_section ON article_topics (section);
                    CREATE INDEX article_topics_region ON article_topics (region);
                    CREATE INDEX articles_by_project ON articles (project, listed, published_local DESC, id DESC);
                    """)
        }
        migrator.registerMigration("v5: stories") { db in
            // An article's story is the id of the first article of it; the leader has its own id.
            try db.execute(
                sql: """
                    ALTER TABLE articles ADD COLUMN story_id INTEGER;
                    CREATE INDEX articles_story ON articles (story_id);
                    CREATE TABLE story_fingerprints (
                        article_id INTEGER NOT NULL REFERENCES articles (id) ON DELETE CASCADE,
                        lang TEXT NOT NULL,
                        published_day TEXT NOT NULL,
                        signature TEXT NOT NULL,
                        tokens TEXT NOT NULL,
                        PRIMARY KEY (article_id, lang)
                    );
                    CREATE INDEX story_fingerprints_by_day ON story_fingerprints (lang, published_day);
                    """)
        }
        migrator.registerMigration("v6: related stories") { db in
            try db.execute(
                sql: """
                    ALTER TABLE story_fingerprints ADD COLUMN topic TEXT NOT NULL DEFAULT '';
                    CREATE TABLE related_articles (
                        article_id INTEGER NOT NULL REFERENCES articles (id) ON DELETE CASCADE,
                        related_id INTEGER NOT NULL REFERENCES articles (id) ON DELETE CASCADE,
                        score REAL NOT NULL,
                        PRIMARY KEY (article_id, related_id)
                    );
                    """)
        }
        migrator.registerMigration("v7: full-text search") { _ in
            // Superseded by v9, which drops whatever v7 made and builds the tables as they are now.
        }
        migrator.registerMigration("v8: content generation for the page cache") { db in
            // Any change a page can show bumps one number; the site's page cache compares it per request.
            try db.execute(
                sql: """
                    CREATE TABLE content_generation (id INTEGER PRIMARY KEY CHECK (id = 1), value INTEGER NOT NULL);
                    INSERT INTO content_generation (id, value) VALUES (1, 0);
                    CREATE TRIGGER generation_versions_insert AFTER INSERT ON versions BEGIN
                        UPDATE content_generation SET value = value + 1 WHERE id = 1;
                    END;
                    CREATE TRIGGER generation_versions_update AFTER UPDATE ON versions BEGIN
                        UPDATE content_generation SET value = value + 1 WHERE id = 1;
                    END;
                    CREATE TRIGGER generation_versions_delete AFTER DELETE ON versions BEGIN
                        UPDATE content_generation SET value = value + 1 WHERE id = 1;
                    END;
                    CREATE TRIGGER generation_articles_insert AFTER INSERT ON articles BEGIN
                        UPDATE content_generation SET value = value + 1 WHERE id = 1;
                    END;
                    CREATE TRIGGER generation_articles_update AFTER UPDATE ON articles BEGIN
                        UPDATE content_generation SET value = value + 1 WHERE id = 1;
                    END;
                    CREATE TRIGGER generation_articles_delete AFTER DELETE ON articles BEGIN
                        UPDATE content_generation SET value = value + 1 WHERE id = 1;
                    END;
                    CREATE TRIGGER generation_article_topics_insert AFTER INSERT ON article_topics BEGIN
                        UPDATE content_generation SET value = value + 1 WHERE id = 1;
                    END;
                    CREATE TRIGGER generation_article_topics_update AFTER UPDATE ON article_topics BEGIN
                        UPDATE content_generation SET value = value + 1 WHERE id = 1;
                    END;
                    CREATE TRIGGER generation_related_articles_insert AFTER INSERT ON related_articles BEGIN
                        UPDATE content_generation SET value = value + 1 WHERE id = 1;
                    END;
                    CREATE TRIGGER generation_sources_update AFTER UPDATE ON sources BEGIN
                        UPDATE content_generation SET value = value + 1 WHERE id = 1;
                    END;
                    CREATE TRIGGER generation_harvest_state_insert AFTER INSERT ON harvest_state BEGIN
                        UPDATE content_generation SET value = value + 1 WHERE id = 1;
                    END;
                    CREATE TRIGGER generation_harvest_state_update AFTER UPDATE ON harvest_state BEGIN
                        UPDATE content_generation SET value = value + 1 WHERE id = 1;
                    END;
                    """)
        }
        migrator.registerMigration("v9: search tables with filter tokens; day to article-id ranges") { db in
            // Its search tables are superseded by v10's, which drops them; the day ranges stay.
            try db.execute(sql: SQLiteSearchSteps.v9)
        }
        migrator.registerMigration("v10: index-only search tables over views; bodies deflated") { db in
            // Bodies written from now on are deflated (`PackedText`); older TEXT rows read as they are.
            try db.execute(sql: SQLiteSearchSteps.v10)
        }
        migrator.registerMigration("v11: index forms for prefix search") { db in
            try db.execute(sql: SQLiteSearchSteps.v11)
        }
        migrator.registerMigration("v12: texts owed their story links") { db in
            // Filled in the transaction that saves a batch, emptied in the one that links it.
            try db.execute(
                sql: """
                    CREATE TABLE story_pending (
                        article_id INTEGER NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
                        lang TEXT NOT NULL,
                        PRIMARY KEY (article_id, lang)
                    ) WITHOUT ROWID
                    """)
        }
        migrator.registerMigration("v13: glosses of foreign runs") { db in
            // A new gloss changes the pages that show its run: it bumps the page cache's generation.
            try db.execute(
                sql: """
                    CREATE TABLE glosses (
                        run TEXT NOT NULL,
                        target_lang TEXT NOT NULL,
                        source_lang TEXT NOT NULL,
                        text TEXT NOT NULL,
                        engine TEXT NOT NULL,
                        created_at TEXT NOT NULL,
                        PRIMARY KEY (run, target_lang)
                    ) WITHOUT ROWID;
                    CREATE TRIGGER generation_glosses_insert AFTER INSERT ON glosses BEGIN
                        UPDATE content_generation SET value = value + 1 WHERE id = 1;
                    END;
                    CREATE TRIGGER generation_glosses_update AFTER UPDATE ON glosses BEGIN
                        UPDATE content_generation SET value = value + 1 WHERE id = 1;
                    END;
                    """)
        }
        migrator.registerMigration("v14: the newsroom's accounts, sessions and audit trail") { db in
            // Sessions keep the SHA-256 of their cookie's secret, never the secret. The audit trail
            // refuses changes and deletions: it is appended to, nothing else.
            try db.execute(
                sql: """
                    CREATE TABLE editors (
                        id INTEGER PRIMARY KEY,
                        login TEXT NOT NULL UNIQUE,
                        display_name TEXT NOT NULL,
                        role TEXT NOT NULL,
                        password_hash TEXT NOT NULL,
                        disabled INTEGER NOT NULL DEFAULT 0,
                        created_at TEXT NOT NULL
                    );
                    CREATE TABLE editor_sessions (
                        id TEXT PRIMARY KEY,
                        editor_id INTEGER NOT NULL REFERENCES editors(id) ON DELETE CASCADE,
                        csrf_token TEXT NOT NULL,
                        created_at TEXT NOT NULL,
                        last_seen_at TEXT NOT NULL,
                        address TEXT,
                        user_agent TEXT
                    ) WITHOUT ROWID;
                    CREATE INDEX editor_sessions_editor ON editor_sessions (editor_id);
                    CREATE TABLE audit_log (
                        id INTEGER PRIMARY KEY AUTOINCREMENT,
                        at TEXT NOT NULL,
                        actor TEXT NOT NULL,
                        action TEXT NOT NULL,
                        target TEXT NOT NULL,
                        before_value TEXT,
                        after_value TEXT,
                        address TEXT
                    );
                    CREATE INDEX audit_log_actor ON audit_log (actor, id);
                    CREATE INDEX audit_log_target ON audit_log (target, id);
                    CREATE TRIGGER audit_log_no_update BEFORE UPDATE ON audit_log BEGIN
                        SELECT RAISE(ABORT, 'the audit trail is append-only');
                    END;
                    CREATE TRIGGER audit_log_no_delete BEFORE DELETE ON audit_log BEGIN
                        SELECT RAISE(ABORT, 'the audit trail is append-only');
                    END;
                    """)
        }
        migrator.registerMigration("v15: articles hidden and corrected by the newsroom") { db in
            // A hidden article is never listed: the saves that set `listed` look here first. A
            // correction is put back over every later automatic write; `lang` is '' for the whole article.
            try db.execute(
                sql: """
                    CREATE TABLE hidden_articles (
                        article_id INTEGER PRIMARY KEY REFERENCES articles(id) ON DELETE CASCADE,
                        reason TEXT NOT NULL,
                        actor TEXT NOT NULL,
                        hidden_at TEXT NOT NULL
                    );
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
                    ) WITHOUT ROWID;
                    """)
        }
        migrator.registerMigration("v16: versions an editor approved as they stand") { db in
            // An approval holds for the text it saw: a change at the source brings the version back.
            try db.execute(
                sql: """
                    CREATE TABLE reviewed_versions (
                        article_id INTEGER NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
                        lang TEXT NOT NULL,
                        content_hash TEXT NOT NULL,
                        actor TEXT NOT NULL,
                        reviewed_at TEXT NOT NULL,
                        PRIMARY KEY (article_id, lang)
                    ) WITHOUT ROWID
                    """)
        }
        migrator.registerMigration("v17: the newsroom's own articles") { db in
            // `editions` is JSON keyed by language: what the editors typed, published through ingest.
            try db.execute(
                sql: """
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
                    );
                    CREATE INDEX newsroom_articles_status ON newsroom_articles (status, publish_at);
                    CREATE INDEX newsroom_articles_article ON newsroom_articles (article_id);
                    """)
        }
        migrator.registerMigration("v18: the newsroom's story decisions") { db in
            // kind 'apart': never the same story as other_id (stored both ways); 'placed': the
            // newsroom set its story (other_id 0).
            try db.execute(
                sql: """
                    CREATE TABLE story_decisions (
                        article_id INTEGER NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
                        other_id INTEGER NOT NULL,
                        kind TEXT NOT NULL,
                        PRIMARY KEY (article_id, kind, other_id)
                    ) WITHOUT ROWID
                    """)
        }
        migrator.registerMigration("v19: the review queue's uncertain topics, reviewed sources, source corrections, sign-in codes") { db in
            // Margins of articles classified before this are unknown: 1 (clear) until reclassified.
            try db.execute(
                sql: """
                    ALTER TABLE editors ADD COLUMN totp_secret TEXT;
                    ALTER TABLE editors ADD COLUMN totp_last_step INTEGER;
                    ALTER TABLE article_topics ADD COLUMN section_margin REAL NOT NULL DEFAULT 1;
                    ALTER TABLE article_topics ADD COLUMN region_margin REAL NOT NULL DEFAULT 1;
                    CREATE TABLE reviewed_topics (
                        article_id INTEGER PRIMARY KEY REFERENCES articles (id) ON DELETE CASCADE,
                        section TEXT NOT NULL,
                        region TEXT NOT NULL,
                        actor TEXT NOT NULL,
                        reviewed_at TEXT NOT NULL
                    );
                    CREATE TABLE reviewed_sources (
                        slug TEXT PRIMARY KEY,
                        actor TEXT NOT NULL,
                        reviewed_at TEXT NOT NULL
                    );
                    CREATE TABLE source_corrections (
                        slug TEXT NOT NULL,
                        field TEXT NOT NULL,
                        value TEXT NOT NULL,
                        replaced TEXT,
                        actor TEXT NOT NULL,
                        reason TEXT NOT NULL,
                        corrected_at TEXT NOT NULL,
                        PRIMARY KEY (slug, field)
                    ) WITHOUT ROWID;
                    -- What the catalog says, with the newsroom's corrections over it: the seed keeps
                    -- writing the catalog's values, and every read goes through this.
                    CREATE VIEW corrected_sources AS SELECT s.slug, s.enabled, s.added_at,
                        COALESCE((SELECT value FROM source_corrections c WHERE c.slug = s.slug AND c.field = 'kind'), s.kind) AS kind,
                        CASE WHEN EXISTS (SELECT 1 FROM source_corrections c WHERE c.slug = s.slug AND c.field = 'region')
                        THEN (SELECT NULLIF(value, '') FROM source_corrections c WHERE c.slug = s.slug AND c.field = 'region') ELSE s.region END AS region,
                        COALESCE((SELECT value FROM source_corrections c WHERE c.slug = s.slug AND c.field = 'name_kk'), s.name_kk) AS name_kk,
                        COALESCE((SELECT value FROM source_corrections c WHERE c.slug = s.slug AND c.field = 'name_ru'), s.name_ru) AS name_ru,
                        COALESCE((SELECT value FROM source_corrections c WHERE c.slug = s.slug AND c.field = 'name_en'), s.name_en) AS name_en,
                        (SELECT value FROM source_corrections c WHERE c.slug = s.slug AND c.field = 'parent') AS parent
                        FROM sources s;
                    CREATE INDEX related_articles_by_score ON related_articles (score);
                    -- What the machines changed in an article's filing, for its history; a field the newsroom
                    -- corrected is the newsroom's (its corrections have their own record).
                    CREATE TABLE topic_changes (
                        id INTEGER PRIMARY KEY AUTOINCREMENT,
                        article_id INTEGER NOT NULL REFERENCES articles (id) ON DELETE CASCADE,
                        field TEXT NOT NULL,
                        before TEXT NOT NULL,
                        after TEXT NOT NULL,
                        changed_at TEXT NOT NULL
                    );
                    CREATE INDEX topic_changes_by_article ON topic_changes (article_id);
                    CREATE TRIGGER topic_changes_section AFTER UPDATE OF section ON article_topics
                    WHEN OLD.section IS NOT NEW.section AND NOT EXISTS (SELECT 1 FROM article_corrections c
                        WHERE c.article_id = NEW.article_id AND c.field = 'section') BEGIN
                        INSERT INTO topic_changes (article_id, field, before, after, changed_at)
                        VALUES (NEW.article_id, 'section', OLD.section, NEW.section, strftime('%Y-%m-%dT%H:%M:%fZ', 'now'));
                    END;
                    CREATE TRIGGER topic_changes_region AFTER UPDATE OF region ON article_topics
                    WHEN OLD.region IS NOT NEW.region AND NOT EXISTS (SELECT 1 FROM article_corrections c
                        WHERE c.article_id = NEW.article_id AND c.field = 'region') BEGIN
                        INSERT INTO topic_changes (article_id, field, before, after, changed_at)
                        VALUES (NEW.article_id, 'region', OLD.region, NEW.region, strftime('%Y-%m-%dT%H:%M:%fZ', 'now'));
                    END;
                    CREATE TRIGGER generation_source_corrections_insert AFTER INSERT ON source_corrections BEGIN
                        UPDATE content_generation SET value = value + 1 WHERE id = 1;
                    END;
                    CREATE TRIGGER generation_source_corrections_update AFTER UPDATE ON source_corrections BEGIN
                        UPDATE content_generation SET value = value + 1 WHERE id = 1;
                    END;
                    CREATE TRIGGER generation_source_corrections_delete AFTER DELETE ON source_corrections BEGIN
                        UPDATE content_generation SET value = value + 1 WHERE id = 1;
                    END;
                    """)
        }
        migrator.registerMigration("v20: leases, the shared request budget, harvest figures") { db in
            // A lease names one piece of work (a feed "feed/SOURCE/LANG", the leader "leader"); its
            // epoch grows with each claim and fences every write made under it.
            try db.execute(
                sql: """
                    CREATE TABLE leases (
                        name TEXT PRIMARY KEY,
                        source TEXT,
                        lang TEXT,
                        owner TEXT,
                        epoch INTEGER NOT NULL DEFAULT 0,
                        expires_at TEXT,
                        due_at TEXT
                    ) WITHOUT ROWID;
                    CREATE INDEX leases_feeds_due ON leases (due_at) WHERE source IS NOT NULL;
                    CREATE TABLE request_budget (
                        name TEXT PRIMARY KEY,
                        next_at TEXT NOT NULL
                    ) WITHOUT ROWID;
                    ALTER TABLE translation_jobs ADD COLUMN lease_owner TEXT;
                    ALTER TABLE translation_jobs ADD COLUMN lease_epoch INTEGER NOT NULL DEFAULT 0;
                    ALTER TABLE translation_jobs ADD COLUMN lease_expires_at TEXT;
                    -- One row per feed and hour: what the workers did, for the operator's view.
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
                    ) WITHOUT ROWID;
                    """)
        }
        migrator.registerMigration("v21: samples of the translation backlog, the review queue and the feeds failing") { db in
            try db.execute(
                sql: """
                    CREATE TABLE queue_samples (
                        at TEXT PRIMARY KEY,
                        translation_pending INTEGER NOT NULL,
                        translation_failed INTEGER NOT NULL,
                        oldest_job_seconds REAL NOT NULL,
                        review_items INTEGER NOT NULL,
                        feeds_failing INTEGER NOT NULL
                    ) WITHOUT ROWID;
                    """)
        }
        migrator.registerMigration("v22: views of article pages per day") { db in
            try db.execute(
                sql: """
                    CREATE TABLE article_views (
                        article_id INTEGER NOT NULL REFERENCES articles (id) ON DELETE CASCADE,
                        day TEXT NOT NULL,
                        views INTEGER NOT NULL,
                        PRIMARY KEY (article_id, day)
                    ) WITHOUT ROWID;
                    CREATE INDEX article_views_day ON article_views (day);
                    """)
        }
        migrator.registerMigration("v23: pictures, queued from articles' lead pictures, and their stored sizes") { db in
            try db.execute(
                sql: """
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
                    ) WITHOUT ROWID;
                    CREATE INDEX pictures_pending ON pictures (first_seen_at) WHERE state = 'pending';
                    CREATE TABLE picture_files (
                        hash TEXT NOT NULL,
                        name TEXT NOT NULL,
                        content_type TEXT NOT NULL,
                        bytes BLOB NOT NULL,
                        UNIQUE (hash, name)
                    );
                    INSERT OR IGNORE INTO pictures (url, due_at, first_seen_at, updated_at)
                        SELECT heropic, first_seen_at, first_seen_at, first_seen_at FROM articles WHERE heropic LIKE 'http%';
                    CREATE TRIGGER pictures_from_new_articles AFTER INSERT ON articles WHEN NEW.heropic LIKE 'http%' BEGIN
                        INSERT OR IGNORE INTO pictures (url, due_at, first_seen_at, updated_at)
                        VALUES (NEW.heropic, NEW.updated_at, NEW.updated_at, NEW.updated_at);
                    END;
                    CREATE TRIGGER pictures_from_changed_articles AFTER UPDATE OF heropic ON articles
                    WHEN NEW.heropic LIKE 'http%' AND NEW.heropic IS NOT OLD.heropic BEGIN
                        INSERT OR IGNORE INTO pictures (url, due_at, first_seen_at, updated_at)
                        VALUES (NEW.heropic, NEW.updated_at, NEW.updated_at, NEW.updated_at);
                    END;
                    CREATE TRIGGER generation_pictures_ready AFTER UPDATE OF state ON pictures
                    WHEN NEW.state = 'ready' AND OLD.state IS NOT 'ready' BEGIN
                        UPDATE content_generation SET value = value + 1 WHERE id = 1;
                    END;
                    """)
        }
        return migrator
    }
}
