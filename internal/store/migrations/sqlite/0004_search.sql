-- Full-text search over articles. The FTS5 index holds no copy of the text: it reads title
-- and text through the view below (external content) and is kept in step by the triggers,
-- so every way of writing an article keeps search current.
--
-- Tokenizer: unicode61 folds case and (remove_diacritics 2) accents, so "Zürich" finds
-- "zurich"; porter then stems English word endings. There is one tokenizer for every
-- language: German, French… text is folded but not stemmed by its own rules (PostgreSQL
-- stems each article by its language; see postgres/0004_search.sql).
--
-- facets holds the publisher as a token ("p" and its id), so that a search of one
-- publisher intersects posting lists inside the index instead of checking match after
-- match against the articles table. It is weighted 0 in ranking. (The language is not a
-- facet: bm25 would read the posting list of a language tag, which is most of the index,
-- on every search; languages are few, so checking rows is cheap.)
CREATE VIEW articles_fts_content AS
    SELECT id, title, text, 'p' || publisher_id AS facets FROM articles;

CREATE VIRTUAL TABLE articles_fts USING fts5(
    title, text, facets,
    content='articles_fts_content', content_rowid='id',
    tokenize='porter unicode61 remove_diacritics 2'
);

CREATE TRIGGER articles_fts_insert AFTER INSERT ON articles BEGIN
    INSERT INTO articles_fts (rowid, title, text, facets)
    VALUES (new.id, new.title, new.text, 'p' || new.publisher_id);
END;

CREATE TRIGGER articles_fts_delete AFTER DELETE ON articles BEGIN
    INSERT INTO articles_fts (articles_fts, rowid, title, text, facets)
    VALUES ('delete', old.id, old.title, old.text, 'p' || old.publisher_id);
END;

CREATE TRIGGER articles_fts_update AFTER UPDATE OF title, text, publisher_id ON articles BEGIN
    INSERT INTO articles_fts (articles_fts, rowid, title, text, facets)
    VALUES ('delete', old.id, old.title, old.text, 'p' || old.publisher_id);
    INSERT INTO articles_fts (rowid, title, text, facets)
    VALUES (new.id, new.title, new.text, 'p' || new.publisher_id);
END;

-- Index the articles stored before this migration.
INSERT INTO articles_fts (articles_fts) VALUES ('rebuild');

-- Search walks the index newest first and checks each match against the filters left
-- (copies, section, dates): this covering index answers those checks without reading the
-- article's row, whose text sits before duplicate_of and spills over several pages.
CREATE INDEX articles_search_filter ON articles(id, duplicate_of, publisher_id, language, published, fetched);
