package io.wirestream.enrich.nlp.ner;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Name lists (places, given names, surnames, companies) matched against token sequences. Built by
 * the lab's {@code GazetteerBuilder}; shipped as {@value #RESOURCE}. Immutable and thread-safe.
 *
 * <p>Matching ignores case, since wire copy puts headlines in capitals, but a match must start with
 * a capital or digit, so "us" and "may" in running text do not hit the lists.
 */
public final class Gazetteer {

  public static final String RESOURCE = "/io/wirestream/enrich/nlp/ner/gazetteer.txt";

  /** The lists, in bit order. */
  public static final List<String> LISTS = List.of("LOC", "FIRST", "LAST", "ORG", "COUNTRY");

  private final Map<String, Integer> phrases;
  private final Set<String> firstTokens;
  private final int maxLength;

  Gazetteer(Map<String, Integer> phrases) {
    this.phrases = Map.copyOf(phrases);
    Set<String> first = new HashSet<>();
    int max = 1;
    for (String phrase : phrases.keySet()) {
      String[] tokens = phrase.split(" ");
      first.add(tokens[0]);
      max = Math.max(max, tokens.length);
    }
    this.firstTokens = Set.copyOf(first);
    this.maxLength = max;
  }

  private static final class Shared {
    static final Gazetteer INSTANCE = load();
  }

  /** The shipped lists, loaded once. */
  public static Gazetteer shared() {
    return Shared.INSTANCE;
  }

  private static Gazetteer load() {
    try (InputStream in = Gazetteer.class.getResourceAsStream(RESOURCE)) {
      if (in == null) {
        throw new IllegalStateException("missing resource " + RESOURCE);
      }
      return parse(new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8)));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Reads {@code LIST<TAB>token token ...} lines; {@code #} lines are comments. */
  static Gazetteer parse(BufferedReader in) throws IOException {
    Map<String, Integer> phrases = new HashMap<>();
    String line;
    while ((line = in.readLine()) != null) {
      if (line.isEmpty() || line.startsWith("#")) {
        continue;
      }
      int tab = line.indexOf('\t');
      int bit = LISTS.indexOf(line.substring(0, tab));
      if (bit < 0) {
        throw new IOException("unknown list in gazetteer line '" + line + "'");
      }
      phrases.merge(key(line.substring(tab + 1)), 1 << bit, (a, b) -> a | b);
    }
    return new Gazetteer(phrases);
  }

  static String key(String phrase) {
    return phrase.toLowerCase(Locale.ROOT);
  }

  /**
   * For each token, the lists of the longest match starting there and of any match covering it:
   * {@code [i][0]} = lists where token i begins a match, {@code [i][1]} = lists where it continues
   * one.
   */
  public int[][] match(String[] tokens) {
    int[][] hits = new int[tokens.length][2];
    String[] lower = new String[tokens.length];
    for (int i = 0; i < tokens.length; i++) {
      lower[i] = key(tokens[i]);
    }
    for (int s = 0; s < tokens.length; s++) {
      char c = tokens[s].charAt(0);
      if (!(Character.isUpperCase(c) || Character.isDigit(c)) || !firstTokens.contains(lower[s])) {
        continue;
      }
      StringBuilder phrase = new StringBuilder();
      for (int e = s; e < Math.min(tokens.length, s + maxLength); e++) {
        if (e > s) {
          phrase.append(' ');
        }
        phrase.append(lower[e]);
        Integer lists = phrases.get(phrase.toString());
        if (lists != null) {
          hits[s][0] |= lists;
          for (int i = s + 1; i <= e; i++) {
            hits[i][1] |= lists;
          }
        }
      }
    }
    return hits;
  }

  public int size() {
    return phrases.size();
  }
}
