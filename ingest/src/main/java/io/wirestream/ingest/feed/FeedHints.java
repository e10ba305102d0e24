package io.wirestream.ingest.feed;

import java.time.Duration;
import java.util.Locale;
import java.util.Optional;

/**
 * What a feed says about how often it changes: RSS {@code <ttl>} (minutes it may be cached) and the
 * syndication module's {@code sy:updatePeriod} and {@code sy:updateFrequency} (updated FREQUENCY
 * times per PERIOD). Any of them may be null: absent, or not a value the specifications allow.
 */
public record FeedHints(Integer ttlMinutes, String updatePeriod, Integer updateFrequency) {

  public static final FeedHints NONE = new FeedHints(null, null, null);

  /** How long the feed may be cached, from {@code <ttl>}. */
  public Optional<Duration> ttl() {
    return ttlMinutes == null || ttlMinutes <= 0
        ? Optional.empty()
        : Optional.of(Duration.ofMinutes(ttlMinutes));
  }

  /**
   * The time between updates from {@code sy:*}: the period (daily when only a frequency is given,
   * as the module specifies) divided by the frequency (1 when only a period is given).
   */
  public Optional<Duration> updateInterval() {
    if (updatePeriod == null && updateFrequency == null) {
      return Optional.empty();
    }
    Duration period =
        switch (updatePeriod == null ? "daily" : updatePeriod.toLowerCase(Locale.ROOT)) {
          case "hourly" -> Duration.ofHours(1);
          case "daily" -> Duration.ofDays(1);
          case "weekly" -> Duration.ofDays(7);
          case "monthly" -> Duration.ofDays(30);
          case "yearly" -> Duration.ofDays(365);
          default -> null;
        };
    if (period == null) {
      return Optional.empty();
    }
    int frequency = updateFrequency == null || updateFrequency < 1 ? 1 : updateFrequency;
    return Optional.of(period.dividedBy(frequency));
  }

  static Integer positiveInt(String text) {
    if (text == null) {
      return null;
    }
    try {
      int value = Integer.parseInt(text.strip());
      return value > 0 ? value : null;
    } catch (NumberFormatException e) {
      return null;
    }
  }
}
