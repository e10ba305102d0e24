package io.wirestream.enrich.nlp.time;

import io.wirestream.common.model.TimexType;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;

/**
 * Reporting periods of business news ("the year ended Sept. 30", "the latest period", "by
 * year-end") and years spoken in words ("nineteen ninety-six", "the year two thousand").
 */
final class PeriodRules {

  private PeriodRules() {}

  private static final String DIGIT_WORD = "(?:one|two|three|four|five|six|seven|eight|nine)";
  private static final String TENS_WORD =
      "(?:twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety)";

  static void addTo(List<Rule> rules) {
    rules.add(
        Rule.of(
            "the-year",
            "\\b(?i:the\\s+(?:full\\s+|fiscal\\s+|current\\s+|calendar\\s+|whole\\s+|"
                + "entire\\s+)*year)\\b"
                + "(?![-'’])(?<tail>\\s+(?i:ended|ending|to|through))?",
            (m, c) -> {
              int end = m.group("tail") == null ? m.end() : m.start("tail");
              if (m.group("tail") != null) {
                c.emit(m.start(), end, TimexType.DURATION, "P1Y");
              } else {
                // "In 1986 the company earned $1 a share for the full year": that year.
                int anchor = c.recentAnchorYear(120);
                c.emit(
                    m.start(),
                    end,
                    TimexType.DATE,
                    Calendars.year(anchor > 0 ? anchor : c.dct.getYear()));
              }
            }));
    rules.add(
        Rule.of(
            "latest-period",
            "\\b(?i:the\\s+(?:latest|most recent|current|same)\\s+(?:fiscal\\s+)?(?<unit>period|"
                + "year))\\b(?!-)",
            (m, c) -> {
              if (m.group("unit").equalsIgnoreCase("year")) {
                String t = m.group().toLowerCase(Locale.ROOT);
                int back = t.contains("latest") ? 1 : 0;
                c.emit(TimexType.DATE, Calendars.year(c.dct.getYear() - back));
              } else if (c.lastQuarter > 0) {
                c.emitDerived(
                    TimexType.DATE, Calendars.quarter(c.lastQuarter / 10, c.lastQuarter % 10));
              } else {
                LocalDate q = c.dct.minusMonths(3);
                c.emit(TimexType.DATE, Calendars.quarter(q.getYear(), Calendars.quarterOf(q)));
              }
            }));
    rules.add(
        Rule.of(
            "year-end",
            "\\b(?i:(?:around\\s+)?(?:the\\s+)?(?:(?<mod>this|last|next)\\s+)?(?:year[- ]end|"
                + "year's end))\\b",
            (m, c) -> {
              String mod = m.group("mod") == null ? "" : m.group("mod").toLowerCase(Locale.ROOT);
              int y = c.dct.getYear() + (mod.equals("last") ? -1 : mod.equals("next") ? 1 : 0);
              c.emit(TimexType.DATE, Calendars.year(y));
            }));
    rules.add(
        Rule.of(
            "end-of-unit",
            "\\b(?i:(?:the\\s+)?(?:end|beginning|start|middle|rest|remainder|balance)\\s+of\\s+"
                + "(?:the|this)\\s+(?<unit>year|month|week|quarter|decade|century))\\b",
            (m, c) -> {
              LocalDate d = c.dct;
              switch (m.group("unit").toLowerCase(Locale.ROOT)) {
                case "month":
                  c.emit(TimexType.DATE, Calendars.month(d.getYear(), d.getMonthValue()));
                  break;
                case "week":
                  c.emit(TimexType.DATE, Calendars.week(d));
                  break;
                case "quarter":
                  c.emit(TimexType.DATE, Calendars.quarter(d.getYear(), Calendars.quarterOf(d)));
                  break;
                case "decade":
                  c.emit(TimexType.DATE, String.valueOf(d.getYear() / 10));
                  break;
                case "century":
                  c.emit(TimexType.DATE, String.format("%02d", d.getYear() / 100));
                  break;
                default:
                  c.emit(TimexType.DATE, Calendars.year(d.getYear()));
              }
            }));
    rules.add(
        Rule.of(
            "spoken-year",
            "\\b(?i:(?:the\\s+year\\s+)?(?<century>nineteen|"
                + "eighteen)[- ](?<tens>"
                + TENS_WORD
                + ")(?:[- ](?<units>"
                + DIGIT_WORD
                + "))?)\\b",
            (m, c) -> {
              int century = m.group("century").equalsIgnoreCase("nineteen") ? 1900 : 1800;
              int tens = Lexicon.tenths(m.group("tens")) / 10;
              int units = m.group("units") == null ? 0 : Lexicon.tenths(m.group("units")) / 10;
              c.emitExplicit(
                  m.start(), m.end(), TimexType.DATE, Calendars.year(century + tens + units));
            }));
    rules.add(
        Rule.of(
            "year-two-thousand",
            "\\b(?i:(?:the\\s+year\\s+)two[- ]thousand(?:(?:\\s+and)?[- ](?<units>"
                + DIGIT_WORD
                + "|"
                + "ten))?)\\b",
            (m, c) -> {
              int units = m.group("units") == null ? 0 : Lexicon.tenths(m.group("units")) / 10;
              c.emitExplicit(m.start(), m.end(), TimexType.DATE, Calendars.year(2000 + units));
            }));
  }
}
