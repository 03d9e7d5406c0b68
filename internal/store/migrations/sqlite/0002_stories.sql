-- Stories: each article belongs to one story and may be a copy of another article.
-- story_id 0 means not grouped yet; duplicate_of 0 means an original.
ALTER TABLE articles ADD COLUMN story_id INTEGER NOT NULL DEFAULT 0;
ALTER TABLE articles ADD COLUMN duplicate_of INTEGER NOT NULL DEFAULT 0;
-- Offline key points, a JSON array of sentences.
ALTER TABLE articles ADD COLUMN key_points TEXT NOT NULL DEFAULT '';
CREATE INDEX articles_story ON articles(story_id, published DESC);
CREATE INDEX articles_duplicate ON articles(duplicate_of) WHERE duplicate_of <> 0;

-- A story merged into another keeps answering at its old id.
CREATE TABLE story_redirects (
    from_id INTEGER PRIMARY KEY,
    to_id   INTEGER NOT NULL
);

-- Tags: keywords and named people, places and organisations of each article.
CREATE TABLE article_tags (
    article_id INTEGER NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
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
