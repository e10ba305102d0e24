package io.wirestream.lab.extract;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The word-shingle match of the ScrapingHub article-extraction benchmark, so that body scores
 * compare with its published figures: texts are split into tokens (runs of letters, digits and
 * underscores, case kept), tokens into overlapping 4-token shingles counted as a multiset; true
 * positives are the shared shingles, false positives the extra ones of the system, false negatives
 * the missing ones of the gold. A page's three counts are divided by their sum, so that every page
 * weighs the same, and summed over pages before precision, recall and F1 are taken.
 *
 * @param tp share of the page's shingles that both texts have
 * @param fp share that only the system text has
 * @param fn share that only the gold text has
 */
public record ShingleMatch(double tp, double fp, double fn) {

  static final int N = 4;

  /** The match of one page; two empty texts match as nothing (all counts zero). */
  public static ShingleMatch of(String gold, String system) {
    Map<List<String>, Integer> g = shingles(tokens(gold));
    Map<List<String>, Integer> s = shingles(tokens(system));
    Set<List<String>> keys = new HashSet<>(g.keySet());
    keys.addAll(s.keySet());
    long tp = 0;
    long fp = 0;
    long fn = 0;
    for (List<String> key : keys) {
      int inGold = g.getOrDefault(key, 0);
      int inSystem = s.getOrDefault(key, 0);
      tp += Math.min(inGold, inSystem);
      fp += Math.max(0, inSystem - inGold);
      fn += Math.max(0, inGold - inSystem);
    }
    double sum = tp + fp + fn;
    return sum == 0 ? new ShingleMatch(0, 0, 0) : new ShingleMatch(tp / sum, fp / sum, fn / sum);
  }

  /** Tokens as Python's {@code \w+} finds them: letters, digits (any script) and underscores. */
  static List<String> tokens(String text) {
    List<String> tokens = new ArrayList<>();
    if (text == null) {
      return tokens;
    }
    int start = -1;
    int i = 0;
    while (i <= text.length()) {
      int cp = i < text.length() ? text.codePointAt(i) : -1;
      boolean word = cp >= 0 && isWordChar(cp);
      if (word && start < 0) {
        start = i;
      } else if (!word && start >= 0) {
        tokens.add(text.substring(start, i));
        start = -1;
      }
      i += cp >= 0 ? Character.charCount(cp) : 1;
    }
    return tokens;
  }

  private static boolean isWordChar(int cp) {
    if (cp == '_' || Character.isLetterOrDigit(cp)) {
      return true;
    }
    int type = Character.getType(cp);
    return type == Character.LETTER_NUMBER || type == Character.OTHER_NUMBER;
  }

  /** Shingles counted; a text shorter than a shingle is one shingle of all its tokens. */
  static Map<List<String>, Integer> shingles(List<String> tokens) {
    Map<List<String>, Integer> counts = new HashMap<>();
    if (!tokens.isEmpty() && tokens.size() < N) {
      counts.put(List.copyOf(tokens), 1);
    }
    for (int i = 0; i + N <= tokens.size(); i++) {
      counts.merge(List.copyOf(tokens.subList(i, i + N)), 1, Integer::sum);
    }
    return counts;
  }

  /** Precision, recall and F1 over pages, each page weighing the same. */
  public record Score(double precision, double recall, double f1, int pages) {

    public static Score of(List<ShingleMatch> matches) {
      double tp = 0;
      double fp = 0;
      double fn = 0;
      for (ShingleMatch m : matches) {
        tp += m.tp();
        fp += m.fp();
        fn += m.fn();
      }
      double precision = tp + fp == 0 ? 0 : tp / (tp + fp);
      double recall = tp + fn == 0 ? 0 : tp / (tp + fn);
      double f1 = precision + recall == 0 ? 0 : 2 * precision * recall / (precision + recall);
      return new Score(precision, recall, f1, matches.size());
    }
  }
}
