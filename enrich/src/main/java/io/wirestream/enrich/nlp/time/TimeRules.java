package io.wirestream.enrich.nlp.time;

import static io.wirestream.enrich.nlp.time.Lexicon.DAY_NUM;
import static io.wirestream.enrich.nlp.time.Lexicon.MONTH;
import static io.wirestream.enrich.nlp.time.Lexicon.WEEKDAY;

import io.wirestream.common.model.TimexType;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.regex.MatchResult;

/** Clock times, with the day they fall on when one follows: "10 p.m. Wednesday", "noon". */
final class TimeRules {

  private TimeRules() {}

  private static final String ZONE =
      "(?:\\s*\\(?(?:EST|EDT|CST|CDT|MST|MDT|PST|PDT|GMT|UTC|BST|CET|CEST|IST|JST|ET|PT"
          + "|local time|(?i:local))\\)?)?";

  /** A day after the clock time: "Wednesday", "today", "Nov. 6". */
  private static final String DAY_AFTER =
      "(?:,?\\s+(?:("
          + WEEKDAY
          + ")|(?i:(today|yesterday|tomorrow))|("
          + MONTH
          + ")\\s+("
          + DAY_NUM
          + ")\\b))?";

  static void addTo(List<Rule> rules) {
    rules.add(
        Rule.of(
            "clock",
            "(?:\\b(?i:around|approximately)\\s+)?(?<![\\d.:$])\\b(\\d{1,2})(?:[:.](\\d{2}))?"
                + "\\s*(?i:(a\\.m\\.?|p\\.m\\.?|am\\b|pm\\b|o'clock))"
                + ZONE
                + DAY_AFTER,
            (m, c) -> {
              int h = Integer.parseInt(m.group(1));
              int min = m.group(2) == null ? 0 : Integer.parseInt(m.group(2));
              String ampm = m.group(3).toLowerCase(Locale.ROOT);
              if (h > 12 || min > 59) {
                return;
              }
              if (ampm.startsWith("p") && h < 12) {
                h += 12;
              } else if (ampm.startsWith("a") && h == 12) {
                h = 0;
              }
              c.emit(TimexType.TIME, day(m, c, 4) + String.format("T%02d:%02d", h, min));
            }));
    rules.add(
        Rule.of(
            "noon",
            "\\b(?i:(noon|midnight|midday))" + DAY_AFTER,
            (m, c) -> {
              if (c.before(5).equalsIgnoreCase("high ")) {
                return;
              }
              String w = m.group(1).toLowerCase(Locale.ROOT);
              c.emit(TimexType.TIME, day(m, c, 2) + (w.equals("midnight") ? "T24:00" : "T12:00"));
            }));
    rules.add(
        Rule.of(
            "clock-24h",
            "(?<![\\d.:$])\\b([01]?\\d|2[0-3]):([0-5]\\d)\\s*(?:GMT|UTC|EST|EDT|"
                + "(?i:local time|hrs|hours))\\b"
                + DAY_AFTER,
            (m, c) ->
                c.emit(
                    TimexType.TIME,
                    day(m, c, 3)
                        + "T"
                        + String.format("%02d:%s", Integer.parseInt(m.group(1)), m.group(2)))));
    rules.add(
        Rule.of(
            "part-of-day",
            "\\b(?i:(?:early|late|mid)[- ]?(morning|afternoon|evening)(?:\\s+(yesterday|today"
                + "|tomorrow))?)\\b",
            (m, c) -> {
              // "at mid-afternoon yesterday": the day named after the part of the day.
              LocalDate d =
                  m.group(2) == null ? c.dct : c.dct.plusDays(RelativeRules.offset(m.group(2)));
              c.emit(TimexType.TIME, d + "T" + RelativeRules.partOfDay(m.group(1)));
            }));
  }

  /** The date of a clock time: the day named after it, else the publication date. */
  private static String day(MatchResult m, Context c, int first) {
    LocalDate d = c.dct;
    if (m.group(first) != null) {
      d = Calendars.weekday(c.dct, Lexicon.weekday(m.group(first)), c.tense());
    } else if (m.group(first + 1) != null) {
      d = c.dct.plusDays(RelativeRules.offset(m.group(first + 1)));
    } else if (m.group(first + 2) != null) {
      int month = Lexicon.month(m.group(first + 2));
      int dd = Lexicon.ordinal(m.group(first + 3));
      int y = Calendars.yearOfDay(c.dct, month, dd, c.tense());
      if (Calendars.valid(y, month, dd)) {
        d = LocalDate.of(y, month, dd);
      }
    }
    return d.toString();
  }
}
