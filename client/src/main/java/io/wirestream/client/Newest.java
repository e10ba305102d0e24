package io.wirestream.client;

import io.wirestream.common.model.EnrichedArticle;
import io.wirestream.common.model.Enrichment;
import java.time.Instant;
import java.util.Comparator;

/**
 * Which of two enrichments of one article is newer: the higher {@code enrichment.version} (a
 * backfill with a newer model), then the higher {@code article.revision} (a correction of the
 * source's text; absent counts as 0), then the later {@code processedAt} (a re-run of the same
 * model). This is the order the sink keeps, so a client and the store agree on the current version.
 */
public final class Newest {

  /** Orders enrichments oldest first, revisions aside; a missing processedAt counts as oldest. */
  public static final Comparator<Enrichment> ORDER =
      Comparator.comparingInt(Enrichment::version)
          .thenComparing(
              Enrichment::processedAt, Comparator.nullsFirst(Comparator.<Instant>naturalOrder()));

  /** What the order needs of one record, small enough to keep per article id. */
  public record Mark(int version, int revision, Instant processedAt) {

    /** Orders marks oldest first; a missing processedAt counts as oldest. */
    public static final Comparator<Mark> ORDER =
        Comparator.comparingInt(Mark::version)
            .thenComparingInt(Mark::revision)
            .thenComparing(
                Mark::processedAt, Comparator.nullsFirst(Comparator.<Instant>naturalOrder()));

    public static Mark of(EnrichedArticle record) {
      Integer revision = record.article().revision();
      return new Mark(
          record.enrichment().version(),
          revision == null ? 0 : revision,
          record.enrichment().processedAt());
    }
  }

  private Newest() {}

  /**
   * Whether {@code candidate} is strictly newer than {@code current} (null counts as oldest),
   * comparing enrichments only; {@link #isNewer(EnrichedArticle, Mark)} weighs revisions too.
   */
  public static boolean isNewer(EnrichedArticle candidate, Enrichment current) {
    return current == null || ORDER.compare(candidate.enrichment(), current) > 0;
  }

  /** Whether {@code candidate} is strictly newer than {@code current} (null counts as oldest). */
  public static boolean isNewer(EnrichedArticle candidate, Mark current) {
    return current == null || Mark.ORDER.compare(Mark.of(candidate), current) > 0;
  }
}
