package io.wirestream.enrich.topology;

import java.time.Clock;
import java.time.Duration;

/**
 * How enrich looks for duplicates (docs/duplicates.md).
 *
 * @param enabled false for the topology without duplicate detection, which holds no state
 * @param maxDistance most SimHash bits in which two near-identical bodies may differ
 * @param titleWindow how far apart in publication time the same title from the same source counts
 * @param bodyWindow the same for the same URL, the same body, and near-identical bodies
 * @param clock stamps {@code processedAt} on the record of a duplicate
 */
public record DedupOptions(
    boolean enabled, int maxDistance, Duration titleWindow, Duration bodyWindow, Clock clock) {

  public static final int DEFAULT_MAX_DISTANCE = 6;
  public static final Duration DEFAULT_TITLE_WINDOW = Duration.ofDays(7);
  public static final Duration DEFAULT_BODY_WINDOW = Duration.ofDays(30);

  /** No duplicate detection: the stateless topology. */
  public static final DedupOptions OFF =
      new DedupOptions(
          false,
          DEFAULT_MAX_DISTANCE,
          DEFAULT_TITLE_WINDOW,
          DEFAULT_BODY_WINDOW,
          Clock.systemUTC());

  public DedupOptions {
    if (maxDistance < 0 || maxDistance > 15) {
      throw new IllegalArgumentException("SimHash distance must be 0 to 15: " + maxDistance);
    }
    if (titleWindow.isNegative() || bodyWindow.isNegative()) {
      throw new IllegalArgumentException("negative duplicate window");
    }
  }

  /** Duplicate detection with the default distance and windows. */
  public static DedupOptions on(Clock clock) {
    return new DedupOptions(
        true, DEFAULT_MAX_DISTANCE, DEFAULT_TITLE_WINDOW, DEFAULT_BODY_WINDOW, clock);
  }
}
