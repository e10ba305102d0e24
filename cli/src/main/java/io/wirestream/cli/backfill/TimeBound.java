package io.wirestream.cli.backfill;

import io.wirestream.cli.UsageException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;

/**
 * Reads {@code --from}/{@code --to}: an ISO instant ({@code 2026-03-01T12:00:00Z}), an offset
 * date-time, or a date, which stands for its whole UTC day (from its start; to its end).
 */
final class TimeBound {

  private TimeBound() {}

  /** The instant a range starting at {@code text} begins; null for null. */
  static Instant from(String option, String text) {
    return parse(option, text, false);
  }

  /** The first instant after a range ending at {@code text}; null for null. */
  static Instant to(String option, String text) {
    return parse(option, text, true);
  }

  /** A date for the publication-date range; null for null. */
  static LocalDate date(String option, String text) {
    if (text == null) {
      return null;
    }
    try {
      return LocalDate.parse(text.strip());
    } catch (DateTimeParseException e) {
      throw new UsageException(option + " wants a date like 1987-03-01, not '" + text + "'");
    }
  }

  private static Instant parse(String option, String text, boolean end) {
    if (text == null) {
      return null;
    }
    String value = text.strip();
    try {
      if (value.length() == 10) {
        LocalDate day = LocalDate.parse(value);
        return (end ? day.plusDays(1) : day).atStartOfDay(ZoneOffset.UTC).toInstant();
      }
      if (value.endsWith("Z") || value.endsWith("z")) {
        return Instant.parse(value.toUpperCase(java.util.Locale.ROOT));
      }
      return OffsetDateTime.parse(value).toInstant();
    } catch (DateTimeParseException e) {
      throw new UsageException(
          option
              + " wants an ISO instant (2026-03-01T12:00:00Z) or a date (2026-03-01), not '"
              + text
              + "'");
    }
  }
}
