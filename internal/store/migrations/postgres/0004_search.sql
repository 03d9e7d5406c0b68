-- Full-text search over articles; the twin of sqlite/0004_search.sql. Each article is
-- stemmed by the text-search configuration of its language, kept per row in
-- search_config, and its document is weighted A for the title and B for the text. Both
-- columns are generated, so every way of writing an article keeps search current.

-- The configuration for an ISO 639-1 language code; languages without a stemmer here get
-- 'simple' (lower-cased words, no stemming, no stop words). IMMUTABLE because generated
-- columns need it: the built-in configurations named here never change.
CREATE FUNCTION newsdesk_search_config(lang TEXT) RETURNS regconfig
    LANGUAGE SQL IMMUTABLE PARALLEL SAFE RETURN
    CASE lower(left(lang, 2))
        WHEN 'en' THEN 'english'::regconfig
        WHEN 'de' THEN 'german'::regconfig
        WHEN 'fr' THEN 'french'::regconfig
        WHEN 'es' THEN 'spanish'::regconfig
        WHEN 'it' THEN 'italian'::regconfig
        ELSE 'simple'::regconfig
    END;

ALTER TABLE articles ADD COLUMN search_config regconfig
    GENERATED ALWAYS AS (newsdesk_search_config(language)) STORED;
ALTER TABLE articles ADD COLUMN search_vector tsvector
    GENERATED ALWAYS AS (
        setweight(to_tsvector(newsdesk_search_config(language), title), 'A') ||
        setweight(to_tsvector(newsdesk_search_config(language), text), 'B')
    ) STORED;
CREATE INDEX articles_search ON articles USING GIN (search_vector);

-- The twin of SQLite's covering index for search filters; PostgreSQL keeps long text out
-- of line (TOAST), so here it mostly serves index-only checks of the newest matches.
CREATE INDEX articles_search_filter ON articles(id, duplicate_of, publisher_id, language, published, fetched);
