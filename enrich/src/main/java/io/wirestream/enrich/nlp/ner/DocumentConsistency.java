package io.wirestream.enrich.nlp.ner;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import opennlp.tools.util.Span;

/**
 * Makes later mentions in one article agree with an earlier full name. News names a person in full
 * once ("Sergei Lavrov") and by surname after ("Lavrov"); the sentence-level model sees the surname
 * alone and may miss it or type it as a place. So a capitalised token equal to the last token of an
 * earlier person name becomes (or stays) a person, and a later exact repeat of an earlier
 * multi-token name gets that name's type.
 */
final class DocumentConsistency {

  private DocumentConsistency() {}

  static List<Span[]> apply(List<String[]> sentences, List<Span[]> names) {
    Map<String, String> surnames = new HashMap<>();
    Map<String, String> fullNames = new HashMap<>();
    // First words of the full names, so most tokens are ruled out without building phrases.
    java.util.Set<String> firstWords = new java.util.HashSet<>();
    List<Span[]> result = new ArrayList<>(names.size());
    for (int s = 0; s < sentences.size(); s++) {
      String[] tokens = sentences.get(s);
      List<Span> spans = new ArrayList<>(Arrays.asList(names.get(s)));
      boolean changed = false;
      // Retype single-token names that are an earlier person's surname.
      for (int n = 0; n < spans.size(); n++) {
        Span span = spans.get(n);
        if (span.length() == 1
            && !"PER".equals(span.getType())
            && "PER".equals(surnames.get(tokens[span.getStart()]))) {
          spans.set(n, new Span(span.getStart(), span.getEnd(), "PER", span.getProb()));
          changed = true;
        }
      }
      // Label unlabelled repeats: full names first (longest), then surnames.
      boolean[] covered = new boolean[tokens.length];
      for (Span span : spans) {
        Arrays.fill(covered, span.getStart(), span.getEnd(), true);
      }
      for (int i = 0; i < tokens.length; i++) {
        if (covered[i] || !Character.isUpperCase(tokens[i].charAt(0))) {
          continue;
        }
        int matched = 0;
        String type = null;
        int longest = firstWords.contains(tokens[i]) ? Math.min(6, tokens.length - i) : 0;
        for (int len = longest; len >= 2 && type == null; len--) {
          String phrase = String.join(" ", Arrays.copyOfRange(tokens, i, i + len));
          String t = fullNames.get(phrase);
          if (t != null && !anyCovered(covered, i, i + len)) {
            type = t;
            matched = len;
          }
        }
        if (type == null && surnames.containsKey(tokens[i])) {
          type = surnames.get(tokens[i]);
          matched = 1;
        }
        if (type != null) {
          spans.add(new Span(i, i + matched, type));
          Arrays.fill(covered, i, i + matched, true);
          changed = true;
          i += matched - 1;
        }
      }
      if (changed) {
        spans.sort(Comparator.comparingInt(Span::getStart));
      }
      for (Span span : spans) {
        if (span.length() >= 2) {
          String phrase =
              String.join(" ", Arrays.copyOfRange(tokens, span.getStart(), span.getEnd()));
          fullNames.putIfAbsent(phrase, span.getType());
          firstWords.add(tokens[span.getStart()]);
          if ("PER".equals(span.getType())) {
            String last = tokens[span.getEnd() - 1];
            if (last.length() > 1 && Character.isUpperCase(last.charAt(0))) {
              surnames.putIfAbsent(last, "PER");
            }
          }
        }
      }
      result.add(changed ? spans.toArray(Span[]::new) : names.get(s));
    }
    return result;
  }

  private static boolean anyCovered(boolean[] covered, int from, int to) {
    for (int i = from; i < to; i++) {
      if (covered[i]) {
        return true;
      }
    }
    return false;
  }
}
