package io.wirestream.enrich.nlp.ner;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * What the rest of one document says about each capitalised word: a sentence-level tagger sees
 * "Lavrov" alone, but the article also has "Sergei Lavrov", "Lavrov said" and "Mr Lavrov". Those
 * facts become features of every occurrence (non-local features in the sense of Ratinov and Roth,
 * 2009), computed from the text alone, so training needs no first-pass predictions:
 *
 * <ul>
 *   <li>{@code d:lc} the word also occurs in lower case ("The" vs "the");
 *   <li>{@code d:mid} it occurs capitalised inside a sentence, not only at its start;
 *   <li>{@code d:seq=first|mid|last} it occurs inside a longer run of capitalised words;
 *   <li>{@code d:p=w} / {@code d:n=w} the words before and after its occurrences, for words that
 *       occur more than once (context aggregation);
 *   <li>{@code d:tc} an all-capitals headline word occurs in title case in the body, whose features
 *       it then also gets ("JAPAN" / "Japan").
 * </ul>
 *
 * <p>The name finder's feature generators see one sentence at a time, so the document being tagged
 * is handed to {@link DocumentFeatureGenerator} through a {@link DocumentScope}.
 */
public final class DocumentFeatures {

  private static final String[] NONE = new String[0];

  /** Distinct neighbour words kept per side and word; more add features, not information. */
  private static final int MAX_NEIGHBOURS = 4;

  /** Capitalised words a news-wire slug may have before its dash ("RUGBY UNION - ..."). */
  private static final int MAX_SLUG_WORDS = 3;

  private final Map<String, String[]> features;
  private final String slug;

  private DocumentFeatures(Map<String, String[]> features, String slug) {
    this.features = features;
    this.slug = slug;
  }

  /**
   * The desk slug of a wire headline, lowercased ("soccer" for "SOCCER - JAPAN GET LUCKY WIN"), or
   * null. It says what kind of story this is, and with it what a city name in it most likely is:
   * the place in a business story, the team in a sports one.
   */
  String slug() {
    return slug;
  }

  /** The document features of {@code token}; empty for words that are not capitalised. */
  String[] of(String token) {
    String[] found = features.get(token);
    return found == null ? NONE : found;
  }

  public static DocumentFeatures of(List<String[]> sentences) {
    Map<String, Stats> stats = new HashMap<>();
    Set<String> lower = new HashSet<>();
    for (String[] tokens : sentences) {
      for (int i = 0; i < tokens.length; i++) {
        String token = tokens[i];
        if (!isCapitalised(token)) {
          if (!token.isEmpty() && Character.isLowerCase(token.charAt(0))) {
            lower.add(token);
          }
          continue;
        }
        Stats s = stats.computeIfAbsent(token, t -> new Stats());
        s.count++;
        if (i > 0) {
          s.mid = true;
          s.previous.add(tokens[i - 1].toLowerCase(Locale.ROOT));
        }
        if (i + 1 < tokens.length) {
          s.next.add(tokens[i + 1].toLowerCase(Locale.ROOT));
        }
        boolean capBefore = i > 0 && isCapitalised(tokens[i - 1]);
        boolean capAfter = i + 1 < tokens.length && isCapitalised(tokens[i + 1]);
        if (capBefore && capAfter) {
          s.sequence.add("mid");
        } else if (capBefore) {
          s.sequence.add("last");
        } else if (capAfter) {
          s.sequence.add("first");
        }
      }
    }
    Map<String, String[]> features = new HashMap<>(stats.size() * 2);
    for (Map.Entry<String, Stats> e : stats.entrySet()) {
      features.put(e.getKey(), e.getValue().features(e.getKey(), lower).toArray(NONE));
    }
    for (Map.Entry<String, Stats> e : stats.entrySet()) {
      String word = e.getKey();
      if (word.length() > 1 && isAllCaps(word)) {
        String title = word.charAt(0) + word.substring(1).toLowerCase(Locale.ROOT);
        String[] titleFeatures = features.get(title);
        if (titleFeatures != null) {
          String[] own = features.get(word);
          String[] merged = new String[own.length + titleFeatures.length + 1];
          System.arraycopy(own, 0, merged, 0, own.length);
          merged[own.length] = "d:tc";
          System.arraycopy(titleFeatures, 0, merged, own.length + 1, titleFeatures.length);
          features.put(word, merged);
        }
      }
    }
    return new DocumentFeatures(features, sentences.isEmpty() ? null : slug(sentences.get(0)));
  }

  private static String slug(String[] headline) {
    for (int i = 0; i < headline.length && i <= MAX_SLUG_WORDS; i++) {
      if (headline[i].equals("-")) {
        return i == 0
            ? null
            : String.join("_", Arrays.copyOf(headline, i)).toLowerCase(Locale.ROOT);
      }
      if (!isCapitalised(headline[i]) || !headline[i].chars().allMatch(Character::isLetter)) {
        return null;
      }
    }
    return null;
  }

  private static boolean isCapitalised(String token) {
    return !token.isEmpty() && Character.isUpperCase(token.charAt(0));
  }

  private static boolean isAllCaps(String token) {
    for (int i = 0; i < token.length(); i++) {
      if (Character.isLowerCase(token.charAt(i))) {
        return false;
      }
    }
    return true;
  }

  private static final class Stats {
    int count;
    boolean mid;
    final Set<String> sequence = new HashSet<>(4);
    final Set<String> previous = new LinkedHashSet<>();
    final Set<String> next = new LinkedHashSet<>();

    List<String> features(String word, Set<String> lower) {
      List<String> out = new ArrayList<>();
      if (lower.contains(word.toLowerCase(Locale.ROOT))) {
        out.add("d:lc");
      }
      if (mid) {
        out.add("d:mid");
      }
      for (String position : sequence) {
        out.add("d:seq=" + position);
      }
      if (count > 1) {
        addNeighbours(out, "d:p=", previous);
        addNeighbours(out, "d:n=", next);
      }
      return out;
    }

    private static void addNeighbours(List<String> out, String prefix, Set<String> words) {
      int added = 0;
      for (String w : words) {
        if (added++ == MAX_NEIGHBOURS) {
          return;
        }
        out.add(prefix + w);
      }
    }
  }
}
