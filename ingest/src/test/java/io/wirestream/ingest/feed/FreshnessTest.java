package io.wirestream.ingest.feed;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpHeaders;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class FreshnessTest {

  private static final Instant NOW = Instant.parse("2024-01-01T00:00:00Z");

  private static HttpHeaders headers(Map<String, List<String>> values) {
    return HttpHeaders.of(values, (k, v) -> true);
  }

  @Test
  void shouldTakeMaxAgeBeforeExpires() {
    HttpHeaders h =
        headers(
            Map.of(
                "Cache-Control", List.of("public, max-age=600"),
                "Expires", List.of("Mon, 01 Jan 2024 05:00:00 GMT")));

    assertThat(Freshness.http(h, NOW)).contains(Duration.ofMinutes(10));
  }

  @Test
  void shouldTakeExpiresWithoutMaxAge() {
    HttpHeaders h = headers(Map.of("Expires", List.of("Mon, 01 Jan 2024 05:00:00 GMT")));

    assertThat(Freshness.http(h, NOW)).contains(Duration.ofHours(5));
  }

  @Test
  void shouldIgnoreNoCacheExpiredAndUnreadableValues() {
    assertThat(Freshness.http(headers(Map.of("Cache-Control", List.of("no-cache"))), NOW))
        .isEmpty();
    assertThat(Freshness.http(headers(Map.of("Expires", List.of("0"))), NOW)).isEmpty();
    assertThat(
            Freshness.http(
                headers(Map.of("Expires", List.of("Sun, 31 Dec 2023 00:00:00 GMT"))), NOW))
        .isEmpty();
  }

  @Test
  void shouldTakeTheLongestOfFeedAndHttpHints() {
    FeedHints feed = new FeedHints(30, "hourly", 2);
    HttpHeaders h = headers(Map.of("Cache-Control", List.of("max-age=60")));

    assertThat(Freshness.of(feed, h, NOW)).contains(Duration.ofMinutes(30));
    assertThat(Freshness.of(FeedHints.NONE, headers(Map.of()), NOW)).isEmpty();
  }
}
