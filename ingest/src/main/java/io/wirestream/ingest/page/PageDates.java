package io.wirestream.ingest.page;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Reads the date formats pages use in metadata, and dates written into article URLs. */
final class PageDates {

  /**
   * ISO-8601 and its common deviations: a space for the {@code T}, no seconds, any fraction, and an
   * offset as {@code Z}, {@code +02:00}, {@code +0200} or {@code +02}.
   */
  private static final Pattern ISO =
      Pattern.compile(
          "(\\d{4})-(\\d{2})-(\\d{2})(?:[T ](\\d{2}):(\\d{2})(?::(\\d{2})(?:[.,]\\d+)?)?"
              + "\\s*(Z|[+-]\\d{2}(?::?\\d{2})?)?)?");

  /** {@code /2024/05/03/}, {@code /2024-05-03}, {@code /20240503}: a day in a URL path. */
  private static final Pattern URL_DAY =
      Pattern.compile(
          "/((?:19|20)\\d{2})([/_-]?)(0[1-9]|1[0-2])\\2(0[1-9]|[12]\\d|3[01])(?:[/_.-]|$)");

  private PageDates() {}

  /** The date a metadata value states, or empty when it is not one Wirestream can read. */
  static Optional<PublicationDate> parse(String value, String source) {
    if (value == null) {
      return Optional.empty();
    }
    String text = value.strip();
    Matcher iso = ISO.matcher(text);
    try {
      if (iso.lookingAt()) {
        LocalDate day =
            LocalDate.of(
                Integer.parseInt(iso.group(1)),
                Integer.parseInt(iso.group(2)),
                Integer.parseInt(iso.group(3)));
        if (iso.group(4) == null || iso.group(7) == null) {
          // A time without a zone names no instant; the day is all that is certain.
          return plausible(day)
              ? Optional.of(PublicationDate.ofDay(day, source))
              : Optional.empty();
        }
        LocalDateTime local =
            day.atTime(
                Integer.parseInt(iso.group(4)),
                Integer.parseInt(iso.group(5)),
                iso.group(6) == null ? 0 : Integer.parseInt(iso.group(6)));
        OffsetDateTime dateTime = local.atOffset(offset(iso.group(7)));
        return plausible(day)
            ? Optional.of(PublicationDate.of(dateTime, source))
            : Optional.empty();
      }
      ZonedDateTime rfc = ZonedDateTime.parse(text, DateTimeFormatter.RFC_1123_DATE_TIME);
      return Optional.of(PublicationDate.of(rfc.toOffsetDateTime(), source));
    } catch (DateTimeException | NumberFormatException e) {
      return Optional.empty();
    }
  }

  /** The day written into a URL's path, the last resort of news sites' dating. */
  static Optional<PublicationDate> fromUrl(String url) {
    if (url == null) {
      return Optional.empty();
    }
    Matcher m = URL_DAY.matcher(url);
    while (m.find()) {
      try {
        LocalDate day =
            LocalDate.of(
                Integer.parseInt(m.group(1)),
                Integer.parseInt(m.group(3)),
                Integer.parseInt(m.group(4)));
        if (plausible(day)) {
          return Optional.of(PublicationDate.ofDay(day, "url"));
        }
      } catch (DateTimeException e) {
        // 2024/02/31 is no day; look further along the path.
      }
    }
    return Optional.empty();
  }

  private static ZoneOffset offset(String zone) {
    if (zone.equals("Z")) {
      return ZoneOffset.UTC;
    }
    String digits = zone.substring(1).replace(":", "");
    int hours = Integer.parseInt(digits.substring(0, 2));
    int minutes = digits.length() >= 4 ? Integer.parseInt(digits.substring(2, 4)) : 0;
    int sign = zone.charAt(0) == '-' ? -1 : 1;
    return ZoneOffset.ofHoursMinutes(sign * hours, sign * minutes);
  }

  /** Placeholder dates (0001-01-01, 1970-01-01) are no publication dates. */
  private static boolean plausible(LocalDate day) {
    return day.getYear() > 1990 && day.getYear() < 2200;
  }
}
