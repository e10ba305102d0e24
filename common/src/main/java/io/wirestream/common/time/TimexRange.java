package io.wirestream.common.time;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.temporal.IsoFields;
import java.time.temporal.TemporalAdjusters;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The calendar days a TIMEX3 value covers, first and last inclusive: {@code 1987-W09} is
 * 1987-02-23..1987-03-01, {@code 198} (the 1980s) is 1980-01-01..1989-12-31.
 *
 * <p>Durations ({@code P3D}), references ({@code PRESENT_REF}) and sets ({@code XXXX-WXX-1}) name
 * no fixed stretch of the calendar, so they have no range. A time of day ({@code 2017-04-12T15:00},
 * {@code 2017-04-12TMO}) is narrowed to its day, which is what a date-range query over news can
 * use. Seasons follow the meteorological northern-hemisphere convention the tagger's lexicon
 * assumes: winter {@code 1994-WI} runs from December 1994 to February 1995.
 */
public record TimexRange(LocalDate begin, LocalDate end) {

  private static final Pattern DAY = Pattern.compile("(\\d{4})-(\\d{2})-(\\d{2})(T.*)?");
  private static final Pattern MONTH = Pattern.compile("(\\d{4})-(\\d{2})");
  private static final Pattern WEEK = Pattern.compile("(\\d{4})-W(\\d{2})(-WE)?");
  private static final Pattern QUARTER = Pattern.compile("(\\d{4})-Q([1-4])");
  private static final Pattern HALF = Pattern.compile("(\\d{4})-H([12])");
  private static final Pattern SEASON = Pattern.compile("(\\d{4})-(SP|SU|FA|AU|WI)");
  private static final Pattern YEAR = Pattern.compile("\\d{4}");
  private static final Pattern DECADE = Pattern.compile("(\\d{3})X?");
  private static final Pattern CENTURY = Pattern.compile("(\\d{2})(XX)?");

  public TimexRange {
    Objects.requireNonNull(begin, "begin");
    Objects.requireNonNull(end, "end");
    if (end.isBefore(begin)) {
      throw new IllegalArgumentException("range ends " + end + " before it begins " + begin);
    }
  }

  /** Whether this range and [from, to] (inclusive; either may be null for open) share a day. */
  public boolean overlaps(LocalDate from, LocalDate to) {
    return (from == null || !end.isBefore(from)) && (to == null || !begin.isAfter(to));
  }

  /** The range of a TIMEX3 value, or empty when it names no fixed stretch or is malformed. */
  public static Optional<TimexRange> of(String value) {
    if (value == null || value.isBlank()) {
      return Optional.empty();
    }
    try {
      return Optional.ofNullable(parse(value.strip()));
    } catch (java.time.DateTimeException | NumberFormatException e) {
      // An impossible day (2017-02-30) or week 54 is a tagger bug, not a reason to fail a write.
      return Optional.empty();
    }
  }

  private static TimexRange parse(String value) {
    Matcher m;
    if ((m = DAY.matcher(value)).matches()) {
      LocalDate day = LocalDate.of(num(m, 1), num(m, 2), num(m, 3));
      return new TimexRange(day, day);
    }
    if ((m = MONTH.matcher(value)).matches()) {
      YearMonth month = YearMonth.of(num(m, 1), num(m, 2));
      return new TimexRange(month.atDay(1), month.atEndOfMonth());
    }
    if ((m = WEEK.matcher(value)).matches()) {
      return week(num(m, 1), num(m, 2), m.group(3) != null);
    }
    if ((m = QUARTER.matcher(value)).matches()) {
      return months(num(m, 1), (num(m, 2) - 1) * 3 + 1, 3);
    }
    if ((m = HALF.matcher(value)).matches()) {
      return months(num(m, 1), (num(m, 2) - 1) * 6 + 1, 6);
    }
    if ((m = SEASON.matcher(value)).matches()) {
      int year = num(m, 1);
      return switch (m.group(2)) {
        case "SP" -> months(year, 3, 3);
        case "SU" -> months(year, 6, 3);
        case "FA", "AU" -> months(year, 9, 3);
        default -> months(year, 12, 3);
      };
    }
    if (YEAR.matcher(value).matches()) {
      return years(Integer.parseInt(value), 1);
    }
    if ((m = DECADE.matcher(value)).matches()) {
      return years(num(m, 1) * 10, 10);
    }
    if ((m = CENTURY.matcher(value)).matches()) {
      return years(num(m, 1) * 100, 100);
    }
    return null;
  }

  private static TimexRange week(int weekYear, int week, boolean weekendOnly) {
    LocalDate anyDayOfWeekOne = LocalDate.of(weekYear, 1, 4);
    if (week < 1 || week > anyDayOfWeekOne.range(IsoFields.WEEK_OF_WEEK_BASED_YEAR).getMaximum()) {
      return null;
    }
    LocalDate monday =
        anyDayOfWeekOne
            .with(IsoFields.WEEK_OF_WEEK_BASED_YEAR, week)
            .with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
    LocalDate sunday = monday.plusDays(6);
    return new TimexRange(weekendOnly ? monday.plusDays(5) : monday, sunday);
  }

  private static TimexRange months(int year, int firstMonth, int count) {
    LocalDate begin = LocalDate.of(year, firstMonth, 1);
    return new TimexRange(begin, begin.plusMonths(count).minusDays(1));
  }

  private static TimexRange years(int firstYear, int count) {
    return new TimexRange(
        LocalDate.of(firstYear, 1, 1), LocalDate.of(firstYear + count - 1, 12, 31));
  }

  private static int num(Matcher m, int group) {
    return Integer.parseInt(m.group(group));
  }
}
