package io.wirestream.enrich.nlp.time;

import static io.wirestream.enrich.nlp.time.Lexicon.MONTH;
import static io.wirestream.enrich.nlp.time.Lexicon.NUMBER;
import static io.wirestream.enrich.nlp.time.Lexicon.WEEKDAY;

import io.wirestream.common.model.TimexType;
import java.util.List;
import java.util.Locale;

/** Recurring times: "every morning", "weekly", "each year", "on Tuesday nights". */
final class SetRules {

  private SetRules() {}

  /**
   * "rise 20% annually", "10,000 units annually", "average daily volume": a rate or an average, not
   * a recurrence, like "$5 a year".
   */
  private static final java.util.regex.Pattern RATE_BEFORE =
      java.util.regex.Pattern.compile(
          "(?s).*(?:\\d%?|\\bpercent|\\b(?:million|billion|units|shares|barrels|tons))\\s+$"
              + "|(?s).*\\baverage\\s+$");

  private static boolean rate(Context c) {
    return RATE_BEFORE.matcher(c.before(24).toLowerCase(Locale.ROOT)).matches();
  }

  static void addTo(List<Rule> rules) {
    rules.add(
        Rule.of(
            "every-unit",
            "\\b(?i:(?:every|each|per)\\s+(?:(?<count>other|"
                + NUMBER
                + ")\\s+)?"
                + "(?<unit>day|week|month|quarter|year|decade|hour|minute|morning|afternoon|evening|night"
                + "|weekend|summer|winter|spring|fall|autumn)s?)\\b",
            (m, c) -> {
              String n =
                  m.group("count") == null ? "one" : m.group("count").toLowerCase(Locale.ROOT);
              String unit = m.group("unit").toLowerCase(Locale.ROOT);
              int k = n.equals("other") ? 2 : Math.max(1, Lexicon.tenths(n) / 10);
              switch (unit) {
                case "morning":
                case "afternoon":
                case "evening":
                case "night":
                  c.emit(TimexType.SET, "XXXX-XX-XXT" + RelativeRules.partOfDay(unit));
                  break;
                case "weekend":
                  c.emit(TimexType.SET, "XXXX-WXX-WE");
                  break;
                case "summer":
                case "winter":
                case "spring":
                case "fall":
                case "autumn":
                  c.emit(TimexType.SET, "XXXX-" + Calendars.seasonCode(unit));
                  break;
                default:
                  c.emit(TimexType.SET, DurationRules.value(String.valueOf(k), unit));
              }
            }));
    rules.add(
        Rule.of(
            "every-weekday",
            "\\b(?i:every|each)\\s+(?<weekday>"
                + WEEKDAY
                + ")(?:\\s+(?i:(?<part>morning|afternoon|evening|"
                + "night)))?",
            (m, c) ->
                c.emit(
                    TimexType.SET,
                    "XXXX-WXX-"
                        + Lexicon.weekday(m.group("weekday")).getValue()
                        + (m.group("part") == null
                            ? ""
                            : "T" + RelativeRules.partOfDay(m.group("part"))))));
    rules.add(
        Rule.of(
            "every-month",
            "\\b(?i:every|each)\\s+(?<month>" + MONTH + ")",
            (m, c) ->
                c.emit(
                    TimexType.SET, String.format("XXXX-%02d", Lexicon.month(m.group("month"))))));
    rules.add(
        Rule.of(
            "plural-weekday",
            "\\b(?<plural>Mondays|Tuesdays|Wednesdays|Thursdays|Fridays|Saturdays|Sundays)"
                + "|\\b(?<weekday>Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)\\s+"
                + "(?i:(?<parts>mornings"
                + "|afternoons|evenings|nights))\\b",
            (m, c) -> {
              if (m.group("plural") != null) {
                c.emit(TimexType.SET, "XXXX-WXX-" + Lexicon.weekday(m.group("plural")).getValue());
              } else {
                String part = m.group("parts").substring(0, m.group("parts").length() - 1);
                c.emit(
                    TimexType.SET,
                    "XXXX-WXX-"
                        + Lexicon.weekday(m.group("weekday")).getValue()
                        + "T"
                        + RelativeRules.partOfDay(part));
              }
            }));
    rules.add(
        Rule.of(
            "adverb",
            "\\b(?i:(?<adverb>daily|weekly|monthly|annually|yearly|hourly|nightly|biweekly|"
                + "semiannually))\\b",
            (m, c) -> {
              if (rate(c)) {
                return;
              }
              switch (m.group("adverb").toLowerCase(Locale.ROOT)) {
                case "daily":
                  c.emit(TimexType.SET, "P1D");
                  break;
                case "weekly":
                  c.emit(TimexType.SET, "P1W");
                  break;
                case "biweekly":
                  c.emit(TimexType.SET, "P2W");
                  break;
                case "monthly":
                  c.emit(TimexType.SET, "P1M");
                  break;
                case "hourly":
                  c.emit(TimexType.SET, "PT1H");
                  break;
                case "nightly":
                  c.emit(TimexType.SET, "XXXX-XX-XXTNI");
                  break;
                case "semiannually":
                  c.emit(TimexType.SET, "P6M");
                  break;
                default:
                  c.emit(TimexType.SET, "P1Y");
              }
            }));
  }
}
