package io.wirestream.enrich.nlp.time;

import io.wirestream.common.model.TemporalExpression;
import io.wirestream.enrich.nlp.TemporalTagger;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.regex.MatchResult;
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
    for (int r = 0; r < rules.size(); r++) {
      Matcher m = rules.get(r).pattern().matcher(text);
      while (m.find()) {
        if (m.end() > m.start()) {
          candidates.add(new Candidate(r, m.toMatchResult()));
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

  private record Candidate(int rule, MatchResult match) {}
}
