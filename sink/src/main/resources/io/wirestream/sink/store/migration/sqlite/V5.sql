-- what the source said of each article, its revision, and what enrichment detected or skipped
-- Every column is optional: rows written before V5 keep NULL in each, which reads back as the
-- field being absent, as in a record of an older producer. Authors are a JSON array in one text
-- column, like models: they are read with their article and replaced with it, never joined on.
-- revision is NULL for the first version, as on news.raw; at one enrichment version the sink
-- keeps the highest revision (NULL counting as 0).

ALTER TABLE articles ADD COLUMN source_id TEXT;
ALTER TABLE articles ADD COLUMN final_url TEXT;
ALTER TABLE articles ADD COLUMN canonical_url TEXT;
ALTER TABLE articles ADD COLUMN authors TEXT;
ALTER TABLE articles ADD COLUMN summary TEXT;
ALTER TABLE articles ADD COLUMN dateline TEXT;
ALTER TABLE articles ADD COLUMN page_problem TEXT;
ALTER TABLE articles ADD COLUMN revision INTEGER;
ALTER TABLE articles ADD COLUMN detected_language TEXT;
ALTER TABLE articles ADD COLUMN skipped_reason TEXT;
ALTER TABLE articles ADD COLUMN analysed_chars INTEGER;
ALTER TABLE articles ADD COLUMN duplicate_of TEXT;

-- "The copies of X": few articles are copies, so the index holds only those that are.
CREATE INDEX articles_by_duplicate_of ON articles (duplicate_of) WHERE duplicate_of IS NOT NULL;
