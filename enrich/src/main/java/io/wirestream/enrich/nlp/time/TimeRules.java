package io.wirestream.enrich.nlp.time;

import static io.wirestream.enrich.nlp.time.Lexicon.DAY_NUM;
import static io.wirestream.enrich.nlp.time.Lexicon.MONTH;
import static io.wirestream.enrich.nlp.time.Lexicon.WEEKDAY;

import io.wirestream.common.model.TimexType;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;

/** Clock times, with the day they fall on when one follows: "10 p.m. Wednesday", "noon". */
final class TimeRules {

  private TimeRules() {}

  private static final String ZONE =
      "(?:\\s*\\(?(?:EST|EDT|CST|CDT|MST|MDT|PST|PDT|GMT|UTC|BST|CET|CEST|IST|JST|ET|PT"
          + "|local time|(?i:local))\\)?)?";

  /** A day after the clock time: "Wednesday", "today", "Nov. 6". */
  private static final String DAY_AFTER =
      "(?:,?\\s+(?:(?<dayWeekday>"
          + WEEKDAY
          + ")|(?i:(?<dayRelative>today|yesterday|tomorrow))|(?<dayMonth>"
          + MONTH
          + ")\\s+(?<dayNum>"
          + DAY_NUM
          + ")\\b))?";

  static void addTo(List<Rule> rules) {
    rules.add(
        Rule.of(
            "clock",
            "(?:\\b(?i:around|approximately)\\s+)?(?<![\\d.:$])\\b(?<hour>\\d{1,2})(?:[:.](?<minute>\\d{2}))?"
                + "\\s*(?i:(?<ampm>a\\.m\\.?|p\\.m\\.?|am\\b|pm\\b|o'clock))"
                + ZONE
                + DAY_AFTER,
            (m, c) -> {
              int h = Integer.parseInt(m.group("hour"));
              int min = m.group("minute") == null ? 0 : Integer.parseInt(m.group("minute"));
              String ampm = m.group("ampm").toLowerCase(Locale.ROOT);
              if (h > 12 || min > 59) {
                return;
              }
              if (ampm.startsWith("p") && h < 12) {
                h += 12;
              } else if (ampm.startsWith("a") && h == 12) {
                h = 0;
              }
              c.emit(TimexType.TIME, day(m, c) + String.format("T%02d:%02d", h, min));
            }));
    rules.add(
        Rule.of(
            "noon",
            "\\b(?i:(?<word>noon|midnight|midday))" + DAY_AFTER,
            (m, c) -> {
              if (c.before(5).equalsIgnoreCase("high ")) {
                return;
              }
              String w = m.group("word").toLowerCase(Locale.ROOT);
              c.emit(TimexType.TIME, day(m, c) + (w.equals("midnight") ? "T24:00" : "T12:00"));
            }));
    rules.add(
        Rule.of(
            "clock-24h",
            "(?<![\\d.:$])\\b(?<hour>[01]?\\d|2[0-3]):(?<minute>[0-5]\\d)\\s*(?:GMT|UTC|EST|EDT|"
                + "(?i:local time|hrs|hours))\\b"
                + DAY_AFTER,
            (m, c) ->
                c.emit(
                    TimexType.TIME,
                    day(m, c)
                        + "T"
                        + String.format(
                            "%02d:%s", Integer.parseInt(m.group("hour")), m.group("minute")))));
    rules.add(
        Rule.of(
            "part-of-day",
            "\\b(?i:(?:early|late|mid)[- ]?(?<part>morning|afternoon|evening)(?:\\s+(?<day>yesterday|today"
                + "|tomorrow))?)\\b",
            (m, c) -> {
              // "at mid-afternoon yesterday": the day named after the part of the day.
              LocalDate d =
                  m.group("day") == null
                      ? c.dct
                      : c.dct.plusDays(RelativeRules.offset(m.group("day")));
              c.emit(TimexType.TIME, d + "T" + RelativeRules.partOfDay(m.group("part")));
            }));
  }

  /** The date of a clock time: the day named after it, else the publication date. */
  private static String day(Match m, Context c) {
    LocalDate d = c.dct;
    if (m.group("dayWeekday") != null) {
      d = Calendars.weekday(c.dct, Lexicon.weekday(m.group("dayWeekday")), c.tense());
    } else if (m.group("dayRelative") != null) {
      d = c.dct.plusDays(RelativeRules.offset(m.group("dayRelative")));
    } else if (m.group("dayMonth") != null) {
      int month = Lexicon.month(m.group("dayMonth"));
      int dd = Lexicon.ordinal(m.group("dayNum"));
      int y = Calendars.yearOfDay(c.dct, month, dd, c.tense());
      if (Calendars.valid(y, month, dd)) {
        d = LocalDate.of(y, month, dd);
      }
    }
    return d.toString();
  }
}
