/// The SQL of the migration steps that build the search index, written out as it was when each step
/// was made. A step never calls code that may change later, so a new database and an upgraded one get
/// the same schema; a change to the search tables is a new step, not an edit here.
enum SQLiteSearchSteps {
    /// v9: each day's range of article ids, kept by triggers on `articles` (a date filter becomes a
    /// row-id range).
    static let v9 = """
        CREATE TABLE IF NOT EXISTS article_days (
            day TEXT PRIMARY KEY,
            first_id INTEGER NOT NULL,
            last_id INTEGER NOT NULL
        ) WITHOUT ROWID;
        INSERT INTO article_days (day, first_id, last_id)
            SELECT substr(published_local, 1, 10), min(id), max(id) FROM articles GROUP BY 1
            ON CONFLICT (day) DO UPDATE SET first_id = min(first_id, excluded.first_id),
            last_id = max(last_id, excluded.last_id);
        CREATE TRIGGER IF NOT EXISTS article_days_insert AFTER INSERT ON articles BEGIN
            INSERT INTO article_days (day, first_id, last_id) VALUES (substr(NEW.published_local, 1, 10), NEW.id, NEW.id)
            ON CONFLICT (day) DO UPDATE SET first_id = min(first_id, excluded.first_id), last_id = max(last_id, excluded.last_id);
        END;
        CREATE TRIGGER IF NOT EXISTS article_days_update AFTER UPDATE OF published_local ON articles BEGIN
            INSERT INTO article_days (day, first_id, last_id) VALUES (substr(NEW.published_local, 1, 10), NEW.id, NEW.id)
            ON CONFLICT (day) DO UPDATE SET first_id = min(first_id, excluded.first_id), last_id = max(last_id, excluded.last_id);
        END;
        """

    /// v10: index-only FTS5 tables over views, replacing v9's tables that held their own copy of the
    /// text; indexes every stored version. Deleting an article removes its rows while the view still
    /// shows them; a classification upsert unindexes only when no row exists (else the UPDATE
    /// triggers do it), so each row leaves the index exactly once.
    static let v10 = """
        DROP TRIGGER IF EXISTS search_kk_insert;
        DROP TRIGGER IF EXISTS search_kk_update;
        DROP TRIGGER IF EXISTS search_kk_delete;
        DROP TABLE IF EXISTS search_kk;
        DROP VIEW IF EXISTS search_kk_content;
        CREATE VIEW search_kk_content AS
            SELECT v.article_id, v.title, enbekshi_plain(v.body_html) AS body,
                   enbekshi_facets(a.project, t.section, t.region) AS facets
            FROM versions v
            LEFT JOIN articles a ON a.id = v.article_id
            LEFT JOIN article_topics t ON t.article_id = v.article_id
            WHERE v.lang = 'kk';
        CREATE VIRTUAL TABLE search_kk USING fts5(
            title, body, facets, content = 'search_kk_content', content_rowid = 'article_id',
            tokenize = 'enbekshi kk');
        INSERT INTO search_kk (search_kk) VALUES ('rebuild');
        CREATE TRIGGER search_kk_version_before_update BEFORE UPDATE OF title, body_html ON versions
        WHEN OLD.lang = 'kk' BEGIN
            DELETE FROM search_kk WHERE rowid = OLD.article_id;
        END;
        CREATE TRIGGER search_kk_version_delete BEFORE DELETE ON versions
        WHEN OLD.lang = 'kk' AND EXISTS (SELECT 1 FROM articles WHERE id = OLD.article_id) BEGIN
            DELETE FROM search_kk WHERE rowid = OLD.article_id;
        END;
        DROP TRIGGER IF EXISTS search_ru_insert;
        DROP TRIGGER IF EXISTS search_ru_update;
        DROP TRIGGER IF EXISTS search_ru_delete;
        DROP TABLE IF EXISTS search_ru;
        DROP VIEW IF EXISTS search_ru_content;
        CREATE VIEW search_ru_content AS
            SELECT v.article_id, v.title, enbekshi_plain(v.body_html) AS body,
                   enbekshi_facets(a.project, t.section, t.region) AS facets
            FROM versions v
            LEFT JOIN articles a ON a.id = v.article_id
            LEFT JOIN article_topics t ON t.article_id = v.article_id
            WHERE v.lang = 'ru';
        CREATE VIRTUAL TABLE search_ru USING fts5(
            title, body, facets, content = 'search_ru_content', content_rowid = 'article_id',
            tokenize = 'enbekshi ru');
        INSERT INTO search_ru (search_ru) VALUES ('rebuild');
        CREATE TRIGGER search_ru_version_before_update BEFORE UPDATE OF title, body_html ON versions
        WHEN OLD.lang = 'ru' BEGIN
            DELETE FROM search_ru WHERE rowid = OLD.article_id;
        END;
        CREATE TRIGGER search_ru_version_delete BEFORE DELETE ON versions
        WHEN OLD.lang = 'ru' AND EXISTS (SELECT 1 FROM articles WHERE id = OLD.article_id) BEGIN
            DELETE FROM search_ru WHERE rowid = OLD.article_id;
        END;
        DROP TRIGGER IF EXISTS search_en_insert;
        DROP TRIGGER IF EXISTS search_en_update;
        DROP TRIGGER IF EXISTS search_en_delete;
        DROP TABLE IF EXISTS search_en;
        DROP VIEW IF EXISTS search_en_content;
        CREATE VIEW search_en_content AS
            SELECT v.article_id, v.title, enbekshi_plain(v.body_html) AS body,
                   enbekshi_facets(a.project, t.section, t.region) AS facets
            FROM versions v
            LEFT JOIN articles a ON a.id = v.article_id
            LEFT JOIN article_topics t ON t.article_id = v.article_id
            WHERE v.lang = 'en';
        CREATE VIRTUAL TABLE search_en USING fts5(
            title, body, facets, content = 'search_en_content', content_rowid = 'article_id',
            tokenize = 'enbekshi en');
        INSERT INTO search_en (search_en) VALUES ('rebuild');
        CREATE TRIGGER search_en_version_before_update BEFORE UPDATE OF title, body_html ON versions
        WHEN OLD.lang = 'en' BEGIN
            DELETE FROM search_en WHERE rowid = OLD.article_id;
        END;
        CREATE TRIGGER search_en_version_delete BEFORE DELETE ON versions
        WHEN OLD.lang = 'en' AND EXISTS (SELECT 1 FROM articles WHERE id = OLD.article_id) BEGIN
            DELETE FROM search_en WHERE rowid = OLD.article_id;
        END;
        DROP TRIGGER IF EXISTS search_facets_topics_insert;
        DROP TRIGGER IF EXISTS search_facets_topics_update;
        CREATE TRIGGER search_topics_before_insert BEFORE INSERT ON article_topics
        WHEN NOT EXISTS (SELECT 1 FROM article_topics WHERE article_id = NEW.article_id) BEGIN
            DELETE FROM search_kk WHERE rowid = NEW.article_id;
        DELETE FROM search_ru WHERE rowid = NEW.article_id;
        DELETE FROM search_en WHERE rowid = NEW.article_id;
        END;
        CREATE TRIGGER search_topics_after_insert AFTER INSERT ON article_topics BEGIN
            INSERT INTO search_kk (rowid, title, body, facets)
        SELECT article_id, title, body, facets FROM search_kk_content WHERE article_id = NEW.article_id;
        INSERT INTO search_ru (rowid, title, body, facets)
        SELECT article_id, title, body, facets FROM search_ru_content WHERE article_id = NEW.article_id;
        INSERT INTO search_en (rowid, title, body, facets)
        SELECT article_id, title, body, facets FROM search_en_content WHERE article_id = NEW.article_id;
        END;
        CREATE TRIGGER search_topics_before_update BEFORE UPDATE OF section, region ON article_topics
        WHEN OLD.section IS NOT NEW.section OR OLD.region IS NOT NEW.region BEGIN
            DELETE FROM search_kk WHERE rowid = OLD.article_id;
        DELETE FROM search_ru WHERE rowid = OLD.article_id;
        DELETE FROM search_en WHERE rowid = OLD.article_id;
        END;
        CREATE TRIGGER search_topics_after_update AFTER UPDATE OF section, region ON article_topics
        WHEN OLD.section IS NOT NEW.section OR OLD.region IS NOT NEW.region BEGIN
            INSERT INTO search_kk (rowid, title, body, facets)
        SELECT article_id, title, body, facets FROM search_kk_content WHERE article_id = NEW.article_id;
        INSERT INTO search_ru (rowid, title, body, facets)
        SELECT article_id, title, body, facets FROM search_ru_content WHERE article_id = NEW.article_id;
        INSERT INTO search_en (rowid, title, body, facets)
        SELECT article_id, title, body, facets FROM search_en_content WHERE article_id = NEW.article_id;
        END;
        CREATE TRIGGER search_topics_before_delete BEFORE DELETE ON article_topics
        WHEN EXISTS (SELECT 1 FROM articles WHERE id = OLD.article_id) BEGIN
            DELETE FROM search_kk WHERE rowid = OLD.article_id;
        DELETE FROM search_ru WHERE rowid = OLD.article_id;
        DELETE FROM search_en WHERE rowid = OLD.article_id;
        END;
        CREATE TRIGGER search_topics_after_delete AFTER DELETE ON article_topics
        WHEN EXISTS (SELECT 1 FROM articles WHERE id = OLD.article_id) BEGIN
            INSERT INTO search_kk (rowid, title, body, facets)
        SELECT article_id, title, body, facets FROM search_kk_content WHERE article_id = OLD.article_id;
        INSERT INTO search_ru (rowid, title, body, facets)
        SELECT article_id, title, body, facets FROM search_ru_content WHERE article_id = OLD.article_id;
        INSERT INTO search_en (rowid, title, body, facets)
        SELECT article_id, title, body, facets FROM search_en_content WHERE article_id = OLD.article_id;
        END;
        CREATE TRIGGER search_article_delete BEFORE DELETE ON articles BEGIN
            DELETE FROM search_kk WHERE rowid = OLD.id;
        DELETE FROM search_ru WHERE rowid = OLD.id;
        DELETE FROM search_en WHERE rowid = OLD.id;
        END;
        """

    /// v11: the index forms table for prefix search, the triggers that index a stored or changed
    /// version and record its new forms, and the table filled from FTS5's vocabulary.
    static let v11 = """
        CREATE TABLE IF NOT EXISTS search_terms (
            lang TEXT NOT NULL,
            term TEXT NOT NULL,
            PRIMARY KEY (lang, term)
        ) WITHOUT ROWID;
        DROP TRIGGER IF EXISTS search_kk_version_insert;
        DROP TRIGGER IF EXISTS search_kk_version_after_update;
        CREATE TRIGGER search_kk_version_insert AFTER INSERT ON versions WHEN NEW.lang = 'kk' BEGIN
            INSERT INTO search_kk (rowid, title, body, facets)
        SELECT article_id, title, body, facets FROM search_kk_content WHERE article_id = NEW.article_id;
            INSERT OR IGNORE INTO search_terms (lang, term)
        SELECT 'kk', value FROM json_each(enbekshi_new_terms('kk'));
        END;
        CREATE TRIGGER search_kk_version_after_update AFTER UPDATE OF title, body_html ON versions
        WHEN NEW.lang = 'kk' BEGIN
            INSERT INTO search_kk (rowid, title, body, facets)
        SELECT article_id, title, body, facets FROM search_kk_content WHERE article_id = NEW.article_id;
            INSERT OR IGNORE INTO search_terms (lang, term)
        SELECT 'kk', value FROM json_each(enbekshi_new_terms('kk'));
        END;
        CREATE VIRTUAL TABLE temp.search_kk_vocabulary USING fts5vocab(main, search_kk, col);
        INSERT OR IGNORE INTO search_terms (lang, term)
        SELECT 'kk', term FROM temp.search_kk_vocabulary WHERE col IN ('title', 'body');
        DROP TABLE temp.search_kk_vocabulary;
        DROP TRIGGER IF EXISTS search_ru_version_insert;
        DROP TRIGGER IF EXISTS search_ru_version_after_update;
        CREATE TRIGGER search_ru_version_insert AFTER INSERT ON versions WHEN NEW.lang = 'ru' BEGIN
            INSERT INTO search_ru (rowid, title, body, facets)
        SELECT article_id, title, body, facets FROM search_ru_content WHERE article_id = NEW.article_id;
            INSERT OR IGNORE INTO search_terms (lang, term)
        SELECT 'ru', value FROM json_each(enbekshi_new_terms('ru'));
        END;
        CREATE TRIGGER search_ru_version_after_update AFTER UPDATE OF title, body_html ON versions
        WHEN NEW.lang = 'ru' BEGIN
            INSERT INTO search_ru (rowid, title, body, facets)
        SELECT article_id, title, body, facets FROM search_ru_content WHERE article_id = NEW.article_id;
            INSERT OR IGNORE INTO search_terms (lang, term)
        SELECT 'ru', value FROM json_each(enbekshi_new_terms('ru'));
        END;
        CREATE VIRTUAL TABLE temp.search_ru_vocabulary USING fts5vocab(main, search_ru, col);
        INSERT OR IGNORE INTO search_terms (lang, term)
        SELECT 'ru', term FROM temp.search_ru_vocabulary WHERE col IN ('title', 'body');
        DROP TABLE temp.search_ru_vocabulary;
        DROP TRIGGER IF EXISTS search_en_version_insert;
        DROP TRIGGER IF EXISTS search_en_version_after_update;
        CREATE TRIGGER search_en_version_insert AFTER INSERT ON versions WHEN NEW.lang = 'en' BEGIN
            INSERT INTO search_en (rowid, title, body, facets)
        SELECT article_id, title, body, facets FROM search_en_content WHERE article_id = NEW.article_id;
            INSERT OR IGNORE INTO search_terms (lang, term)
        SELECT 'en', value FROM json_each(enbekshi_new_terms('en'));
        END;
        CREATE TRIGGER search_en_version_after_update AFTER UPDATE OF title, body_html ON versions
        WHEN NEW.lang = 'en' BEGIN
            INSERT INTO search_en (rowid, title, body, facets)
        SELECT article_id, title, body, facets FROM search_en_content WHERE article_id = NEW.article_id;
            INSERT OR IGNORE INTO search_terms (lang, term)
        SELECT 'en', value FROM json_each(enbekshi_new_terms('en'));
        END;
        CREATE VIRTUAL TABLE temp.search_en_vocabulary USING fts5vocab(main, search_en, col);
        INSERT OR IGNORE INTO search_terms (lang, term)
        SELECT 'en', term FROM temp.search_en_vocabulary WHERE col IN ('title', 'body');
        DROP TABLE temp.search_en_vocabulary;
        """
}
