package io.wirestream.client;

import io.wirestream.common.model.EnrichedArticle;
import io.wirestream.common.model.Enrichment;
import java.time.Instant;
import java.util.Comparator;

/**
 * Which of two enrichments of one article is newer: the higher {@code enrichment.version} (a
 * backfill with a newer model), then the later {@code processedAt} (a re-run of the same model).
 * This is the order the sink keeps, so a client and the store agree on the current version.
 */
public final class Newest {

  /** Orders enrichments oldest first; a missing processedAt counts as oldest. */
  public static final Comparator<Enrichment> ORDER =
      Comparator.comparingInt(Enrichment::version)
          .thenComparing(
              Enrichment::processedAt, Comparator.nullsFirst(Comparator.<Instant>naturalOrder()));

  private Newest() {}

  /** Whether {@code candidate} is strictly newer than {@code current} (null counts as oldest). */
  public static boolean isNewer(EnrichedArticle candidate, Enrichment current) {
    return current == null || ORDER.compare(candidate.enrichment(), current) > 0;
  }
}
