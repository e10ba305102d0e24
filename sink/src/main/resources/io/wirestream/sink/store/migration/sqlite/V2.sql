-- first and last day of each temporal expression, and indexes for the downstream queries
-- begin_date/end_date are filled by the migrator from the TIMEX3 value (durations, references and
-- sets stay NULL); a mentioned-date range query is then an overlap test on two indexed columns.

ALTER TABLE dates ADD COLUMN begin_date TEXT;
ALTER TABLE dates ADD COLUMN end_date TEXT;

CREATE INDEX dates_by_range ON dates (begin_date, end_date);
CREATE INDEX canonical_entities_by_article ON canonical_entities (article_id, name, type, mentions);
CREATE INDEX dates_by_end ON dates (end_date, begin_date);
DROP INDEX canonical_entities_by_country;
CREATE INDEX canonical_entities_by_country ON canonical_entities (country_code, article_id);
