package io.wirestream.ingest.page;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/** Word trigrams of a text, to tell whether a paragraph of the markup is in a reference text. */
final class Shingles {

  private static final int N = 3;

  private Shingles() {}

  static List<String> words(String text) {
    List<String> words = new ArrayList<>();
    int start = -1;
    for (int i = 0; i <= text.length(); i++) {
      boolean word = i < text.length() && Character.isLetterOrDigit(text.charAt(i));
      if (word && start < 0) {
        start = i;
      } else if (!word && start >= 0) {
        words.add(text.substring(start, i).toLowerCase(Locale.ROOT));
        start = -1;
      }
    }
    return words;
  }

  static Set<String> of(List<String> words) {
    Set<String> shingles = new HashSet<>();
    if (words.size() < N) {
      if (!words.isEmpty()) {
        shingles.add(String.join(" ", words));
      }
      return shingles;
    }
    for (int i = 0; i + N <= words.size(); i++) {
      shingles.add(words.get(i) + ' ' + words.get(i + 1) + ' ' + words.get(i + 2));
    }
    return shingles;
  }

  /** Share of {@code part}'s shingles that are in {@code reference}. */
  static double coverage(Set<String> part, Set<String> reference) {
    if (part.isEmpty()) {
      return 0;
    }
    int in = 0;
    for (String s : part) {
      if (reference.contains(s)) {
        in++;
      }
    }
    return (double) in / part.size();
  }
}
