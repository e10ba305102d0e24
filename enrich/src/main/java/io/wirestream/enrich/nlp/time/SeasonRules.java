package io.wirestream.enrich.nlp.time;

import static io.wirestream.enrich.nlp.time.Lexicon.YEAR4;

import io.wirestream.common.model.TimexType;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;

/** Seasons ("last summer" → 2016-SU) and holidays ("Thanksgiving", "Christmas Eve"). */
final class SeasonRules {

  private SeasonRules() {}

  static void addTo(List<Rule> rules) {
    rules.add(
        Rule.of(
            "season",
            "(?i:\\b(?:(?<mod>the|early|late|mid|last|this|next|this past|this coming)[- ]+)?"
                + "(?<season>spring|summer|fall|autumn|winter)(?:\\s+of\\s+(?<year>"
                + Lexicon.YEAR
                + "))?)\\b(?!-)",
            (m, c) -> season(c, m.group("mod"), m.group("season"), m.group("year"))));
    rules.add(
        Rule.of(
            "year-season",
            "\\b(?<year>" + YEAR4 + ")\\s+(?i:(?<season>spring|summer|fall|autumn|winter))\\b",
            (m, c) ->
                c.emit(
                    TimexType.DATE,
                    Calendars.season(Integer.parseInt(m.group("year")), m.group("season")))));
    rules.add(
        Rule.of(
            "holiday",
            "\\b(?:(?i:(?<mod>last|this|next) ))?(?<name>Christmas(?: Day| Eve)?|New Year's(?: Day| Eve)"
                + "|Thanksgiving(?: Day)?|Independence Day|Election Day|Halloween"
                + "|Valentine's Day|Labor Day|Memorial Day)\\b",
            (m, c) -> holiday(c, m.group("mod"), m.group("name"))));
  }

  private static void season(Context c, String mod, String season, String year) {
    String m = mod == null ? "" : mod.toLowerCase(Locale.ROOT).trim();
    String s = season.toLowerCase(Locale.ROOT);
    if ((s.equals("fall") || s.equals("spring")) && m.isEmpty() && year == null) {
      return;
    }
    int y;
    if (year != null) {
      y = Lexicon.year(year);
    } else if (m.equals("last")) {
      y = c.dct.getYear() - 1;
    } else if (m.equals("this past")) {
      y = seasonIndex(s) < seasonIndex(seasonNow(c.dct)) ? c.dct.getYear() : c.dct.getYear() - 1;
    } else if (m.equals("next") || m.equals("this coming")) {
      y = c.dct.getYear() + 1;
    } else {
      y = c.dct.getYear();
      int code = seasonIndex(s);
      int now = seasonIndex(seasonNow(c.dct));
      if (c.tense() == Tense.PAST && code > now) {
        y--;
      } else if (c.tense() == Tense.FUTURE && code < now) {
        y++;
      }
    }
    c.emit(TimexType.DATE, Calendars.season(y, s));
  }

  static String seasonNow(LocalDate d) {
    int mo = d.getMonthValue();
    if (mo >= 3 && mo <= 5) {
      return "spring";
    }
    if (mo >= 6 && mo <= 8) {
      return "summer";
    }
    if (mo >= 9 && mo <= 11) {
      return "fall";
    }
    return "winter";
  }

  static int seasonIndex(String s) {
    switch (s) {
      case "spring":
        return 1;
      case "summer":
        return 2;
      case "fall":
      case "autumn":
        return 3;
      default:
        return 4;
    }
  }

  private static void holiday(Context c, String mod, String name) {
    String n = name.toLowerCase(Locale.ROOT);
    int y = c.dct.getYear();
    String m = mod == null ? "" : mod.toLowerCase(Locale.ROOT);
    for (int attempt = 0; attempt < 2; attempt++) {
      LocalDate d = holidayDate(n, y);
      if (d == null) {
        return;
      }
      boolean past = m.equals("last") || (m.isEmpty() && c.tense() != Tense.FUTURE);
      if (past && d.isAfter(c.dct) && attempt == 0) {
        y--;
        continue;
      }
      if (!past && d.isBefore(c.dct) && attempt == 0 && !m.equals("this")) {
        y++;
        continue;
      }
      c.emit(TimexType.DATE, d.toString());
      return;
    }
    LocalDate d = holidayDate(n, y);
    if (d != null) {
      c.emit(TimexType.DATE, d.toString());
    }
  }

  private static LocalDate holidayDate(String n, int y) {
    if (n.startsWith("christmas eve")) {
      return LocalDate.of(y, 12, 24);
    }
    if (n.startsWith("christmas")) {
      return LocalDate.of(y, 12, 25);
    }
    if (n.startsWith("new year's eve")) {
      return LocalDate.of(y, 12, 31);
    }
    if (n.startsWith("new year's")) {
      return LocalDate.of(y, 1, 1);
    }
    if (n.startsWith("thanksgiving")) {
      return Calendars.next(LocalDate.of(y, 10, 31), DayOfWeek.THURSDAY).plusWeeks(3);
    }
    if (n.startsWith("independence")) {
      return LocalDate.of(y, 7, 4);
    }
    if (n.startsWith("halloween")) {
      return LocalDate.of(y, 10, 31);
    }
    if (n.startsWith("valentine")) {
      return LocalDate.of(y, 2, 14);
    }
    if (n.startsWith("labor")) {
      return Calendars.next(LocalDate.of(y, 8, 31), DayOfWeek.MONDAY);
    }
    if (n.startsWith("memorial")) {
      return Calendars.previous(LocalDate.of(y, 6, 1), DayOfWeek.MONDAY);
    }
    if (n.startsWith("election")) {
      return Calendars.next(
          Calendars.next(LocalDate.of(y, 10, 31), DayOfWeek.MONDAY), DayOfWeek.TUESDAY);
    }
    return null;
  }
}
