-- Full-text search over articles. The FTS5 index holds no copy of the text: it reads title
-- and text from articles (external content) and is kept in step by the triggers below, so
-- every way of writing an article keeps search current.
--
-- Tokenizer: unicode61 folds case and (remove_diacritics 2) accents, so "Zürich" finds
-- "zurich"; porter then stems English word endings. There is one tokenizer for every
-- language: German, French… text is folded but not stemmed by its own rules (PostgreSQL
-- stems each article by its language; see postgres/0004_search.sql).
CREATE VIRTUAL TABLE articles_fts USING fts5(
    title, text,
    content='articles', content_rowid='id',
    tokenize='porter unicode61 remove_diacritics 2'
);

CREATE TRIGGER articles_fts_insert AFTER INSERT ON articles BEGIN
    INSERT INTO articles_fts (rowid, title, text) VALUES (new.id, new.title, new.text);
END;

CREATE TRIGGER articles_fts_delete AFTER DELETE ON articles BEGIN
    INSERT INTO articles_fts (articles_fts, rowid, title, text) VALUES ('delete', old.id, old.title, old.text);
END;

CREATE TRIGGER articles_fts_update AFTER UPDATE OF title, text ON articles BEGIN
    INSERT INTO articles_fts (articles_fts, rowid, title, text) VALUES ('delete', old.id, old.title, old.text);
    INSERT INTO articles_fts (rowid, title, text) VALUES (new.id, new.title, new.text);
END;

-- Index the articles stored before this migration.
INSERT INTO articles_fts (articles_fts) VALUES ('rebuild');

-- Search walks the index newest first and checks each match against the filters: this
-- covering index answers those checks without reading the article's row, whose text sits
-- before duplicate_of and spills over several pages.
CREATE INDEX articles_search_filter ON articles(id, duplicate_of, publisher_id, language, published, fetched);
