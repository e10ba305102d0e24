-- articles, entity mentions, canonical entities and temporal expressions
-- Dates and instants use native types so users can query them with date arithmetic.

CREATE TABLE articles (
  id                 TEXT    NOT NULL PRIMARY KEY,
  source             TEXT    NOT NULL,
  url                TEXT,
  title              TEXT,
  body               TEXT    NOT NULL,
  published          TEXT    NOT NULL,
  published_date     DATE,
  ingested_at        TIMESTAMPTZ,
  language           TEXT,
  enrichment_version INTEGER NOT NULL,
  processed_at       TIMESTAMPTZ,
  models             TEXT    NOT NULL
);

CREATE INDEX articles_by_published_date ON articles (published_date);

CREATE TABLE entities (
  article_id   TEXT    NOT NULL REFERENCES articles (id) ON DELETE CASCADE,
  ordinal      INTEGER NOT NULL,
  text         TEXT    NOT NULL,
  type         TEXT    NOT NULL,
  start_offset INTEGER NOT NULL,
  end_offset   INTEGER NOT NULL,
  canonical    TEXT,
  PRIMARY KEY (article_id, ordinal)
);

CREATE INDEX entities_by_canonical ON entities (canonical, type);
CREATE INDEX entities_by_type ON entities (type, canonical);

CREATE TABLE canonical_entities (
  article_id   TEXT    NOT NULL REFERENCES articles (id) ON DELETE CASCADE,
  ordinal      INTEGER NOT NULL,
  name         TEXT    NOT NULL,
  type         TEXT    NOT NULL,
  mentions     INTEGER NOT NULL,
  first_offset INTEGER NOT NULL,
  country_code TEXT,
  PRIMARY KEY (article_id, ordinal)
);

CREATE INDEX canonical_entities_by_name ON canonical_entities (name, type);
CREATE INDEX canonical_entities_by_type ON canonical_entities (type, name);
CREATE INDEX canonical_entities_by_country ON canonical_entities (country_code);

CREATE TABLE dates (
  article_id   TEXT    NOT NULL REFERENCES articles (id) ON DELETE CASCADE,
  ordinal      INTEGER NOT NULL,
  text         TEXT    NOT NULL,
  type         TEXT    NOT NULL,
  value        TEXT,
  start_offset INTEGER NOT NULL,
  end_offset   INTEGER NOT NULL,
  PRIMARY KEY (article_id, ordinal)
);

CREATE INDEX dates_by_value ON dates (value);
