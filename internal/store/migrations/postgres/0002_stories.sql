-- The PostgreSQL twin of sqlite/0002_stories.sql. Story and article ids are BIGINT like the
-- ids they hold; 0 still means "none", as on SQLite.
ALTER TABLE articles ADD COLUMN story_id BIGINT NOT NULL DEFAULT 0;
ALTER TABLE articles ADD COLUMN duplicate_of BIGINT NOT NULL DEFAULT 0;
-- Offline key points, a JSON array of sentences.
ALTER TABLE articles ADD COLUMN key_points TEXT NOT NULL DEFAULT '';
CREATE INDEX articles_story ON articles(story_id, published DESC);
CREATE INDEX articles_duplicate ON articles(duplicate_of) WHERE duplicate_of <> 0;

-- A story merged into another keeps answering at its old id.
CREATE TABLE story_redirects (
    from_id BIGINT PRIMARY KEY,
    to_id   BIGINT NOT NULL
);

-- Tags: keywords and named people, places and organisations of each article.
CREATE TABLE article_tags (
    article_id BIGINT  NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
    tag        TEXT    NOT NULL,
    kind       TEXT    NOT NULL,
    PRIMARY KEY (article_id, tag)
);
CREATE INDEX article_tags_tag ON article_tags(tag);

-- Document frequency of each term over stored articles, for TF-IDF keywords.
CREATE TABLE term_df (
    term TEXT    PRIMARY KEY,
    df   INTEGER NOT NULL
);
