package io.wirestream.ingest.feed;

import io.wirestream.ingest.fetch.RetryAfter;
import java.net.http.HttpHeaders;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * How long a fetched feed stays fresh, by its publisher's word: the feed's {@code ttl} and {@code
 * sy:*} and the response's {@code Cache-Control: max-age} (or, failing it, {@code Expires}). Each
 * is a time before which fetching again is pointless; the longest of them wins.
 */
public final class Freshness {

  private static final Pattern MAX_AGE =
      Pattern.compile("(?:^|[,\\s])max-age\\s*=\\s*\"?(\\d{1,10})", Pattern.CASE_INSENSITIVE);

  private Freshness() {}

  /** The longest of the publisher's hints, or empty if it gives none. */
  public static Optional<Duration> of(FeedHints feed, HttpHeaders headers, Instant now) {
    return Stream.of(feed.ttl(), feed.updateInterval(), http(headers, now))
        .flatMap(Optional::stream)
        .max(Duration::compareTo);
  }

  /** From {@code Cache-Control: max-age}, else from {@code Expires}; empty for neither. */
  static Optional<Duration> http(HttpHeaders headers, Instant now) {
    String cacheControl = String.join(",", headers.allValues("Cache-Control"));
    String lower = cacheControl.toLowerCase(Locale.ROOT);
    if (lower.contains("no-store") || lower.contains("no-cache")) {
      return Optional.empty();
    }
    Matcher m = MAX_AGE.matcher(cacheControl);
    if (m.find()) {
      long seconds = Long.parseLong(m.group(1));
      return seconds > 0 ? Optional.of(Duration.ofSeconds(seconds)) : Optional.empty();
    }
    return headers
        .firstValue("Expires")
        .flatMap(RetryAfter::httpDate)
        .filter(expires -> expires.isAfter(now))
        .map(expires -> Duration.between(now, expires));
  }
}
