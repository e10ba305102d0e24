package io.wirestream.enrich.nlp.time;

import io.wirestream.common.model.TemporalExpression;
import io.wirestream.common.model.TimexType;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.MatchResult;

/**
 * The state of tagging one document: its text and publication date, the match being normalised,
 * the expressions found so far and what they said, for anaphors such as "a year earlier" after "the
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

  /** The year of the last explicit date in the text, or 0. */
  int anchorYear;

  Context(String text, LocalDate dct) {
    this.text = text;
    this.dct = dct;
  }

  void at(MatchResult match) {
    this.match = match;
    this.tense = null;
  }

  /** The tense of the sentence around the current match, computed once. */
  Tense tense() {
    if (tense == null) {
      tense = Tense.around(text, match.start(), match.end());
    }
    return tense;
  }

  /** Text right after the current match, at most {@code n} characters. */
  String after(int n) {
    return text.substring(match.end(), Math.min(text.length(), match.end() + n));
  }

  /** Text right before the current match, at most {@code n} characters. */
  String before(int n) {
    return text.substring(Math.max(0, match.start() - n), match.start());
  }

  void emit(TimexType type, String value) {
    emit(match.start(), match.end(), type, value);
  }

  void emit(int start, int end, TimexType type, String value) {
    if (value == null) {
      return;
    }
    found.add(new TemporalExpression(text.substring(start, end), start, end, type, value));
    remember(value);
  }

  private void remember(String value) {
    if (value.length() >= 4 && Character.isDigit(value.charAt(0)) && Character.isDigit(value.charAt(3))) {
      int year = Integer.parseInt(value.substring(0, 4));
      if (value.length() == 7 && value.charAt(5) == 'Q') {
        lastQuarter = year * 10 + (value.charAt(6) - '0');
      }
      anchorYear = year;
    }
  }
}
