package io.wirestream.enrich.nlp.time;

import static io.wirestream.enrich.nlp.time.Lexicon.NUMBER;
import static io.wirestream.enrich.nlp.time.Lexicon.NUMBER_WORD;
import static io.wirestream.enrich.nlp.time.Lexicon.VAGUE_AMOUNT;

import io.wirestream.common.model.TimexType;
import java.util.List;
import java.util.Locale;

/** Lengths of time: "three years", "the past two months", "24 hours", "a two-year term". */
final class DurationRules {

  private DurationRules() {}

  private static final String HEDGE =
      "(?:(?:nearly|almost|more than|less than|fewer than|no more than|no less than"
          + "|at least|at most|up to|over(?=\\s+an?\\b)|another|an additional|an extra|a full"
          + "|the better part of|the past|the last|the next|the first"
          + "|the final|the previous|the coming|the latest|the following|the remaining|past|last"
          + "|next|first|the|each of the past|all)\\s+)*";

  private static final String QUALIFIER =
      "(?:(?:more|additional|full|straight|consecutive|trading|business|working|calendar"
          + "|long|short|fiscal)\\s+)?";

  static void addTo(List<Rule> rules) {
    rules.add(
        Rule.of(
            "duration",
            "\\b(?i:"
                + HEDGE
                + "(?<amount>"
                + NUMBER
                + "|"
                + VAGUE_AMOUNT
                + ")(?:\\s+(?:or|to)\\s+(?:"
                + NUMBER
                + "))?\\s+"
                + QUALIFIER
                + "(?<unit>second|minute|hour|day|week|month|quarter|year|decade|century|centurie)s?"
                + "(?<half>\\s+and\\s+a\\s+half)?(?:\\s+or\\s+so)?)\\b(?![-’]|'(?!')|\\s+old\\b)",
            (m, c) -> {
              String amount = m.group("amount").toLowerCase(Locale.ROOT);
              String before = c.before(3);
              if (amount.equals("a") || amount.equals("an")) {
                // "$5 a year", "twice a year": a rate, not a length of time.
                String b = c.before(30).toLowerCase(Locale.ROOT).trim();
                if (b.matches(
                    "(?s).*(?:\\d|percent|%|times|twice|once|cents?|dollars?|per"
                        + "|[a-z]{3,}s)$")) {
                  return;
                }
              }
              if (m.group().matches("(?i)an? (?:fiscal|calendar) year")
                  && c.before(6).matches("(?s).*\\b(?i:from|to)\\s+$")) {
                return; // "changed from a fiscal year to a calendar year": a kind of year
              }
              if ((amount.equals("a") || amount.equals("one"))
                  && m.group("unit").equalsIgnoreCase("second")) {
                return; // "a second attempt"
              }
              if ((amount.equals("a") || amount.equals("one"))
                  && m.group("unit").equalsIgnoreCase("quarter")
                  && c.after(4).toLowerCase(Locale.ROOT).startsWith(" of")) {
                return; // "more than a quarter of the market": a fraction
              }
              if (before.endsWith("$") || Lexicon.tenths(amount) > 100_000) {
                return;
              }
              if (amount.equals("one")
                  && m.group().equalsIgnoreCase("one day")
                  && c.before(12)
                      .toLowerCase(Locale.ROOT)
                      .matches("(?s).*\\b(?:will|would|could|may|might|can|shall)\\s+$")) {
                // "Islam will one day be...": some unnamed future day, not a length of time
                c.emit(TimexType.DATE, "FUTURE_REF");
                return;
              }
              if (m.group("half") != null) {
                amount = amount + " and a half"; // "a minute and a half"
              }
              if (amount.equals("recent") && m.group("unit").equalsIgnoreCase("year")) {
                c.emit(TimexType.DATE, "PAST_REF");
                return;
              }
              c.emit(TimexType.DURATION, value(amount, m.group("unit").toLowerCase(Locale.ROOT)));
            }));
    rules.add(
        Rule.of(
            "adjectival-duration",
            "\\b(?i:(?<amount>\\d{1,3}(?:\\.5)?|"
                + NUMBER_WORD
                + "|half)"
                + "-(?<unit>second|hour|day|week|month|quarter|year|decade|"
                + "century)(?:-long)?)\\b(?!-old|-olds|s)",
            (m, c) ->
                c.emit(
                    TimexType.DURATION,
                    value(
                        m.group("amount").toLowerCase(Locale.ROOT),
                        m.group("unit").toLowerCase(Locale.ROOT)))));
    rules.add(
        Rule.of(
            "vague-plural",
            "(?<=\\b(?i:for|in|over|within|take|takes|took|last|lasted) )(?i:(?<units>days|weeks|"
                + "months|years"
                + "|decades))\\b(?! ago| earlier| later| of\\b)",
            (m, c) ->
                c.emit(
                    TimexType.DURATION,
                    value(
                        "several",
                        m.group("units").toLowerCase(Locale.ROOT).replaceAll("s$", "")))));
    rules.add(
        Rule.of(
            "vague-span",
            "(?<=\\b(?i:over|during|for|in) )(?i:(?<span>the years|a while))\\b(?! (?:of|that|before|after)\\b)",
            (m, c) ->
                c.emit(
                    TimexType.DURATION,
                    m.group("span").toLowerCase(Locale.ROOT).equals("the years") ? "PXY" : "PXX")));
    rules.add(
        Rule.of(
            "ahead",
            "\\b(?i:(?:the\\s+)?(?:coming\\s+)?(?<units>days|weeks|months|years)\\s+ahead)\\b",
            (m, c) ->
                c.emit(
                    TimexType.DURATION,
                    value(
                        "several",
                        m.group("units").toLowerCase(Locale.ROOT).replaceAll("s$", "")))));
    rules.add(
        Rule.of(
            "weekend",
            "\\b(?i:(?:the|this|over the|last|next) weekend)\\b",
            (m, c) -> {
              String t = m.group().toLowerCase(Locale.ROOT);
              if (t.startsWith("the") || t.startsWith("over")) {
                int dow = c.dct.getDayOfWeek().getValue();
                java.time.LocalDate ref =
                    c.tense() == Tense.FUTURE
                        ? (dow >= 6 ? c.dct.plusWeeks(1) : c.dct)
                        : (dow >= 6 ? c.dct : c.dct.minusWeeks(1));
                int start = t.startsWith("over") ? m.start() + 5 : m.start();
                c.emit(start, m.end(), TimexType.DATE, Calendars.week(ref) + "-WE");
              }
            }));
  }

  /** P3Y, PT24H, PXW, P2Y6M: TIMEX3 durations keep the unit written. */
  static String value(String amount, String unit) {
    int tenths =
        amount.equals("half")
            ? 5
            : Lexicon.tenths(amount.replace("a couple of", "two").replace("couple of", "two"));
    String u;
    int scale = 1;
    boolean time = false;
    switch (unit) {
      case "second":
        u = "S";
        time = true;
        break;
      case "minute":
        u = "M";
        time = true;
        break;
      case "hour":
        u = "H";
        time = true;
        break;
      case "day":
        u = "D";
        break;
      case "week":
        u = "W";
        break;
      case "month":
        u = "M";
        break;
      case "quarter":
        u = "Q";
        break;
      case "decade":
        u = tenths < 0 ? "DE" : "Y";
        scale = 10;
        break;
      case "century":
      case "centurie":
        u = tenths < 0 ? "CE" : "Y";
        scale = 100;
        break;
      default:
        u = "Y";
    }
    String p = time ? "PT" : "P";
    if (tenths < 0) {
      return p + "X" + u;
    }
    if (tenths % 10 == 0) {
      return p + (tenths / 10 * scale) + u;
    }
    int whole = tenths / 10;
    // A half: the next smaller unit.
    switch (u) {
      case "Y":
        return scale == 1
            ? p + (whole > 0 ? whole + "Y" : "") + "6M"
            : p + (tenths * scale / 10) + "Y";
      case "M":
        String months = whole > 0 ? whole + "M" : "";
        return time ? p + months + "30S" : p + months + "15D";
      case "D":
        return "P" + (whole > 0 ? whole + "D" : "") + "T12H";
      case "H":
        return p + (whole > 0 ? whole + "H" : "") + "30M";
      case "W":
        return "P" + (whole * 7 + 3) + "D";
      default:
        return p + whole + u;
    }
  }
}
