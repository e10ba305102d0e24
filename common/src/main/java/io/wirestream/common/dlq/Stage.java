package io.wirestream.common.dlq;

import java.util.Locale;

/**
 * Where in the pipeline a record was refused, as {@link DeadLetterHeaders#STAGE} names it. The
 * labels are part of the dead-letter contract ({@code docs/schemas/news.dlq.headers.schema.json}).
 */
public enum Stage {
  /** The broker refused the article for good when ingest published it. */
  INGEST,
  /** Enrich could not read the raw record as an article. */
  PARSE,
  /** The NLP failed on the article. */
  ENRICH,
  /** The enrichment could not be serialized, or is larger than the producer may send. */
  SERIALIZE,
  /** The broker refused the enrichment. */
  PRODUCE,
  /** The store refused the enriched record, or it could not be read. */
  SINK;

  /** The header value: the name in lower case. */
  public String label() {
    return name().toLowerCase(Locale.ROOT);
  }
}
