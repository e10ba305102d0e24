package io.wirestream.ingest.fetch;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import org.junit.jupiter.api.Test;

class RetryAfterTest {

  private static final Instant NOW = Instant.parse("2024-01-01T00:00:00Z");

  @Test
  void shouldReadDelaySeconds() {
    assertThat(RetryAfter.parse(" 120 ", NOW)).contains(NOW.plusSeconds(120));
  }

  @Test
  void shouldReadAnHttpDate() {
    assertThat(RetryAfter.parse("Wed, 21 Oct 2015 07:28:00 GMT", NOW))
        .contains(Instant.parse("2015-10-21T07:28:00Z"));
  }

  @Test
  void shouldIgnoreAnythingElse() {
    assertThat(RetryAfter.parse("soon", NOW)).isEmpty();
    assertThat(RetryAfter.parse("-5", NOW)).isEmpty();
    assertThat(RetryAfter.parse(null, NOW)).isEmpty();
  }
}
