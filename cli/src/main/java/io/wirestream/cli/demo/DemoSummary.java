package io.wirestream.cli.demo;

import java.util.Locale;

/** What one demo run did. */
public record DemoSummary(
    long read,
    long rejected,
    long stored,
    long deadLettered,
    long entities,
    long dates,
    double seconds,
    String store) {

  public double articlesPerSecond() {
    return seconds <= 0 ? 0 : (stored + deadLettered) / seconds;
  }

  @Override
  public String toString() {
    return String.format(
        Locale.ROOT,
        "articles read %d (rejected at input %d), stored %d, dead-lettered %d, entities %d, dates %d,"
            + " %.1f s, %.1f articles/s%nstore: %s",
        read,
        rejected,
        stored,
        deadLettered,
        entities,
        dates,
        seconds,
        articlesPerSecond(),
        store);
  }
}
