-- Times are INTEGER milliseconds since the Unix epoch, UTC; 0 means unknown.
CREATE TABLE publishers (
    id         INTEGER PRIMARY KEY,
    name       TEXT    NOT NULL,
    home_url   TEXT    NOT NULL UNIQUE,
    logo_url   TEXT    NOT NULL DEFAULT '',
    country    TEXT    NOT NULL DEFAULT '',
    language   TEXT    NOT NULL DEFAULT '',
    created    INTEGER NOT NULL
);

CREATE TABLE feeds (
    id                 INTEGER PRIMARY KEY,
    publisher_id       INTEGER NOT NULL REFERENCES publishers(id) ON DELETE CASCADE,
    url                TEXT    NOT NULL UNIQUE,
    title              TEXT    NOT NULL DEFAULT '',
    etag               TEXT    NOT NULL DEFAULT '',
    last_modified      TEXT    NOT NULL DEFAULT '',
    next_check         INTEGER NOT NULL DEFAULT 0,
    interval_ms        INTEGER NOT NULL DEFAULT 0,
    consecutive_errors INTEGER NOT NULL DEFAULT 0,
    last_error         TEXT    NOT NULL DEFAULT '',
    last_error_at      INTEGER NOT NULL DEFAULT 0,
    last_success       INTEGER NOT NULL DEFAULT 0,
    disabled           INTEGER NOT NULL DEFAULT 0,
    created            INTEGER NOT NULL
);
CREATE INDEX feeds_due ON feeds(next_check) WHERE disabled = 0;

CREATE TABLE articles (
    id           INTEGER PRIMARY KEY,
    publisher_id INTEGER NOT NULL REFERENCES publishers(id) ON DELETE CASCADE,
    feed_id      INTEGER REFERENCES feeds(id) ON DELETE SET NULL,
    url          TEXT    NOT NULL UNIQUE,
    guid         TEXT    NOT NULL DEFAULT '',
    title        TEXT    NOT NULL,
    byline       TEXT    NOT NULL DEFAULT '',
    published    INTEGER NOT NULL,
    updated      INTEGER NOT NULL DEFAULT 0,
    fetched      INTEGER NOT NULL,
    language     TEXT    NOT NULL DEFAULT '',
    image_url    TEXT    NOT NULL DEFAULT '',
    text         TEXT    NOT NULL DEFAULT '',
    html         TEXT    NOT NULL DEFAULT '',
    snippet      TEXT    NOT NULL DEFAULT '',
    word_count   INTEGER NOT NULL DEFAULT 0,
    site_name    TEXT    NOT NULL DEFAULT ''
);
CREATE INDEX articles_published ON articles(published DESC);
CREATE INDEX articles_publisher ON articles(publisher_id, published DESC);

-- Every item a feed has listed. An item stays 'pending' until its article is stored
-- ('done') or it has failed for good ('failed'); the feed worker re-enqueues pending items
-- on every poll, so a crash between recording an item and enqueueing its job loses nothing.
CREATE TABLE feed_items (
    id         INTEGER PRIMARY KEY,
    feed_id    INTEGER NOT NULL REFERENCES feeds(id) ON DELETE CASCADE,
    guid       TEXT    NOT NULL,
    url        TEXT    NOT NULL,
    title      TEXT    NOT NULL DEFAULT '',
    summary    TEXT    NOT NULL DEFAULT '',
    content    TEXT    NOT NULL DEFAULT '',
    author     TEXT    NOT NULL DEFAULT '',
    image_url  TEXT    NOT NULL DEFAULT '',
    published  INTEGER NOT NULL DEFAULT 0,
    first_seen INTEGER NOT NULL,
    state      TEXT    NOT NULL DEFAULT 'pending',
    error      TEXT    NOT NULL DEFAULT '',
    article_id INTEGER REFERENCES articles(id) ON DELETE SET NULL,
    UNIQUE (feed_id, guid)
);
CREATE INDEX feed_items_pending ON feed_items(feed_id) WHERE state = 'pending';

-- What the extractor has learned about each site's page template.
CREATE TABLE site_templates (
    site    TEXT    PRIMARY KEY,
    state   BLOB    NOT NULL,
    pages   INTEGER NOT NULL DEFAULT 0,
    updated INTEGER NOT NULL
);
