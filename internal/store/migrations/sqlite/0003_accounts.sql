-- Accounts, comments and moderation. Times are INTEGER milliseconds since the Unix epoch,
-- UTC; 0 means never/none. Case-insensitive uniqueness is kept in *_key columns that the
-- account package computes (NFKC, case folded, confusables folded), so both dialects
-- compare the same bytes.
CREATE TABLE users (
    id            INTEGER PRIMARY KEY,
    email         TEXT    NOT NULL,
    email_key     TEXT    NOT NULL UNIQUE,
    display_name  TEXT    NOT NULL,
    name_key      TEXT    NOT NULL UNIQUE,
    password_hash TEXT    NOT NULL,
    role          TEXT    NOT NULL DEFAULT 'reader',
    created       INTEGER NOT NULL,
    verified_at   INTEGER NOT NULL DEFAULT 0,
    -- 0: not blocked; a far-future value blocks for good.
    blocked_until INTEGER NOT NULL DEFAULT 0,
    block_reason  TEXT    NOT NULL DEFAULT '',
    -- Deletion is soft: the row stays so that comments keep an author shown as
    -- "deleted user", and an admin can restore it.
    deleted_at    INTEGER NOT NULL DEFAULT 0
);

-- A session's id is a random token; only its SHA-256 is stored, so a copy of the database
-- cannot be replayed as cookies.
CREATE TABLE sessions (
    token_hash TEXT    PRIMARY KEY,
    user_id    INTEGER NOT NULL REFERENCES users(id) ON DELETE CASCADE,
    created    INTEGER NOT NULL,
    expires    INTEGER NOT NULL,
    last_seen  INTEGER NOT NULL
);
CREATE INDEX sessions_user ON sessions(user_id);
CREATE INDEX sessions_expires ON sessions(expires);

-- Single-use links mailed for email verification ('verify') and password reset ('reset').
CREATE TABLE email_tokens (
    token_hash TEXT    PRIMARY KEY,
    user_id    INTEGER NOT NULL REFERENCES users(id) ON DELETE CASCADE,
    kind       TEXT    NOT NULL,
    created    INTEGER NOT NULL,
    expires    INTEGER NOT NULL,
    used_at    INTEGER NOT NULL DEFAULT 0
);
CREATE INDEX email_tokens_user ON email_tokens(user_id, kind);

-- A comment is on an article or on a story (the other id is 0). body is the raw Markdown
-- the author wrote; it is rendered and sanitised on the way out, never stored as HTML.
CREATE TABLE comments (
    id         INTEGER PRIMARY KEY,
    article_id INTEGER NOT NULL DEFAULT 0,
    story_id   INTEGER NOT NULL DEFAULT 0,
    parent_id  INTEGER NOT NULL DEFAULT 0,
    depth      INTEGER NOT NULL DEFAULT 1,
    author_id  INTEGER NOT NULL REFERENCES users(id),
    body       TEXT    NOT NULL,
    created    INTEGER NOT NULL,
    edited_at  INTEGER NOT NULL DEFAULT 0,
    deleted_at INTEGER NOT NULL DEFAULT 0,
    state      TEXT    NOT NULL DEFAULT 'visible',
    ups        INTEGER NOT NULL DEFAULT 0,
    downs      INTEGER NOT NULL DEFAULT 0,
    score      INTEGER NOT NULL DEFAULT 0
);
CREATE INDEX comments_article ON comments(article_id, created) WHERE article_id <> 0;
CREATE INDEX comments_story ON comments(story_id, created) WHERE story_id <> 0;
CREATE INDEX comments_author ON comments(author_id, created);
CREATE INDEX comments_held ON comments(created) WHERE state = 'held';

CREATE TABLE comment_votes (
    comment_id INTEGER NOT NULL REFERENCES comments(id) ON DELETE CASCADE,
    user_id    INTEGER NOT NULL REFERENCES users(id) ON DELETE CASCADE,
    value      INTEGER NOT NULL,
    created    INTEGER NOT NULL,
    PRIMARY KEY (comment_id, user_id)
);

CREATE TABLE comment_reports (
    id          INTEGER PRIMARY KEY,
    comment_id  INTEGER NOT NULL REFERENCES comments(id) ON DELETE CASCADE,
    reporter_id INTEGER NOT NULL REFERENCES users(id),
    reason      TEXT    NOT NULL,
    created     INTEGER NOT NULL,
    resolved_by INTEGER NOT NULL DEFAULT 0,
    resolved_at INTEGER NOT NULL DEFAULT 0,
    UNIQUE (comment_id, reporter_id)
);
CREATE INDEX comment_reports_open ON comment_reports(created) WHERE resolved_at = 0;

-- Comments locked on an article or a story: kind is 'article' or 'story'.
CREATE TABLE comment_locks (
    kind      TEXT    NOT NULL,
    target_id INTEGER NOT NULL,
    locked_by INTEGER NOT NULL,
    reason    TEXT    NOT NULL DEFAULT '',
    created   INTEGER NOT NULL,
    PRIMARY KEY (kind, target_id)
);

-- Words that send a comment to the moderation queue; stored lower case.
CREATE TABLE banned_words (
    word     TEXT    PRIMARY KEY,
    added_by INTEGER NOT NULL,
    created  INTEGER NOT NULL
);

-- Every moderator and admin action: who did what to which target, and why.
CREATE TABLE audit_log (
    id          INTEGER PRIMARY KEY,
    actor_id    INTEGER NOT NULL,
    action      TEXT    NOT NULL,
    target_kind TEXT    NOT NULL,
    target_id   INTEGER NOT NULL,
    detail      TEXT    NOT NULL DEFAULT '',
    created     INTEGER NOT NULL
);
CREATE INDEX audit_log_created ON audit_log(created);
CREATE INDEX audit_log_target ON audit_log(target_kind, target_id);
