package io.wirestream.common.model;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Instant;
import java.util.Map;

/**
 * Provenance of an enriched record.
 *
 * <p>{@code version} orders enrichments of the same article: the sink keeps the highest, so a
 * backfill with a newer model replaces older rows and a late replay of an old one cannot undo it.
 *
 * <p>{@code analysedChars} is null when the whole body was analysed. A body longer than the
 * enricher's cap ({@code enrich.max.body.chars}) is analysed only up to a cut at or before the cap,
 * and then it says where: every entity and date lies before it, and {@code article.body} is still
 * the whole body.
 *
 * <p>{@code language} is the language enrichment detected in the body (ISO 639-1), and {@code
 * skipped} says why the body was not analysed when it was not (a language with no models, a
 * duplicate of an article already enriched); both are absent in records of older producers.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Enrichment(
    int version,
    Map<String, String> models,
    Instant processedAt,
    Integer analysedChars,
    String language,
    String skipped) {

  public Enrichment {
    models = Map.copyOf(models);
    if (analysedChars != null && analysedChars < 0) {
      throw new IllegalArgumentException("analysedChars < 0: " + analysedChars);
    }
  }

  /** An enrichment that names no detected language. */
  public Enrichment(
      int version, Map<String, String> models, Instant processedAt, Integer analysedChars) {
    this(version, models, processedAt, analysedChars, null, null);
  }

  /** An enrichment of the whole body. */
  public Enrichment(int version, Map<String, String> models, Instant processedAt) {
    this(version, models, processedAt, null, null, null);
  }
}
