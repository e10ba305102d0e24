package io.wirestream.common.model;

import java.time.Instant;
import java.util.Map;

/**
 * Provenance of an enriched record.
 *
 * <p>{@code version} orders enrichments of the same article: the sink keeps the highest, so a
 * backfill with a newer model replaces older rows and a late replay of an old one cannot undo it.
 */
public record Enrichment(int version, Map<String, String> models, Instant processedAt) {

  public Enrichment {
    models = Map.copyOf(models);
  }
}
