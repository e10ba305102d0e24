-- sentence spans of each article's analysed body
-- Offsets are UTF-16 [start, end) into articles.body, as for entities. Token spans, which records
-- carry only when enrich.tokens asks for them, are not stored: they would multiply the rows by the
-- words per sentence, and a consumer that needs them reads them from news.enriched.

CREATE TABLE sentences (
  article_id   TEXT    NOT NULL REFERENCES articles (id) ON DELETE CASCADE,
  ordinal      INTEGER NOT NULL,
  start_offset INTEGER NOT NULL,
  end_offset   INTEGER NOT NULL,
  PRIMARY KEY (article_id, ordinal)
);
