package io.wirestream.enrich.nlp.time;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.temporal.IsoFields;

/** Calendar arithmetic and TIMEX3 value formatting. */
final class Calendars {

  private Calendars() {}

  static String day(LocalDate d) {
    return d.toString();
  }

  static String month(int year, int month) {
    return String.format("%04d-%02d", year, month);
  }

  static String year(int year) {
    return String.format("%04d", year);
  }

  static String week(LocalDate d) {
    return String.format(
        "%04d-W%02d", d.get(IsoFields.WEEK_BASED_YEAR), d.get(IsoFields.WEEK_OF_WEEK_BASED_YEAR));
  }

  static String quarter(int year, int quarter) {
    return year(year) + "-Q" + quarter;
  }

  static int quarterOf(LocalDate d) {
    return (d.getMonthValue() - 1) / 3 + 1;
  }

  static String half(int year, int half) {
    return year(year) + "-H" + half;
  }

  /** The last day strictly before {@code d} that falls on {@code dow}. */
  static LocalDate previous(LocalDate d, DayOfWeek dow) {
    int back = (d.getDayOfWeek().getValue() - dow.getValue() + 7) % 7;
    return d.minusDays(back == 0 ? 7 : back);
  }

  /** The first day strictly after {@code d} that falls on {@code dow}. */
  static LocalDate next(LocalDate d, DayOfWeek dow) {
    int ahead = (dow.getValue() - d.getDayOfWeek().getValue() + 7) % 7;
    return d.plusDays(ahead == 0 ? 7 : ahead);
  }

  /**
   * A bare weekday ("on Friday"): the publication day itself when it falls on that day (news says
   * "Wednesday" of its own day), else the nearest one in the direction the tense points, the past
   * when the tense says nothing.
   */
  static LocalDate weekday(LocalDate dct, DayOfWeek dow, Tense tense) {
    if (dct.getDayOfWeek() == dow) {
      return dct;
    }
    return tense == Tense.FUTURE ? next(dct, dow) : previous(dct, dow);
  }

  /**
   * How far ahead a date in a past-tense sentence may lie and still be this year's: "the dividend
   * was raised, payable Jan. 2" (tuned on TimeBank; 30 to 100 days score within half a point).
   */
  private static final int PAST_SLACK_DAYS = 75;

  /** The same for a month named alone: "in May, he left" written in March is last May. */
  private static final int PAST_SLACK_MONTH_DAYS = 31;

  /** The year of a month named without one: "in January" is past or future by the tense. */
  static int yearOfMonth(LocalDate dct, int month, Tense tense) {
    return pickYear(dct, month, 0, tense);
  }

  /** The year of a day of a month named without one ("March 12"). */
  static int yearOfDay(LocalDate dct, int month, int day, Tense tense) {
    return pickYear(dct, month, day, tense);
  }

  /**
   * Of last year's, this year's and next year's month (or day of month), the first one not over for
   * a future tense, the last one begun (give or take a few weeks of announced dates) for a past
   * tense, and the nearest one otherwise.
   */
  private static int pickYear(LocalDate dct, int month, int day, Tense tense) {
    int best = dct.getYear();
    long bestDistance = Long.MAX_VALUE;
    for (int y = dct.getYear() - 1; y <= dct.getYear() + 1; y++) {
      if (day > 0 && !valid(y, month, day)) {
        continue;
      }
      LocalDate start = LocalDate.of(y, month, day > 0 ? day : 1);
      LocalDate end = day > 0 ? start : start.withDayOfMonth(start.lengthOfMonth());
      if (tense == Tense.FUTURE) {
        if (!end.isBefore(dct.minusDays(14))) {
          return y;
        }
        continue;
      }
      if (tense == Tense.PAST) {
        if (!start.isAfter(dct.plusDays(day > 0 ? PAST_SLACK_DAYS : PAST_SLACK_MONTH_DAYS))) {
          best = y;
        }
        continue;
      }
      long distance =
          dct.isBefore(start)
              ? start.toEpochDay() - dct.toEpochDay()
              : dct.isAfter(end) ? dct.toEpochDay() - end.toEpochDay() : 0;
      if (distance < bestDistance) {
        bestDistance = distance;
        best = y;
      }
    }
    return best;
  }

  /**
   * The year of a quarter named without one ("the third quarter"): last year's when a past-tense
   * sentence names a quarter that has not begun, unless it is the next one ("said it would ship in
   * the second quarter" in March).
   */
  static int yearOfQuarter(LocalDate dct, int quarter, Tense tense) {
    int q = quarterOf(dct);
    int y = dct.getYear();
    if (tense == Tense.PAST && quarter > q + 1) {
      return y - 1;
    }
    return y;
  }

  static String season(int year, String season) {
    return year(year) + "-" + seasonCode(season);
  }

  static String seasonCode(String season) {
    switch (season.toLowerCase(java.util.Locale.ROOT)) {
      case "spring":
        return "SP";
      case "summer":
        return "SU";
      case "winter":
        return "WI";
      default:
        return "FA";
    }
  }

  static boolean valid(int year, int month, int day) {
    if (month < 1 || month > 12 || day < 1) {
      return false;
    }
    return day <= java.time.YearMonth.of(year, month).lengthOfMonth();
  }
}
