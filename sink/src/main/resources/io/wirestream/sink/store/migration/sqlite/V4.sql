-- canonical entities and dates carry their article's publication date, indexed for the queries
-- "The newest articles naming X" (or mentioning a date in a range) was a join that read the
-- publication date of every matching article before it could keep the newest 50; with the date
-- in the row, an index in the order the queries ask for answers them by reading only as many
-- entries as the LIMIT needs. The sink writes the column with the rest of each row and rewrites it
-- whenever it replaces an article.
-- The old entity indexes go first so that the backfill does not maintain them row by row.

DROP INDEX canonical_entities_by_name;
DROP INDEX canonical_entities_by_type;
DROP INDEX canonical_entities_by_country;
DROP INDEX canonical_entities_by_article;

ALTER TABLE canonical_entities ADD COLUMN published_date TEXT;
ALTER TABLE dates ADD COLUMN published_date TEXT;

UPDATE canonical_entities SET published_date = a.published_date
FROM articles a WHERE a.id = canonical_entities.article_id;
UPDATE dates SET published_date = a.published_date
FROM articles a WHERE a.id = dates.article_id;

-- Each index leads with what a query filters on, then the order it returns (newest first, article
-- id to break ties), then the other filter columns so that they are checked without the table.
CREATE INDEX canonical_entities_by_name
  ON canonical_entities (name, published_date DESC, article_id, type, country_code);
CREATE INDEX canonical_entities_by_type
  ON canonical_entities (type, published_date DESC, article_id, country_code);
CREATE INDEX canonical_entities_by_country
  ON canonical_entities (country_code, published_date DESC, article_id, type);
-- The top entities of a period: a range of days, read from the index alone.
CREATE INDEX canonical_entities_by_published
  ON canonical_entities (published_date, name, type, mentions, country_code);
-- A mentioned-date range cannot bound both ends of an overlap in a B-tree; walking the dates
-- newest article first and testing the overlap in the index stops after LIMIT articles instead.
CREATE INDEX dates_by_published ON dates (published_date DESC, article_id, begin_date, end_date);

-- Statistics for the new indexes, so that the planner prefers them from the first query on.
ANALYZE canonical_entities;
ANALYZE dates;
