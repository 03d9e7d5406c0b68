-- The PostgreSQL twin of sqlite/0005_sections.sql: feed categories as a JSON array in TEXT,
-- and each article's section with what placed it there.
ALTER TABLE feed_items ADD COLUMN categories TEXT NOT NULL DEFAULT '';
ALTER TABLE articles ADD COLUMN section TEXT NOT NULL DEFAULT '';
ALTER TABLE articles ADD COLUMN section_by TEXT NOT NULL DEFAULT '';
CREATE INDEX articles_section ON articles(section, published DESC);
