package io.wirestream.enrich.nlp.time;

import static io.wirestream.enrich.nlp.time.Lexicon.YEAR4;

import io.wirestream.common.model.TemporalExpression;
import io.wirestream.common.model.TimexType;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;

/** Quarters and halves of years: "the third quarter", "third-quarter", "the first half". */
final class QuarterRules {

  private QuarterRules() {}

  static void addTo(List<Rule> rules) {
    rules.add(
        Rule.of(
            "two-quarters",
            "(?i:\\b(?:at\\s+least\\s+)?(?:the\\s+)?(?<which>first|last|final|second)\\s+(?:two|"
                + "2)\\s+quarters\\s+of\\s+(?<year>"
                + YEAR4
                + "))\\b",
            (m, c) ->
                c.emit(
                    TimexType.DATE,
                    Calendars.half(
                        Integer.parseInt(m.group("year")),
                        m.group("which").equalsIgnoreCase("first") ? 1 : 2))));
    rules.add(
        Rule.of(
            "quarter",
            "(?i:\\b(?:(?<det>the|its|a|this|last|next|this year's|last year's|next year's|"
                + "the year's)\\s+)?"
                + "(?:(?:fiscal|calendar|flat|seasonally)[- ])?"
                + "(?<which>first|second|third|fourth|1st|2nd|3rd|4th|final|latest|current|previous|past"
                + "|recent|last|same)[- ](?:fiscal[- ])?(?:quarter|qtr\\.?)"
                + "(?:\\s+of\\s+(?:fiscal\\s+)?(?<of>"
                + YEAR4
                + "|this year|last year|next year)|"
                + ",?\\s+(?<year>"
                + YEAR4
                + "))?)\\b",
            (m, c) -> {
              String det = m.group("det") == null ? "" : m.group("det").toLowerCase(Locale.ROOT);
              // "a third-quarter loss", "its fourth quarter": the determiner stays outside.
              if (det.equals("its")
                  || det.equals("a")
                  || (det.equals("the") && m.group().contains("-quarter"))) {
                int s = m.end("det");
                while (Character.isWhitespace(c.text.charAt(s))) {
                  s++;
                }
                c.narrow(s, m.end());
              }
              quarter(
                  c,
                  m.group("det"),
                  m.group("which").toLowerCase(Locale.ROOT),
                  m.group("of") != null ? m.group("of") : m.group("year"));
            }));
    rules.add(
        Rule.of(
            "year-quarter",
            "(?i:\\b(?:the\\s+)?(?<year>"
                + YEAR4
                + ")\\s+(?:fiscal\\s+)?(?:(?<which>first|second|third|"
                + "fourth)[- ])?"
                + "(?:fiscal\\s+)?(?<unit>quarter|period))\\b",
            (m, c) -> {
              int year = Integer.parseInt(m.group("year"));
              int q;
              if (m.group("which") == null
                  && m.group("unit").equalsIgnoreCase("period")
                  && afterMonthsTotal(c)) {
                // "In the first nine months, net was $306 million, against a loss in the 1988
                // period": the same months of 1988, given as the year.
                c.emitDerived(TimexType.DATE, Calendars.year(year));
                return;
              }
              if (m.group("which") != null) {
                q = Lexicon.ordinal(m.group("which"));
              } else if (c.reportedQuarter > 0) {
                q = c.reportedQuarter % 10;
              } else {
                q = Calendars.quarterOf(c.dct.minusMonths(3));
              }
              c.emit(TimexType.DATE, Calendars.quarter(year, q));
            }));
    rules.add(
        Rule.of(
            "bare-quarter",
            "(?i:\\b(?<det>the|this|that|last|next) quarter)\\b(?!-)",
            (m, c) -> quarter(c, m.group("det"), m.group("det").toLowerCase(Locale.ROOT), null)));
    rules.add(
        Rule.of(
            "half",
            "(?i:\\b(?:the\\s+)?(?<which>first|second|latter|last|back|front)\\s+half"
                + "(?:\\s+of\\s+(?:(?:the|this|fiscal)\\s+)?(?<of>"
                + YEAR4
                + "|year|this year|"
                + "last year|next year"
                + "|fiscal year))?)\\b",
            (m, c) -> {
              String after = c.after(20).toLowerCase(Locale.ROOT);
              if (m.group("of") == null && after.startsWith(" of ")) {
                return;
              }
              String w = m.group("which").toLowerCase(Locale.ROOT);
              int half = w.equals("first") || w.equals("front") ? 1 : 2;
              int year = yearOf(c, m.group("of"));
              if (m.group("of") == null
                  && c.tense() != Tense.FUTURE
                  && half == 2
                  && c.dct.getMonthValue() <= 6) {
                year--;
              }
              c.emit(TimexType.DATE, Calendars.half(year, half));
            }));
  }

  private static int yearOf(Context c, String phrase) {
    if (phrase == null) {
      return c.dct.getYear();
    }
    String p = phrase.toLowerCase(Locale.ROOT);
    if (p.equals("last year")) {
      return c.dct.getYear() - 1;
    }
    if (p.equals("next year")) {
      return c.dct.getYear() + 1;
    }
    if (Character.isDigit(p.charAt(0))) {
      return Integer.parseInt(p);
    }
    return c.dct.getYear();
  }

  /** Whether the expression before was a span of months ("the first nine months"). */
  private static boolean afterMonthsTotal(Context c) {
    if (c.found.isEmpty()) {
      return false;
    }
    TemporalExpression last = c.found.get(c.found.size() - 1);
    return last.type() == TimexType.DURATION && last.value().matches("P\\d+M");
  }

  private static void quarter(Context c, String det, String which, String of) {
    int dctQ = Calendars.quarterOf(c.dct);
    int dctY = c.dct.getYear();
    String d = det == null ? "" : det.toLowerCase(Locale.ROOT);
    int yearShift = d.startsWith("last year") ? -1 : d.startsWith("next year") ? 1 : 0;
    int q;
    int y;
    switch (which) {
      case "first":
      case "1st":
        q = 1;
        break;
      case "second":
      case "2nd":
        q = 2;
        break;
      case "third":
      case "3rd":
        q = 3;
        break;
      case "fourth":
      case "4th":
      case "final":
        q = 4;
        break;
      default:
        q = 0;
    }
    if (q == 0) {
      LocalDate ref;
      if (which.equals("current") || which.equals("this")) {
        ref = c.dct;
      } else if (which.equals("next")) {
        ref = c.dct.plusMonths(3);
      } else if ((which.equals("the")
              || which.equals("same")
              || which.equals("that")
              || which.equals("recent"))
          && c.reportedQuarter > 0) {
        c.emitDerived(
            TimexType.DATE, Calendars.quarter(c.reportedQuarter / 10, c.reportedQuarter % 10));
        return;
      } else if (which.equals("last") && d.isEmpty()) {
        ref = c.dct.minusMonths(3);
      } else {
        // "the quarter", "the latest quarter": the quarter just reported.
        ref = c.dct.minusMonths(3);
      }
      c.emit(TimexType.DATE, Calendars.quarter(ref.getYear(), Calendars.quarterOf(ref)));
      return;
    }
    if (of != null) {
      y = yearOf(c, of);
    } else if (yearShift != 0) {
      y = dctY + yearShift;
    } else if (d.equals("last")) {
      y = q >= dctQ ? dctY - 1 : dctY;
    } else if (d.equals("next")) {
      y = q <= dctQ ? dctY + 1 : dctY;
    } else {
      y = Calendars.yearOfQuarter(c.dct, q, c.tense());
    }
    c.emit(TimexType.DATE, Calendars.quarter(y, q));
  }
}
