package io.wirestream.enrich.nlp.time;

import static io.wirestream.enrich.nlp.time.Lexicon.DAY_NUM;
import static io.wirestream.enrich.nlp.time.Lexicon.MONTH;
import static io.wirestream.enrich.nlp.time.Lexicon.WEEKDAY;
import static io.wirestream.enrich.nlp.time.Lexicon.YEAR4;

import io.wirestream.common.model.TimexType;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;

/** Explicit calendar dates: full dates, months, years, decades, centuries, year ranges. */
final class DateRules {

  private DateRules() {}

  /** "early", "mid-", "late", "the end of" and the like: kept in the extent, not in the value. */
  static final String FUZZ =
      "(?:(?i:(?:the )?(?:very )?(?:beginning|start|end|middle|rest|remainder|close) of (?:the )?"
          + "|(?:early|mid|late|middle)[- ]|(?:earlier|later) in )\\s*)?";

  static void addTo(List<Rule> rules) {
    rules.add(
        Rule.of(
            "iso-date",
            "\\b(?<year>\\d{4})-(?<month>\\d{2})-(?<day>\\d{2})\\b",
            (m, c) ->
                date(c, Integer.parseInt(m.group("year")), m.group("month"), m.group("day"))));
    rules.add(
        Rule.of(
            "us-numeric-date",
            "(?<![\\d/])(?<month>\\d{1,2})/(?<day>\\d{1,2})/(?<year>\\d{4}|\\d{2})(?![\\d/])",
            (m, c) -> {
              int y = Integer.parseInt(m.group("year"));
              if (m.group("year").length() == 2) {
                y += y < 50 ? 2000 : 1900;
              }
              date(c, y, m.group("month"), m.group("day"));
            }));
    rules.add(
        Rule.of(
            "month-day-year",
            "(?:"
                + WEEKDAY
                + ",?\\s+)?\\b(?<month>"
                + MONTH
                + ")\\s+(?<day>"
                + DAY_NUM
                + "|"
                + Lexicon.DAY_WORD
                + ")\\b(?:,?\\s+(?<year>"
                + YEAR4
                + ")\\b)?",
            (m, c) -> {
              int month = Lexicon.month(m.group("month"));
              int day = Lexicon.dayOfMonth(m.group("day"));
              LocalDate d = day(c, m.group("year"), month, day);
              if (d != null) {
                c.emitExplicit(TimexType.DATE, d.toString());
              }
            }));
    rules.add(
        Rule.of(
            "week-of",
            "\\b(?i:the\\s+)?(?i:week)\\s+(?i:of)\\s+(?<month>"
                + MONTH
                + ")\\s+(?<day>"
                + DAY_NUM
                + ")\\b(?:,?\\s+(?<year>"
                + YEAR4
                + ")\\b)?",
            (m, c) -> {
              int month = Lexicon.month(m.group("month"));
              int day = Lexicon.dayOfMonth(m.group("day"));
              LocalDate d = day(c, m.group("year"), month, day);
              if (d != null) {
                c.emitExplicit(TimexType.DATE, Calendars.week(d));
              }
            }));
    rules.add(
        Rule.of(
            "day-month-year",
            "(?:"
                + WEEKDAY
                + ",?\\s+)?\\b(?<day>"
                + DAY_NUM
                + ")\\s+(?:(?i:of)\\s+)?(?<month>"
                + MONTH
                + ")(?:,?\\s+(?<year>"
                + YEAR4
                + ")\\b)?",
            (m, c) -> {
              int month = Lexicon.month(m.group("month"));
              int day = Lexicon.ordinal(m.group("day"));
              LocalDate d = day(c, m.group("year"), month, day);
              if (d != null) {
                c.emitExplicit(TimexType.DATE, d.toString());
              }
            }));
    rules.add(
        Rule.of(
            "month-year",
            FUZZ
                + "\\b(?:(?i:(?<mod>last|next|this|this past|this coming|that) ))?(?<month>"
                + MONTH
                + ")(?!\\w)(?!\\s+\\d{1,2}(?:st|nd|rd|"
                + "th)?\\b(?!,?\\s*\\d))(?:,?\\s+(?:(?i:of)\\s+)?(?<year>"
                + Lexicon.YEAR
                + ")\\b|"
                + "\\s+(?i:(?<relYear>this|last|next) year)\\b)?",
            (m, c) -> {
              String name = m.group("month");
              String mod = m.group("mod");
              String year = m.group("year");
              if (name.equals("May") && year == null && mod == null && modalMay(c)) {
                return;
              }
              if (year == null && mod == null && (nounMonth(c, name) || surname(c))) {
                return;
              }
              if (m.group("relYear") != null) {
                String rel = m.group("relYear").toLowerCase(Locale.ROOT);
                int y = c.dct.getYear() + (rel.equals("last") ? -1 : rel.equals("next") ? 1 : 0);
                c.emitExplicit(TimexType.DATE, Calendars.month(y, Lexicon.month(name)));
                return;
              }
              int month = Lexicon.month(name);
              int y;
              if (year != null) {
                y = Lexicon.year(year);
              } else if (mod != null) {
                y = relativeMonthYear(c.dct, month, mod.toLowerCase(Locale.ROOT));
              } else {
                y = Calendars.yearOfMonth(c.dct, month, c.tense());
              }
              c.emitExplicit(TimexType.DATE, Calendars.month(y, month));
            }));
    rules.add(
        Rule.of(
            "year",
            FUZZ
                + "(?:(?i:(?:the )?(?:fiscal|calendar|model|the year|"
                + "school year) ))?(?<![$\\d.,#])(?<year>"
                + YEAR4
                + ")(?!\\d|,\\d|\\.\\d|%|-\\d| percent|'?s\\b)",
            (m, c) -> {
              String before = c.before(12).toLowerCase(Locale.ROOT);
              if (before.endsWith("no. ") || before.endsWith("number ")) {
                return;
              }
              c.emitExplicit(TimexType.DATE, m.group("year"));
            }));
    rules.add(
        Rule.of(
            "year-range",
            "(?<![$\\d.,])(?<from>" + YEAR4 + ")\\s?[-–/]\\s?(?<to>\\d{4}|\\d{2})(?![\\d%])",
            (m, c) -> {
              int from = Integer.parseInt(m.group("from"));
              int to = Integer.parseInt(m.group("to"));
              if (m.group("to").length() == 2) {
                to += from / 100 * 100;
              }
              if (to <= from || to - from > 50) {
                return;
              }
              c.emitExplicit(m.start("from"), m.end("from"), TimexType.DATE, Calendars.year(from));
              c.emitExplicit(m.start("to"), m.end("to"), TimexType.DATE, Calendars.year(to));
            }));
    rules.add(
        Rule.of(
            "decade",
            "(?:(?i:the )?)?" + FUZZ + "(?<![$\\d])(?<century>1[0-9]|20)(?<decade>\\d)0'?s\\b",
            (m, c) -> c.emitExplicit(TimexType.DATE, m.group("century") + m.group("decade"))));
    rules.add(
        Rule.of(
            "short-decade",
            "(?:(?i:the )?)?" + FUZZ + "['’](?<decade>[2-9])0s\\b",
            (m, c) -> c.emitExplicit(TimexType.DATE, "19" + m.group("decade"))));
    rules.add(
        Rule.of(
            "decade-word",
            "(?i:(?:the )?"
                + FUZZ
                + "(?<decade>twenties|thirties|forties|fifties|sixties|seventies|eighties"
                + "|nineties))\\b",
            (m, c) -> c.emitExplicit(TimexType.DATE, "19" + decadeWord(m.group("decade")))));
    rules.add(
        Rule.of(
            "century",
            "(?:(?i:the )?)?"
                + FUZZ
                + "\\b(?<ordinal>\\d{1,2}(?:st|nd|rd|th)|(?i:"
                + Lexicon.ORDINAL_WORD
                + "|thirteenth|fourteenth|fifteenth|sixteenth|seventeenth|eighteenth|nineteenth"
                + "|twentieth|twenty-first))[- ](?i:century)\\b",
            (m, c) -> {
              int n = centuryNumber(m.group("ordinal"));
              if (n > 0) {
                c.emitExplicit(TimexType.DATE, String.format("%02d", n - 1));
              }
            }));
  }

  private static void date(Context c, int year, String month, String day) {
    int mo = Integer.parseInt(month);
    int d = Integer.parseInt(day);
    if (year >= 1000 && Calendars.valid(year, mo, d)) {
      c.emitExplicit(TimexType.DATE, LocalDate.of(year, mo, d).toString());
    }
  }

  /** "May" at the start of a sentence followed by a pronoun or verb is the modal. */
  private static boolean modalMay(Context c) {
    String after = c.after(12);
    return after.matches("(?s)\\s+(?:I|we|you|he|she|it|they|be|have|not)\\b.*");
  }

  private static final java.util.Set<String> CAPITALISED_FUNCTION_WORDS =
      java.util.Set.of(
          "In",
          "By",
          "Since",
          "Until",
          "On",
          "From",
          "Through",
          "During",
          "Before",
          "After",
          "Of",
          "And",
          "Or",
          "Last",
          "Next",
          "This",
          "That",
          "Early",
          "Late",
          "Mid",
          "Till",
          "To",
          "For",
          "At",
          "Between",
          "Also",
          "But",
          "Then",
          "Throughout",
          "The",
          "A",
          "An",
          "Its",
          "His",
          "Her",
          "Their",
          "Our",
          "Every",
          "Each",
          "Only",
          "IN",
          "BY",
          "OF");

  /** "said Richard May, an analyst": a capitalised word before a bare month is a first name. */
  private static boolean surname(Context c) {
    String before = c.before(20);
    java.util.regex.Matcher w =
        java.util.regex.Pattern.compile("(?<word>[A-Z][a-z]+)\\s+$").matcher(before);
    return w.find() && !CAPITALISED_FUNCTION_WORDS.contains(w.group("word"));
  }

  /** "the annual March for Life", "the March of the Mothers": a march, not the month. */
  private static boolean nounMonth(Context c, String name) {
    if (!name.equals("March") && !name.equals("MARCH")) {
      return false;
    }
    String before = c.before(10).toLowerCase(Locale.ROOT);
    String after = c.after(6).toLowerCase(Locale.ROOT);
    if (before.matches(
        "(?s).*\\b(?:in|since|until|till|by|from|through|early|late|last|next)\\s+$")) {
      return false; // "stepped down in March for health reasons": after a preposition, the month
    }
    return before.matches("(?s).*(?:annual|``|\"|')\\s*$")
        || after.matches("(?s)\\s+(?:for|of|on|to)\\b.*");
  }

  private static int relativeMonthYear(LocalDate dct, int month, String modifier) {
    int y = dct.getYear();
    switch (modifier) {
      case "last":
        // The month just ended is "last month"; "last March" written in April is a year back
        int previous = dct.getMonthValue() == 1 ? 12 : dct.getMonthValue() - 1;
        int latest = month < dct.getMonthValue() ? y : y - 1;
        return month == previous ? latest - 1 : latest;
      case "this past":
        return month < dct.getMonthValue() ? y : y - 1;
      case "next":
      case "this coming":
        return month > dct.getMonthValue() ? y : y + 1;
      default:
        return y;
    }
  }

  private static String decadeWord(String w) {
    switch (w.toLowerCase(Locale.ROOT)) {
      case "twenties":
        return "2";
      case "thirties":
        return "3";
      case "forties":
        return "4";
      case "fifties":
        return "5";
      case "sixties":
        return "6";
      case "seventies":
        return "7";
      case "eighties":
        return "8";
      default:
        return "9";
    }
  }

  private static int centuryNumber(String w) {
    String s = w.toLowerCase(Locale.ROOT);
    if (Character.isDigit(s.charAt(0))) {
      return Integer.parseInt(s.replaceAll("[^0-9]", ""));
    }
    switch (s) {
      case "thirteenth":
        return 13;
      case "fourteenth":
        return 14;
      case "fifteenth":
        return 15;
      case "sixteenth":
        return 16;
      case "seventeenth":
        return 17;
      case "eighteenth":
        return 18;
      case "nineteenth":
        return 19;
      case "twentieth":
        return 20;
      case "twenty-first":
        return 21;
      default:
        return Lexicon.ordinal(s);
    }
  }

  /**
   * The day a match names: in the year written, else in the year the tense points to; null when
   * there is no such day (April 31).
   */
  private static LocalDate day(Context c, String writtenYear, int month, int day) {
    int year =
        writtenYear != null
            ? Integer.parseInt(writtenYear)
            : Calendars.yearOfDay(c.dct, month, day, c.tense());
    return Calendars.valid(year, month, day) ? LocalDate.of(year, month, day) : null;
  }
}
