package io.wirestream.ingest.feed;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Feed dates as {@code Article.published} strings: RFC 822 ({@code pubDate}, leniently: named US
 * zones, one-digit days, two-digit years, missing seconds, and the RFC 850 dashes of {@code Sunday,
 * 06-Nov-94 08:49:37 GMT}) and RFC 3339 / W3C-DTF ({@code dc:date}, Atom), giving {@code
 * OffsetDateTime.toString()}, a local date-time when the source names no zone, or a date.
 */
final class FeedDates {

  private static final Pattern RFC_822 =
      Pattern.compile(
          "(?:[A-Za-z]+,?\\s*)?(\\d{1,2})(?:\\s+|-)([A-Za-z]{3})[A-Za-z]*\\.?(?:\\s+|-)(\\d{2}|\\d{4})"
              + "\\s+(\\d{1,2}):(\\d{2})(?::(\\d{2}))?\\s*([+-]\\d{4}|[A-Za-z]{1,5})?");

  private static final Map<String, Integer> MONTHS =
      Map.ofEntries(
          Map.entry("jan", 1),
          Map.entry("feb", 2),
          Map.entry("mar", 3),
          Map.entry("apr", 4),
          Map.entry("may", 5),
          Map.entry("jun", 6),
          Map.entry("jul", 7),
          Map.entry("aug", 8),
          Map.entry("sep", 9),
          Map.entry("oct", 10),
          Map.entry("nov", 11),
          Map.entry("dec", 12));

  private static final Map<String, Integer> ZONE_HOURS =
      Map.ofEntries(
          Map.entry("UT", 0),
          Map.entry("UTC", 0),
          Map.entry("GMT", 0),
          Map.entry("Z", 0),
          Map.entry("EST", -5),
          Map.entry("EDT", -4),
          Map.entry("CST", -6),
          Map.entry("CDT", -5),
          Map.entry("MST", -7),
          Map.entry("MDT", -6),
          Map.entry("PST", -8),
          Map.entry("PDT", -7));

  /** {@code 2024-01-02 10:00:00}, as database-backed feeds print them; zone optional. */
  private static final Pattern SQL_LIKE =
      Pattern.compile(
          "(\\d{4}-\\d{2}-\\d{2})[ T](\\d{2}:\\d{2}(?::\\d{2}(?:\\.\\d{1,9})?)?)\\s*"
              + "(Z|[+-]\\d{2}:?\\d{2}|UTC|GMT)?");

  private FeedDates() {}

  /**
   * Any date form feeds are seen to use, whatever element it is in: RFC 822 and RFC 850, RFC 3339,
   * a bare date, or a space-separated date and time with or without a zone.
   */
  static Optional<String> parse(String text) {
    Optional<String> date = parseRfc822(text);
    return date.isPresent() ? date : parseSqlLike(text);
  }

  private static Optional<String> parseSqlLike(String text) {
    Matcher m = SQL_LIKE.matcher(text.strip());
    if (!m.matches()) {
      return Optional.empty();
    }
    try {
      LocalDateTime local = LocalDateTime.parse(m.group(1) + "T" + m.group(2));
      String zone = m.group(3);
      if (zone == null) {
        return Optional.of(local.toString());
      }
      ZoneOffset offset =
          zone.equals("Z") || zone.equals("UTC") || zone.equals("GMT")
              ? ZoneOffset.UTC
              : ZoneOffset.of(
                  zone.length() == 5 ? zone.substring(0, 3) + ":" + zone.substring(3) : zone);
      return Optional.of(OffsetDateTime.of(local, offset).toString());
    } catch (DateTimeException e) {
      return Optional.empty();
    }
  }

  /** Parses an RFC 822 date, falling back to RFC 3339 since some feeds put that in pubDate. */
  static Optional<String> parseRfc822(String text) {
    Matcher m = RFC_822.matcher(text.strip());
    if (!m.matches()) {
      return parseRfc3339(text);
    }
    Integer month = MONTHS.get(m.group(2).toLowerCase(Locale.ROOT));
    if (month == null) {
      return Optional.empty();
    }
    int year = Integer.parseInt(m.group(3));
    if (m.group(3).length() == 2) {
      year += year < 50 ? 2000 : 1900;
    }
    try {
      LocalDateTime local =
          LocalDateTime.of(
              year,
              month,
              Integer.parseInt(m.group(1)),
              Integer.parseInt(m.group(4)),
              Integer.parseInt(m.group(5)),
              m.group(6) == null ? 0 : Integer.parseInt(m.group(6)));
      String zone = m.group(7);
      if (zone == null) {
        return Optional.of(local.toString());
      }
      ZoneOffset offset;
      if (zone.startsWith("+") || zone.startsWith("-")) {
        offset = ZoneOffset.of(zone.substring(0, 3) + ":" + zone.substring(3));
      } else {
        Integer hours = ZONE_HOURS.get(zone.toUpperCase(Locale.ROOT));
        if (hours == null) {
          return Optional.empty();
        }
        offset = ZoneOffset.ofHours(hours);
      }
      return Optional.of(OffsetDateTime.of(local, offset).toString());
    } catch (DateTimeException e) {
      return Optional.empty();
    }
  }

  /** Parses an RFC 3339 date-time or a bare date ({@code dc:date} allows both). */
  static Optional<String> parseRfc3339(String text) {
    String upper = text.strip().toUpperCase(Locale.ROOT);
    try {
      return Optional.of(
          OffsetDateTime.parse(upper, DateTimeFormatter.ISO_OFFSET_DATE_TIME).toString());
    } catch (DateTimeException e) {
      // not a date-time with an offset; a date alone is the other form allowed
    }
    try {
      return Optional.of(LocalDate.parse(upper).toString());
    } catch (DateTimeException e) {
      return Optional.empty();
    }
  }
}
