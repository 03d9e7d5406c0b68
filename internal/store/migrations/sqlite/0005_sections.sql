-- Sections. A feed item keeps the categories its feed gave it (a JSON array of strings), the
-- strongest hint of an article's section. section is one of world, business, technology,
-- science, health, sport, entertainment, politics, local ('' until classified);
-- section_by says what placed it there: 'category', 'url' (rules, the classifier's training
-- data) or 'model' (the text classifier).
ALTER TABLE feed_items ADD COLUMN categories TEXT NOT NULL DEFAULT '';
ALTER TABLE articles ADD COLUMN section TEXT NOT NULL DEFAULT '';
ALTER TABLE articles ADD COLUMN section_by TEXT NOT NULL DEFAULT '';
CREATE INDEX articles_section ON articles(section, published DESC);
