-- each canonical entity carries its article's publication date, indexed for the downstream queries
-- "The newest articles naming X" was a join that read the publication date of every article naming
-- X before it could keep the newest 50; with the date next to the name, an index in the order the
-- queries ask for answers them by reading only as many entries as the LIMIT needs. The sink writes
-- the column with the rest of the row and rewrites it whenever it replaces an article.
-- The old entity indexes go first so that the backfill does not maintain them row by row.

DROP INDEX canonical_entities_by_name;
DROP INDEX canonical_entities_by_type;
DROP INDEX canonical_entities_by_country;
DROP INDEX canonical_entities_by_article;

ALTER TABLE canonical_entities ADD COLUMN published_date DATE;

UPDATE canonical_entities SET published_date = a.published_date
FROM articles a WHERE a.id = canonical_entities.article_id;

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
