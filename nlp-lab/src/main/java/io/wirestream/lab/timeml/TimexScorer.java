package io.wirestream.lab.timeml;

import java.util.ArrayList;
import java.util.List;

/** Scores system TIMEX3s against gold ones, TempEval-3 Task A style. */
public final class TimexScorer {

  private static final int CONTEXT = 60;

  private TimexScorer() {}

  /** The result of scoring one document or a set of them. */
  public record Result(TimexScore score, List<TimexError> errors) {

    public Result {
      errors = List.copyOf(errors);
    }

    public Result plus(Result o) {
      List<TimexError> all = new ArrayList<>(errors);
      all.addAll(o.errors);
      return new Result(score.plus(o.score), all);
    }
  }

  public static final Result EMPTY = new Result(TimexScore.ZERO, List.of());

  /**
   * Pairs overlapping extents one-to-one in text order (each gold expression takes the first free
   * overlapping system expression). Both lists hold offsets into the same text.
   */
  public static Result score(String document, String text, List<Timex> gold, List<Timex> system) {
    List<Timex> g = sorted(gold);
    List<Timex> s = sorted(system);
    boolean[] used = new boolean[s.size()];
    int strict = 0;
    int relaxed = 0;
    int types = 0;
    int values = 0;
    List<TimexError> errors = new ArrayList<>();
    for (Timex gt : g) {
      int match = -1;
      for (int i = 0; i < s.size(); i++) {
        if (!used[i] && s.get(i).overlaps(gt)) {
          match = i;
          break;
        }
      }
      if (match < 0) {
        errors.add(new TimexError(document, TimexError.Kind.MISSED, gt, null, context(text, gt)));
        continue;
      }
      used[match] = true;
      Timex st = s.get(match);
      relaxed++;
      boolean sameExtent = st.sameExtent(gt);
      boolean sameType = st.type().equals(gt.type());
      boolean sameValue = st.value().equals(gt.value());
      if (sameExtent) {
        strict++;
      }
      if (sameType) {
        types++;
      }
      if (sameValue) {
        values++;
      }
      TimexError.Kind kind =
          !sameValue
              ? TimexError.Kind.WRONG_VALUE
              : !sameType
                  ? TimexError.Kind.WRONG_TYPE
                  : !sameExtent ? TimexError.Kind.WRONG_EXTENT : null;
      if (kind != null) {
        errors.add(new TimexError(document, kind, gt, st, context(text, gt)));
      }
    }
    for (int i = 0; i < s.size(); i++) {
      if (!used[i]) {
        errors.add(
            new TimexError(
                document, TimexError.Kind.SPURIOUS, null, s.get(i), context(text, s.get(i))));
      }
    }
    TimexScore score = new TimexScore(g.size(), s.size(), strict, relaxed, types, values);
    return new Result(score, errors);
  }

  private static List<Timex> sorted(List<Timex> timexes) {
    List<Timex> list = new ArrayList<>(timexes);
    list.sort(
        (a, b) ->
            a.start() != b.start()
                ? Integer.compare(a.start(), b.start())
                : Integer.compare(a.end(), b.end()));
    return list;
  }

  private static String context(String text, Timex t) {
    int from = Math.max(0, t.start() - CONTEXT);
    int to = Math.min(text.length(), t.end() + CONTEXT);
    String c =
        text.substring(from, t.start())
            + "["
            + text.substring(t.start(), t.end())
            + "]"
            + text.substring(t.end(), to);
    return c.replaceAll("\\s+", " ").trim();
  }
}
