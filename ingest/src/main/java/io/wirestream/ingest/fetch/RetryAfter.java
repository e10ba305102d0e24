package io.wirestream.ingest.fetch;

import java.time.DateTimeException;
import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Optional;

/** The {@code Retry-After} header: delay-seconds or an HTTP date (RFC 9110, section 10.2.3). */
public final class RetryAfter {

  private RetryAfter() {}

  /** When the server may be asked again, or empty if the value is neither form. */
  public static Optional<Instant> parse(String value, Instant now) {
    if (value == null) {
      return Optional.empty();
    }
    String v = value.strip();
    if (v.matches("\\d{1,10}")) {
      return Optional.of(now.plus(Duration.ofSeconds(Long.parseLong(v))));
    }
    return httpDate(v);
  }

  /** An HTTP date (IMF-fixdate, which is the RFC 1123 form), or empty. */
  public static Optional<Instant> httpDate(String value) {
    try {
      return Optional.of(
          ZonedDateTime.parse(value.strip(), DateTimeFormatter.RFC_1123_DATE_TIME).toInstant());
    } catch (DateTimeException e) {
      return Optional.empty();
    }
  }
}
