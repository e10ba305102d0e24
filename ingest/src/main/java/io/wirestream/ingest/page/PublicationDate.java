package io.wirestream.ingest.page;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.Optional;

/**
 * A publication date as precise as the page states it: a day (a date in the URL, say), or an
 * instant with the page's UTC offset.
 *
 * @param day the calendar day in the page's own time zone
 * @param dateTime the instant with its offset, when the page gives a time and a zone
 * @param source where it was read ({@code json-ld}, {@code meta article:published_time}, ...)
 */
public record PublicationDate(LocalDate day, Optional<OffsetDateTime> dateTime, String source) {

  static PublicationDate of(OffsetDateTime dateTime, String source) {
    return new PublicationDate(dateTime.toLocalDate(), Optional.of(dateTime), source);
  }

  static PublicationDate ofDay(LocalDate day, String source) {
    return new PublicationDate(day, Optional.empty(), source);
  }

  /** ISO-8601: {@code 2024-05-03T15:47:42+02:00}, or {@code 2024-05-03} for a day only. */
  public String iso() {
    return dateTime.map(OffsetDateTime::toString).orElse(day.toString());
  }
}
