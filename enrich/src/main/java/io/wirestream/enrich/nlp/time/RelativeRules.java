package io.wirestream.enrich.nlp.time;

import static io.wirestream.enrich.nlp.time.Lexicon.NUMBER;
import static io.wirestream.enrich.nlp.time.Lexicon.PART_OF_DAY;
import static io.wirestream.enrich.nlp.time.Lexicon.WEEKDAY;

import io.wirestream.common.model.TimexType;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;

/** Dates relative to the publication date: yesterday, last week, two days ago, on Friday. */
final class RelativeRules {

  private RelativeRules() {}

  /** "early", "later", "earlier" in front of a relative date stay in its extent. */
  private static final String EDGE =
      "(?:(?i:(?:very |much |a little |somewhat )?(?:early|late|earlier|later|the end of|"
          + "the beginning of"
          + "|the start of|the middle of|mid)(?: in)?[- ])\\s*)?";

  /** What "today's" describes when it means the present age rather than the day. */
  private static final java.util.regex.Pattern GENERIC_AFTER =
      java.util.regex.Pattern.compile(
          "(?s)'s\\s+(?i:youth|young|world|society|generations?|children|kids|teenagers|families"
              + "|consumers|personal|modern|standards|technology|culture|economy)\\b.*");

  static void addTo(List<Rule> rules) {
    rules.add(
        Rule.of(
            "deictic-day",
            EDGE
                + "\\b(?i:(?<day>yesterday|today|tomorrow)(?:(?:'s)?\\s+(?<part>morning|afternoon|evening|"
                + "night))?)\\b",
            (m, c) -> {
              // "today's youth", "the people of tomorrow": the present or future in general;
              // "today's editions" and "tomorrow's vote" are that day's.
              if (m.group("part") == null
                  && ((c.after(2).startsWith("'s") && GENERIC_AFTER.matcher(c.after(20)).matches())
                      || c.before(3).equalsIgnoreCase("of "))
                  && !m.group("day").equalsIgnoreCase("yesterday")) {
                return;
              }
              LocalDate d = c.dct.plusDays(offset(m.group("day")));
              if (m.group("part") != null) {
                c.emit(TimexType.TIME, d + "T" + partOfDay(m.group("part")));
              } else {
                c.emit(TimexType.DATE, d.toString());
              }
            }));
    rules.add(
        Rule.of(
            "tonight",
            EDGE + "\\b(?i:tonight|(?<mod>this|last) (?<part>morning|afternoon|evening|night))\\b",
            (m, c) -> {
              if (m.group("mod") == null) {
                c.emit(TimexType.TIME, c.dct + "TNI");
              } else if (m.group("mod").equalsIgnoreCase("last")) {
                if (m.group("part").equalsIgnoreCase("night")) {
                  c.emit(TimexType.TIME, c.dct.minusDays(1) + "TNI");
                }
              } else {
                c.emit(TimexType.TIME, c.dct + "T" + partOfDay(m.group("part")));
              }
            }));
    rules.add(
        Rule.of(
            "relative-unit",
            EDGE
                + "\\b(?i:(?<mod>last|this|next|the past|this past|this coming|the coming|the current"
                + "|the previous|the following|the last|the next|the same|that|coming|past)"
                + "\\s+(?<unit>week|month|year|quarter|weekend|decade|century|fiscal year"
                + "|spring|summer|fall|autumn|winter))\\b(?!-)",
            (m, c) ->
                relativeUnit(
                    c,
                    m.group("mod").toLowerCase(Locale.ROOT),
                    m.group("unit").toLowerCase(Locale.ROOT))));
    rules.add(
        Rule.of(
            "ago",
            "(?i:\\b(?:about|around|nearly|almost|roughly|some|just|only|more than|less than"
                + "|over|barely)\\s+)?\\b(?i:(?<amount>"
                + NUMBER
                + "|several|a few|a couple of|few|many)"
                + "\\s+(?<unit>day|week|month|year|decade|quarter|hour|minute)s?(?:\\s+or\\s+so)?"
                + "\\s+(?<dir>ago|earlier|before|from now|hence))\\b",
            (m, c) ->
                ago(
                    c,
                    m.group("amount"),
                    m.group("unit").toLowerCase(Locale.ROOT),
                    m.group("dir").toLowerCase(Locale.ROOT))));
    rules.add(
        Rule.of(
            "year-ago",
            "(?i:\\b(?:the\\s+)?(?:comparable\\s+|same\\s+|corresponding\\s+)?"
                + "(?:year-earlier|year-ago|year earlier|year ago)(?:\\s+(?:third|second|"
                + "first|fourth"
                + "|fiscal))?(?:\\s+(?:period|quarter|results|level|(?:first\\s+)?(?<months>six|nine)"
                + "\\s+months))?)\\b",
            (m, c) -> {
              String t = m.group().toLowerCase(Locale.ROOT);
              if (m.group("months") != null) {
                // "the year-earlier nine months": a span, like "the nine months".
                c.emit(
                    TimexType.DURATION, m.group("months").equalsIgnoreCase("six") ? "P6M" : "P9M");
                return;
              }
              if (t.endsWith("results") || t.endsWith("level")) {
                // "the year-ago results": only the adjective is the expression.
                int s = m.start() + t.indexOf("year");
                int e = t.indexOf(' ', t.indexOf("year") + 5);
                c.narrow(s, e < 0 ? m.end() : m.start() + e);
              }
              boolean namesPeriod = t.endsWith("quarter") || t.endsWith("period");
              c.emitDerived(TimexType.DATE, yearEarlier(c, namesPeriod));
            }));
    rules.add(
        Rule.of(
            "comparable-period",
            "(?i:\\b(?:(?:the\\s+)?(?:same\\s+|corresponding\\s+|comparable\\s+|year-ago\\s+)?"
                + "(?:period|quarter)\\s+(?:a\\s+year\\s+(?:ago|earlier|before)|last\\s+year|"
                + "of\\s+last\\s+year)|last\\s+year's\\s+(?:period|quarter)))\\b",
            (m, c) -> c.emitDerived(TimexType.DATE, yearEarlier(c, true))));
    rules.add(
        Rule.of(
            "weekday",
            "(?:(?i:(?<mod>last|next|this|this coming|this past|the previous|the following"
                + "|that|coming|past)\\s+)?)?\\b(?<weekday>"
                + WEEKDAY
                + ")(?![-\\w])(?:\\s+(?i:(?<part>"
                + PART_OF_DAY
                + ")))?",
            (m, c) -> {
              DayOfWeek dow = Lexicon.weekday(m.group("weekday"));
              String mod = m.group("mod") == null ? "" : m.group("mod").toLowerCase(Locale.ROOT);
              LocalDate d;
              switch (mod) {
                case "the previous":
                  // Anaphoric, unlike "last Friday": the one before the day just named.
                  d = Calendars.previous(c.lastDay == null ? c.dct : c.lastDay, dow);
                  break;
                case "the following":
                  d = Calendars.next(c.lastDay == null ? c.dct : c.lastDay, dow);
                  break;
                case "last":
                case "this past":
                case "past":
                  d = Calendars.previous(c.dct, dow);
                  break;
                case "next":
                case "this coming":
                case "coming":
                  d = Calendars.next(c.dct, dow);
                  break;
                default:
                  // "Tuesday's ruling" names an event already reported.
                  Tense tense = c.after(2).startsWith("'s") ? Tense.PAST : c.tense();
                  d = Calendars.weekday(c.dct, dow, tense);
              }
              // TimeBank marks "Friday night" as a DATE more often than as a TIME.
              c.emit(
                  TimexType.DATE,
                  m.group("part") == null ? d.toString() : d + "T" + partOfDay(m.group("part")));
            }));
    rules.add(
        Rule.of(
            "next-day",
            "\\b(?i:the\\s+(?<dir>next|following|previous)\\s+(?:day|morning|afternoon|evening))\\b",
            (m, c) -> {
              // Anaphoric: the day after (or before) the day named last; without one it is left
              // out, as its anchor is an event the rules cannot date.
              if (c.lastDay != null) {
                int shift = m.group("dir").equalsIgnoreCase("previous") ? -1 : 1;
                c.emitDerived(TimexType.DATE, c.lastDay.plusDays(shift).toString());
              }
            }));
    rules.add(
        Rule.of(
            "ref",
            "\\b(?i:(?<word>right now|now|then current|currently|current|these days|nowadays|at present"
                + "|recently|the (?:near |distant )?future|the past|once|formerly"
                + "|previously|soon|the present|the (?:near|short) term|a later date))\\b(?![-'])",
            (m, c) -> ref(c, m.group("word").toLowerCase(Locale.ROOT))));
  }

  static int offset(String word) {
    switch (word.toLowerCase(Locale.ROOT)) {
      case "yesterday":
        return -1;
      case "tomorrow":
        return 1;
      default:
        return 0;
    }
  }

  static String partOfDay(String word) {
    switch (word.toLowerCase(Locale.ROOT)) {
      case "morning":
        return "MO";
      case "afternoon":
        return "AF";
      case "evening":
        return "EV";
      default:
        return "NI";
    }
  }

  private static int direction(String mod) {
    switch (mod) {
      case "last":
      case "the past":
      case "this past":
      case "the previous":
      case "the last":
      case "past":
        return -1;
      case "next":
      case "this coming":
      case "the coming":
      case "the following":
      case "the next":
      case "coming":
        return 1;
      default:
        return 0;
    }
  }

  private static void relativeUnit(Context c, String mod, String unit) {
    int dir = direction(mod);
    LocalDate d = c.dct;
    if (unit.equals("year")
        && c.anchorYear > 0
        && (mod.equals("the following")
            || mod.equals("that")
            || mod.equals("the same")
            || mod.equals("the previous"))) {
      int shift = mod.equals("the following") ? 1 : mod.equals("the previous") ? -1 : 0;
      c.emitDerived(TimexType.DATE, Calendars.year(c.anchorYear + shift));
      return;
    }
    if (unit.equals("month")
        && c.anchorMonth > 0
        && (mod.equals("the following")
            || mod.equals("that")
            || mod.equals("the same")
            || mod.equals("the previous"))) {
      int shift = mod.equals("the following") ? 1 : mod.equals("the previous") ? -1 : 0;
      LocalDate a = LocalDate.of(c.anchorMonth / 100, c.anchorMonth % 100, 1).plusMonths(shift);
      c.emitDerived(TimexType.DATE, Calendars.month(a.getYear(), a.getMonthValue()));
      return;
    }
    switch (unit) {
      case "week":
        c.emit(TimexType.DATE, Calendars.week(d.plusWeeks(dir)));
        break;
      case "weekend":
        c.emit(TimexType.DATE, weekend(d, dir, c.tense()));
        break;
      case "month":
        LocalDate m = d.plusMonths(dir);
        c.emit(TimexType.DATE, Calendars.month(m.getYear(), m.getMonthValue()));
        break;
      case "year":
      case "fiscal year":
        if (dir == -1 && mod.equals("last") && c.lastWasQuarter && !opensSentence(c)) {
          // "up from $3 million last year" after a quarter's figures: that quarter a year back;
          // "Last year, the company had charges" opens a new topic, the calendar year.
          c.emitDerived(TimexType.DATE, yearEarlier(c));
        } else {
          c.emit(TimexType.DATE, Calendars.year(d.getYear() + dir));
        }
        break;
      case "quarter":
        LocalDate q = d.plusMonths(3L * dir);
        c.emit(TimexType.DATE, Calendars.quarter(q.getYear(), Calendars.quarterOf(q)));
        break;
      case "decade":
      case "century":
        if (mod.equals("the past") || mod.equals("the last") || mod.equals("past")) {
          c.emit(TimexType.DURATION, unit.equals("decade") ? "P10Y" : "P100Y");
        } else if (unit.equals("decade")) {
          c.emit(TimexType.DATE, String.valueOf(d.getYear() / 10 + dir));
        } else {
          c.emit(TimexType.DATE, String.format("%02d", d.getYear() / 100 + dir));
        }
        break;
      default:
        int year = d.getYear() + dir;
        if (dir == 0 && mod.equals("this") && unit.equals("winter") && d.getMonthValue() <= 3) {
          year = d.getYear() - 1;
        }
        if (mod.equals("this past")
            && SeasonRules.seasonIndex(unit) < SeasonRules.seasonIndex(SeasonRules.seasonNow(d))) {
          year = d.getYear(); // "this past spring" in October: the spring just gone
        }
        c.emit(TimexType.DATE, Calendars.season(year, unit));
    }
  }

  /** "Last year, ..." at the start of a sentence, but not "Last year's results". */
  private static boolean opensSentence(Context c) {
    String before = c.before(3);
    boolean start = before.isBlank() || before.trim().endsWith(".") || before.endsWith("\n");
    return start && !c.after(2).startsWith("'s");
  }

  private static String weekend(LocalDate dct, int dir, Tense tense) {
    int dow = dct.getDayOfWeek().getValue();
    LocalDate ref;
    if (dir < 0 || (dir == 0 && tense != Tense.FUTURE)) {
      ref = dow >= 6 ? dct : dct.minusWeeks(1);
    } else if (dir > 0) {
      ref = dow >= 6 ? dct.plusWeeks(1) : dct;
    } else {
      ref = dct;
    }
    return Calendars.week(ref) + "-WE";
  }

  private static void ago(Context c, String amount, String unit, String dir) {
    int tenths = Lexicon.tenths(amount.replace("a couple of", "two"));
    int sign = dir.equals("from now") || dir.equals("hence") ? 1 : -1;
    if (tenths < 0) {
      c.emit(TimexType.DATE, sign < 0 ? "PAST_REF" : "FUTURE_REF");
      return;
    }
    long n = Math.max(1, tenths / 10) * (long) sign;
    LocalDate d = c.dct;
    switch (unit) {
      case "minute":
      case "hour":
        c.emit(TimexType.DATE, "PAST_REF");
        break;
      case "day":
        c.emit(TimexType.DATE, d.plusDays(n).toString());
        break;
      case "week":
        c.emit(TimexType.DATE, Calendars.week(d.plusWeeks(n)));
        break;
      case "month":
        LocalDate m = d.plusMonths(n);
        c.emit(TimexType.DATE, Calendars.month(m.getYear(), m.getMonthValue()));
        break;
      case "quarter":
        LocalDate q = d.plusMonths(3 * n);
        c.emit(TimexType.DATE, Calendars.quarter(q.getYear(), Calendars.quarterOf(q)));
        break;
      case "decade":
        c.emit(TimexType.DATE, Calendars.year((int) (d.getYear() + 10 * n)));
        break;
      default:
        if (n == -1 && c.lastQuarter > 0 && c.lastWasQuarter) {
          c.emitDerived(TimexType.DATE, yearEarlier(c));
        } else {
          c.emit(TimexType.DATE, Calendars.year((int) (d.getYear() + n)));
        }
    }
  }

  private static String yearEarlier(Context c) {
    return yearEarlier(c, false);
  }

  /**
   * "A year earlier" in a results story means the same quarter of the year before when it follows
   * the quarter's figures; "the year-ago quarter" and "the corresponding period last year" name the
   * period themselves, so any quarter named before is theirs.
   */
  private static String yearEarlier(Context c, boolean namesPeriod) {
    if (c.reportedQuarter > 0 && namesPeriod) {
      return Calendars.quarter(c.reportedQuarter / 10 - 1, c.reportedQuarter % 10);
    }
    if (c.lastQuarter > 0 && c.lastWasQuarter) {
      return Calendars.quarter(c.lastQuarter / 10 - 1, c.lastQuarter % 10);
    }
    if (false) {
      return Calendars.quarter(c.reportedQuarter / 10 - 1, c.reportedQuarter % 10);
    }
    return Calendars.year(c.dct.getYear() - 1);
  }

  private static void ref(Context c, String word) {
    if ((word.equals("currently") || word.equals("formerly"))
        && c.before(16).matches("(?s).*\\b[A-Z][A-Za-z]*\\.?,\\s$")) {
      return; // "Stephen Akerfeldt, currently vice president": a post in an apposition
    }
    switch (word) {
      case "now":
      case "currently":
        // "Now, he says, ...", "Currently, ...", "Now for the weather": a sentence opened this
        // way sets the scene or moves on rather than dating an event; TimeBank leaves it untagged
        boolean opensSentence =
            c.before(4).matches("(?s)(?:^|.*(?:[.!?][\"'’`]*|\\n))\\s*[\"'`“]*$");
        if (opensSentence
            && (c.after(1).equals(",")
                || (word.equals("now") && c.after(5).matches("(?s)\\s+for\\b.*")))) {
          break;
        }
        c.emit(TimexType.DATE, "PRESENT_REF");
        break;
      case "right now":
      case "current":
      case "these days":
      case "nowadays":
      case "at present":
      case "the present":
        c.emit(TimexType.DATE, "PRESENT_REF");
        break;
      case "recently":
      case "the past":
      case "formerly":
      case "then current":
        c.emit(TimexType.DATE, "PAST_REF");
        break;
      case "soon":
        // "will soon", "may soon", "to soon grow", "soon will": a near future; "soon after", "as
        // soon as" and "soon became" are left out, as in TimeBank.
        if (c.before(7)
                .toLowerCase(Locale.ROOT)
                .matches("(?s).*\\b(?:will|may|might|could|to)\\s+$")
            || c.after(6).toLowerCase(Locale.ROOT).matches("(?s)\\s+(?:will|to)\\b.*")) {
          c.emit(TimexType.DATE, "FUTURE_REF");
        }
        break;
      case "once":
      case "previously":
        break;
      default:
        c.emit(TimexType.DATE, "FUTURE_REF");
    }
  }
}
