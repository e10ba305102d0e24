package io.wirestream.enrich.nlp.time;

import io.wirestream.common.model.TemporalExpression;
import io.wirestream.enrich.nlp.TemporalTagger;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.regex.Matcher;

/**
 * Finds DATE, TIME, DURATION and SET expressions in English news with regular-expression rules and
 * resolves them against the publication date, TIMEX3 style. Pure Java, no model; the rules are
 * immutable, so one instance serves any number of threads.
 *
 * <p>Every rule scans the text; where matches overlap the longest wins (the earlier rule on a tie),
 * then the winners are normalised in text order so that anaphors ("a year earlier") can look back.
 */
public final class RuleBasedTemporalTagger implements TemporalTagger {

  private static final String NAME = "rule-based-timex/1";

  private final List<Rule> rules;

  public RuleBasedTemporalTagger() {
    List<Rule> all = new ArrayList<>();
    TimeRules.addTo(all);
    DateRules.addTo(all);
    RelativeRules.addTo(all);
    QuarterRules.addTo(all);
    SeasonRules.addTo(all);
    PeriodRules.addTo(all);
    SetRules.addTo(all);
    DurationRules.addTo(all);
    this.rules = List.copyOf(all);
  }

  @Override
  public List<TemporalExpression> tag(String text, LocalDate documentDate) {
    Objects.requireNonNull(text, "text");
    Objects.requireNonNull(documentDate, "documentDate");
    List<Candidate> candidates = new ArrayList<>();
    Matcher[] matchers = new Matcher[rules.size()];
    for (int r = 0; r < rules.size(); r++) {
      matchers[r] = rules.get(r).pattern().matcher(text);
      matchers[r].useTransparentBounds(true).useAnchoringBounds(false);
    }
    int n = text.length();
    // Every expression starts a word (or is "'80s"), so rules are tried only where words start.
    for (int i = 0; i < n; i++) {
      if (!startsWord(text, i)) {
        continue;
      }
      char first = text.charAt(i);
      for (int r = 0; r < matchers.length; r++) {
        if (!rules.get(r).mayStartWith(first)) {
          continue;
        }
        Matcher m = matchers[r];
        m.region(i, n);
        if (m.lookingAt() && m.end() > m.start() && !spansParagraphs(text, i, m.end())) {
          candidates.add(new Candidate(r, Match.of(m, rules.get(r).groupNames())));
        }
      }
    }
    candidates.sort(
        Comparator.comparingInt((Candidate c) -> c.match.start() - c.match.end())
            .thenComparingInt(c -> c.rule));
    BitSet taken = new BitSet(text.length());
    List<Candidate> chosen = new ArrayList<>();
    for (Candidate c : candidates) {
      int s = c.match.start();
      int e = c.match.end();
      int next = taken.nextSetBit(s);
      if (next == -1 || next >= e) {
        taken.set(s, e);
        chosen.add(c);
      }
    }
    chosen.sort(Comparator.comparingInt(c -> c.match.start()));
    Context context = new Context(text, documentDate);
    for (Candidate c : chosen) {
      context.at(c.match);
      rules.get(c.rule).normaliser().normalise(c.match, context);
    }
    List<TemporalExpression> found = context.found;
    found.sort(Comparator.comparingInt(TemporalExpression::start));
    return List.copyOf(found);
  }

  @Override
  public String name() {
    return NAME;
  }

  /**
   * Expressions do not run across a blank line (table rows, paragraphs). Looks only inside the
   * match: a search for the next newline from the match on would cross the rest of a text without
   * one, for every candidate.
   */
  private static boolean spansParagraphs(String text, int start, int end) {
    int nl = indexOf(text, '\n', start, end);
    while (nl >= 0) {
      int next = nl + 1;
      while (next < end
          && (text.charAt(next) == ' ' || text.charAt(next) == '\t' || text.charAt(next) == '\r')) {
        next++;
      }
      if (next < end && text.charAt(next) == '\n') {
        return true;
      }
      nl = indexOf(text, '\n', nl + 1, end);
    }
    return false;
  }

  private static int indexOf(String text, char c, int from, int to) {
    for (int i = from; i < to; i++) {
      if (text.charAt(i) == c) {
        return i;
      }
    }
    return -1;
  }

  private static boolean startsWord(String text, int i) {
    char c = text.charAt(i);
    if (Character.isLetterOrDigit(c)) {
      return i == 0 || !Character.isLetterOrDigit(text.charAt(i - 1));
    }
    return (c == '\'' || c == '’')
        && i + 1 < text.length()
        && Character.isDigit(text.charAt(i + 1));
  }

  private record Candidate(int rule, Match match) {}
}
