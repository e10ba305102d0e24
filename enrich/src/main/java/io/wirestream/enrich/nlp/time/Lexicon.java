package io.wirestream.enrich.nlp.time;

import java.time.DayOfWeek;
import java.util.Locale;
import java.util.Map;

/** Words of the temporal vocabulary and the regular-expression fragments built from them. */
final class Lexicon {

  private Lexicon() {}

  /**
   * Month names. Capitalised only, so that the modal "may" and the verb "march" do not match;
   * abbreviations take an optional full stop.
   */
  static final String MONTH =
      "(?:January|February|March|April|May|June|July|August|September|October|November|December"
          + "|JANUARY|FEBRUARY|MARCH|APRIL|JUNE|JULY|AUGUST|SEPTEMBER|OCTOBER|NOVEMBER|DECEMBER"
          + "|(?:Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept|Sep|Oct|Nov|Dec)"
          + "(?:\\.|(?=\\s+(?:[0-9]{1,2}(?:st|nd|rd|th)?|[0-9]{4})\\b(?![.,][0-9]))))";

  static final String WEEKDAY =
      "(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday"
          + "|MONDAY|TUESDAY|WEDNESDAY|THURSDAY|FRIDAY|SATURDAY|SUNDAY"
          + "|(?:Mon|Tue|Tues|Wed|Thu|Thur|Thurs|Fri|Sat|Sun)\\.)";

  /** A day of the month; not the start of a decimal ("May 20.0" in a table). */
  static final String DAY_NUM = "(?:[12][0-9]|3[01]|0?[1-9])(?:st|nd|rd|th)?(?![.,][0-9])";

  /** A day of the month in words: "March two", "March eighth", "the twenty-first". */
  static final String DAY_WORD =
      "(?i:(?:twenty|thirty)[- ](?:first|second|third|fourth|fifth|sixth|seventh|eighth|ninth"
          + "|one|two|three|four|five|six|seven|eight|nine)|thirtieth|twentieth|thirty"
          + "|tenth|eleventh|twelfth|thirteenth|fourteenth|fifteenth|sixteenth|seventeenth"
          + "|eighteenth|nineteenth|first|second|third|fourth|fifth|sixth|seventh|eighth|ninth"
          + "|ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen"
          + "|twenty|one|two|three|four|five|six|seven|eight|nine)";

  static final String YEAR4 = "(?:1[6-9][0-9]{2}|20[0-9]{2})";

  /** A year spoken in words, as broadcast transcripts write it: "nineteen ninety-four". */
  static final String SPOKEN_YEAR =
      "(?i:(?:nineteen|eighteen)[- ](?:twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety)"
          + "(?:[- ](?:one|two|three|four|five|six|seven|eight|nine))?)";

  /** A year in digits or spoken in words. */
  static final String YEAR = "(?:" + YEAR4 + "|" + SPOKEN_YEAR + ")";

  /** The value of a {@link #YEAR} match. */
  static int year(String year) {
    if (Character.isDigit(year.charAt(0))) {
      return Integer.parseInt(year);
    }
    String[] w = year.toLowerCase(Locale.ROOT).split("[- ]");
    int century = w[0].equals("nineteen") ? 1900 : 1800;
    return century + tenths(w[1]) / 10 + (w.length > 2 ? tenths(w[2]) / 10 : 0);
  }

  static final String ORDINAL_WORD =
      "(?:first|second|third|fourth|fifth|sixth|seventh|eighth|ninth|tenth|eleventh|twelfth)";

  private static final String UNITS_W = "one|two|three|four|five|six|seven|eight|nine";
  private static final String TEENS_W =
      "ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen";
  private static final String TENS_W = "twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety";

  /** A number written in words, one to ninety-nine (and "a hundred"). */
  static final String NUMBER_WORD =
      "(?:(?:"
          + TENS_W
          + ")(?:[- ](?:"
          + UNITS_W
          + "))?|"
          + TEENS_W
          + "|"
          + UNITS_W
          + "|(?:a|one) hundred|a dozen|dozen)";

  /** Amounts that give a vague duration, PXY style. */
  static final String VAGUE_AMOUNT =
      "(?:a few|a couple of|a number of|several|few|some|many|numerous|the next few|recent|coming)";

  static final String NUMBER =
      "(?:[0-9]{1,3}(?:,[0-9]{3})*(?: 1/2|\\.5)?|"
          + NUMBER_WORD
          + "(?: and a half)?|an?|"
          + "couple of)";

  static final String PART_OF_DAY = "(?:morning|afternoon|evening|night)";

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

  private static final Map<String, Integer> SMALL_NUMBERS =
      Map.ofEntries(
          Map.entry("a", 1),
          Map.entry("an", 1),
          Map.entry("one", 1),
          Map.entry("two", 2),
          Map.entry("three", 3),
          Map.entry("four", 4),
          Map.entry("five", 5),
          Map.entry("six", 6),
          Map.entry("seven", 7),
          Map.entry("eight", 8),
          Map.entry("nine", 9),
          Map.entry("ten", 10),
          Map.entry("eleven", 11),
          Map.entry("twelve", 12),
          Map.entry("thirteen", 13),
          Map.entry("fourteen", 14),
          Map.entry("fifteen", 15),
          Map.entry("sixteen", 16),
          Map.entry("seventeen", 17),
          Map.entry("eighteen", 18),
          Map.entry("nineteen", 19),
          Map.entry("twenty", 20),
          Map.entry("thirty", 30),
          Map.entry("forty", 40),
          Map.entry("fifty", 50),
          Map.entry("sixty", 60),
          Map.entry("seventy", 70),
          Map.entry("eighty", 80),
          Map.entry("ninety", 90),
          Map.entry("dozen", 12),
          Map.entry("couple", 2),
          Map.entry("hundred", 100));

  private static final Map<String, Integer> ORDINALS =
      Map.ofEntries(
          Map.entry("first", 1),
          Map.entry("second", 2),
          Map.entry("third", 3),
          Map.entry("fourth", 4),
          Map.entry("fifth", 5),
          Map.entry("sixth", 6),
          Map.entry("seventh", 7),
          Map.entry("eighth", 8),
          Map.entry("ninth", 9),
          Map.entry("tenth", 10),
          Map.entry("eleventh", 11),
          Map.entry("twelfth", 12));

  /** The day of "12", "12th", "two", "eighth" or "twenty-first". */
  static int dayOfMonth(String word) {
    String w = word.toLowerCase(Locale.ROOT);
    if (Character.isDigit(w.charAt(0))) {
      return Integer.parseInt(w.replaceAll("[^0-9]", ""));
    }
    int total = 0;
    for (String part : w.split("[- ]")) {
      Integer n = ORDINALS.get(part);
      if (n == null) {
        n = MORE_ORDINALS.get(part);
      }
      if (n == null) {
        n = SMALL_NUMBERS.get(part);
      }
      total += n == null ? 0 : n;
    }
    return total;
  }

  private static final Map<String, Integer> MORE_ORDINALS =
      Map.ofEntries(
          Map.entry("thirteenth", 13),
          Map.entry("fourteenth", 14),
          Map.entry("fifteenth", 15),
          Map.entry("sixteenth", 16),
          Map.entry("seventeenth", 17),
          Map.entry("eighteenth", 18),
          Map.entry("nineteenth", 19),
          Map.entry("twentieth", 20),
          Map.entry("thirtieth", 30));

  /** 1–12 for a month name or abbreviation. */
  static int month(String name) {
    return MONTHS.get(name.substring(0, 3).toLowerCase(Locale.ROOT));
  }

  static DayOfWeek weekday(String name) {
    String n = name.substring(0, 3).toLowerCase(Locale.ROOT);
    switch (n) {
      case "mon":
        return DayOfWeek.MONDAY;
      case "tue":
        return DayOfWeek.TUESDAY;
      case "wed":
        return DayOfWeek.WEDNESDAY;
      case "thu":
        return DayOfWeek.THURSDAY;
      case "fri":
        return DayOfWeek.FRIDAY;
      case "sat":
        return DayOfWeek.SATURDAY;
      default:
        return DayOfWeek.SUNDAY;
    }
  }

  static int ordinal(String word) {
    String w = word.toLowerCase(Locale.ROOT);
    Integer n = ORDINALS.get(w);
    if (n != null) {
      return n;
    }
    return Integer.parseInt(w.replaceAll("[^0-9]", ""));
  }

  /**
   * The value of an amount such as "24", "twenty-four", "a", "2 1/2" or "a couple of", in tenths so
   * that halves survive; -1 when the amount is vague ("several").
   */
  static int tenths(String amount) {
    String a = amount.toLowerCase(Locale.ROOT).trim();
    int extra = 0;
    if (a.endsWith(" 1/2") || a.endsWith(".5")) {
      extra = 5;
      a = a.substring(0, a.length() - (a.endsWith(".5") ? 2 : 4));
    } else if (a.endsWith(" and a half")) {
      extra = 5;
      a = a.substring(0, a.length() - " and a half".length());
    }
    if (a.isEmpty()) {
      return -1;
    }
    if (Character.isDigit(a.charAt(0))) {
      return Integer.parseInt(a.replace(",", "")) * 10 + extra;
    }
    int total = 0;
    String[] parts = a.split("[- ]");
    for (String part : parts) {
      if (part.equals("of") || (parts.length > 1 && (part.equals("a") || part.equals("an")))) {
        continue;
      }
      Integer n = SMALL_NUMBERS.get(part);
      if (n == null) {
        return -1;
      }
      total = n == 100 ? Math.max(total, 1) * 100 : total + n;
    }
    return total * 10 + extra;
  }
}
