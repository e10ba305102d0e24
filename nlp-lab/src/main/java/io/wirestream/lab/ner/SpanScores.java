package io.wirestream.lab.ner;

import java.util.Collection;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * Precision, recall and F1 over exact spans, as conlleval counts them: a predicted name is correct
 * only if its start, end and type all equal a gold name's. Scores are micro-averaged over all names
 * and also kept per type. Not thread-safe.
 */
public final class SpanScores {

  /** A name as a span (token or character offsets, end exclusive) and its type. */
  public record Mention(int start, int end, String type) {}

  /** Counts of one type, or of all types together. */
  public record Counts(int correct, int predicted, int gold) {

    public double precision() {
      return predicted == 0 ? 0.0 : (double) correct / predicted;
    }

    public double recall() {
      return gold == 0 ? 0.0 : (double) correct / gold;
    }

    public double f1() {
      return predicted + gold == 0 ? 0.0 : 2.0 * correct / (predicted + gold);
    }

    Counts plus(int c, int p, int g) {
      return new Counts(correct + c, predicted + p, gold + g);
    }
  }

  private final Set<String> types;
  private final Map<String, Counts> byType = new TreeMap<>();

  /**
   * @param types the types scored; mentions of other types are ignored on both sides
   */
  public SpanScores(Collection<String> types) {
    this.types = Set.copyOf(types);
    for (String type : types) {
      byType.put(type, new Counts(0, 0, 0));
    }
  }

  /** Adds one sentence or document; spans of both lists must use the same offsets. */
  public void add(Collection<Mention> gold, Collection<Mention> predicted) {
    Set<Mention> goldSet = new HashSet<>();
    for (Mention m : gold) {
      if (types.contains(m.type())) {
        goldSet.add(m);
        byType.merge(m.type(), new Counts(0, 0, 1), (a, b) -> a.plus(0, 0, 1));
      }
    }
    for (Mention m : new HashSet<>(predicted)) {
      if (types.contains(m.type())) {
        int correct = goldSet.contains(m) ? 1 : 0;
        byType.merge(m.type(), new Counts(correct, 1, 0), (a, b) -> a.plus(correct, 1, 0));
      }
    }
  }

  public Counts overall() {
    int c = 0;
    int p = 0;
    int g = 0;
    for (Counts counts : byType.values()) {
      c += counts.correct();
      p += counts.predicted();
      g += counts.gold();
    }
    return new Counts(c, p, g);
  }

  /** Counts per scored type, in type order. */
  public Map<String, Counts> byType() {
    return Map.copyOf(byType);
  }

  /** A conlleval-like table: one line overall, one per type. */
  public String report() {
    StringBuilder out = new StringBuilder();
    out.append(
        String.format(
            "%-8s %7s %7s %7s %7s %7s %7s%n",
            "type", "prec", "recall", "F1", "correct", "pred", "gold"));
    line(out, "overall", overall());
    for (Map.Entry<String, Counts> e : new TreeMap<>(byType).entrySet()) {
      line(out, e.getKey(), e.getValue());
    }
    return out.toString();
  }

  private static void line(StringBuilder out, String label, Counts c) {
    out.append(
        String.format(
            java.util.Locale.ROOT,
            "%-8s %7.2f %7.2f %7.2f %7d %7d %7d%n",
            label,
            100 * c.precision(),
            100 * c.recall(),
            100 * c.f1(),
            c.correct(),
            c.predicted(),
            c.gold()));
  }
}
