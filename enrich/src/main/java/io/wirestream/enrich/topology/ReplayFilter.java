package io.wirestream.enrich.topology;

import io.wirestream.common.model.Article;
import java.time.LocalDate;
import java.util.Map;

/**
 * Which raw records a replay enriches: those before the range's end offset on their partition,
 * published within the date range. Records outside are skipped without a dead letter, since nothing
 * is wrong with them; the live enrich has already handled them at their current version.
 *
 * @param publishedFrom first publication date to enrich (inclusive), or null for no lower bound
 * @param publishedTo last publication date to enrich (inclusive), or null for no upper bound
 * @param endOffsets per raw partition, the first offset no longer enriched; a partition absent here
 *     has no end (a replay that follows the topic once caught up)
 */
public record ReplayFilter(
    LocalDate publishedFrom, LocalDate publishedTo, Map<Integer, Long> endOffsets) {

  /** Everything: the live enrich. */
  public static final ReplayFilter ALL = new ReplayFilter(null, null, Map.of());

  public ReplayFilter {
    endOffsets = Map.copyOf(endOffsets);
    if (publishedFrom != null && publishedTo != null && publishedTo.isBefore(publishedFrom)) {
      throw new IllegalArgumentException(
          "publication range ends (" + publishedTo + ") before it starts (" + publishedFrom + ")");
    }
  }

  public ReplayFilter withEndOffsets(Map<Integer, Long> ends) {
    return new ReplayFilter(publishedFrom, publishedTo, ends);
  }

  boolean acceptsPosition(int partition, long offset) {
    Long end = endOffsets.get(partition);
    return end == null || offset < end;
  }

  /**
   * @throws IllegalArgumentException if the date range is bounded and the article's publication
   *     date cannot be read: such a record is bad, not outside the range
   */
  boolean acceptsPublished(Article article) {
    if (publishedFrom == null && publishedTo == null) {
      return true;
    }
    LocalDate date = article.publicationDate();
    return (publishedFrom == null || !date.isBefore(publishedFrom))
        && (publishedTo == null || !date.isAfter(publishedTo));
  }
}
