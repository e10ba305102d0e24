package io.wirestream.enrich.nlp.time;

import io.wirestream.common.model.TemporalExpression;
import io.wirestream.common.model.TimexType;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.MatchResult;

/**
 * The state of tagging one document: its text and publication date, the match being normalised, the
 * expressions found so far and what they said, for anaphors such as "a year earlier" after "the
 * third quarter".
 */
final class Context {

  final String text;
  final LocalDate dct;
  final List<TemporalExpression> found = new ArrayList<>();
  private MatchResult match;
  private Tense tense;

  /** The last quarter named in the text, as year * 10 + quarter, or 0. */
  int lastQuarter;

  /** The first quarter named in the text, the one a results story reports on, or 0. */
  int reportedQuarter;

  /** The year of the last explicit date in the text, or 0. */
  int anchorYear;

  /** The month of the last explicit date in the text, as year * 100 + month, or 0. */
  int anchorMonth;

  /** Where the last explicit date ends, or -1. */
  int anchorEnd = -1;

  /** The last day named in the text ("Oct. 13", "Friday"), for "the previous Friday", or null. */
  LocalDate lastDay;

  Context(String text, LocalDate dct) {
    this.text = text;
    this.dct = dct;
  }

  private int start;
  private int end;

  void at(MatchResult match) {
    this.match = match;
    this.tense = null;
    this.start = match.start();
    this.end = match.end();
  }

  /** Narrows the extent of what the current match emits, e.g. to drop a determiner. */
  void narrow(int newStart, int newEnd) {
    this.start = newStart;
    this.end = newEnd;
  }

  /** The tense of the sentence around the current match, computed once. */
  Tense tense() {
    if (tense == null) {
      tense = Tense.around(text, match.start(), match.end());
    }
    return tense;
  }

  /** The year of an explicit date that ended at most {@code distance} characters ago, or 0. */
  int recentAnchorYear(int distance) {
    return anchorEnd >= 0 && match.start() - anchorEnd <= distance ? anchorYear : 0;
  }

  /** Text right after the current match, at most {@code n} characters. */
  String after(int n) {
    return text.substring(match.end(), Math.min(text.length(), match.end() + n));
  }

  /** Text right before the current match, at most {@code n} characters. */
  String before(int n) {
    return text.substring(Math.max(0, match.start() - n), match.start());
  }

  /** Emits the current match; a quarter becomes the antecedent of "a year earlier". */
  void emit(TimexType type, String value) {
    emit(start, end, type, value);
  }

  void emit(int start, int end, TimexType type, String value) {
    if (add(start, end, type, value)) {
      int q =
          isQuarter(value)
              ? Integer.parseInt(value.substring(0, 4)) * 10 + (value.charAt(6) - '0')
              : 0;
      // A forecast ("losses through the third quarter of 1990") is not what "the year-ago
      // period" compares with: only quarters begun by the publication date become antecedents.
      if (q > 0 && !LocalDate.of(q / 10, (q % 10) * 3 - 2, 1).isAfter(dct)) {
        lastQuarter = q;
        if (reportedQuarter == 0) {
          reportedQuarter = q;
        }
      } else if (q > 0) {
        lastWasQuarter = false;
      }
    }
  }

  /** Emits an explicit calendar date, which anchors "that year" and "the following month". */
  void emitExplicit(int start, int end, TimexType type, String value) {
    if (add(start, end, type, value) && value.length() >= 4 && Character.isDigit(value.charAt(3))) {
      anchorYear = Integer.parseInt(value.substring(0, 4));
      anchorEnd = end;
      boolean hasMonth =
          value.length() >= 7 && value.charAt(4) == '-' && Character.isDigit(value.charAt(5));
      anchorMonth = hasMonth ? anchorYear * 100 + Integer.parseInt(value.substring(5, 7)) : 0;
    }
  }

  void emitExplicit(TimexType type, String value) {
    emitExplicit(start, end, type, value);
  }

  /** Emits a value derived from an antecedent; it does not become one itself. */
  void emitDerived(TimexType type, String value) {
    add(start, end, type, value);
  }

  /** Whether the expression emitted last named a quarter ("a year earlier" then means one). */
  boolean lastWasQuarter;

  private static final java.util.regex.Pattern DAY =
      java.util.regex.Pattern.compile("\\d{4}-\\d{2}-\\d{2}");

  /** A unit capitalised inside an expression: ABC's "This Week", CBS's "60 Minutes". */
  private static final java.util.regex.Pattern TITLE =
      java.util.regex.Pattern.compile(
          "\\S+\\s.*\\b(?:Minutes?|Hours?|Weeks?|Months?|Years?)\\b(?!['’])",
          java.util.regex.Pattern.DOTALL);

  /** "USA Today", "VOA Today": a title after an acronym, not the day. */
  private static final java.util.regex.Pattern ACRONYM_BEFORE =
      java.util.regex.Pattern.compile("(?s)(?:^|.*\\s)[A-Z]{2,}\\s$");

  private boolean add(int start, int end, TimexType type, String value) {
    if (value == null || TITLE.matcher(text.substring(start, end)).matches()) {
      return false;
    }
    if (text.startsWith("Today", start)
        && ACRONYM_BEFORE.matcher(text.substring(Math.max(0, start - 12), start)).matches()) {
      return false;
    }
    if (!value.endsWith("_REF") && !endOfQuarter(start)) {
      lastWasQuarter = isQuarter(value);
    }
    found.add(new TemporalExpression(text.substring(start, end), start, end, type, value));
    if (type == TimexType.DATE && DAY.matcher(value).matches()) {
      lastDay = LocalDate.parse(value);
    }
    return true;
  }

  /** "the quarter ended Sept. 30": the date belongs to the quarter just named. */
  private boolean endOfQuarter(int start) {
    String before = text.substring(Math.max(0, start - 16), start);
    return lastWasQuarter && before.matches("(?s).*\\b(?:quarter|period) end(?:ed|ing)\\s+$");
  }

  private static boolean isQuarter(String value) {
    return value.length() == 7 && value.charAt(5) == 'Q' && Character.isDigit(value.charAt(0));
  }
}
