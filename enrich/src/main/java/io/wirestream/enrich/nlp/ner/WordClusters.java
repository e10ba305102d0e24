package io.wirestream.enrich.nlp.ner;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

/**
 * Cluster ids of lowercased words at several granularities, built by the lab's {@code
 * WordClusterBuilder} and shipped as {@value #RESOURCE}. Immutable and thread-safe.
 */
public final class WordClusters {

  public static final String RESOURCE = "/io/wirestream/enrich/nlp/ner/word-clusters.txt";

  private final Map<String, String[]> clusters;
  private final int granularities;

  WordClusters(Map<String, String[]> clusters, int granularities) {
    // A HashMap, not Map.copyOf: lookups are on the hot path and most are hits on lowercase keys.
    this.clusters = java.util.Collections.unmodifiableMap(new HashMap<>(clusters));
    this.granularities = granularities;
  }

  private static final class Shared {
    static final WordClusters INSTANCE = load();
  }

  public static WordClusters shared() {
    return Shared.INSTANCE;
  }

  private static WordClusters load() {
    try (InputStream in = WordClusters.class.getResourceAsStream(RESOURCE)) {
      if (in == null) {
        throw new IllegalStateException("missing resource " + RESOURCE);
      }
      return parse(new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8)));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  public static WordClusters parse(BufferedReader in) throws IOException {
    Map<String, String[]> clusters = new HashMap<>();
    int columns = 0;
    String line;
    while ((line = in.readLine()) != null) {
      if (line.isEmpty() || line.startsWith("#")) {
        continue;
      }
      String[] fields = line.split("\t");
      columns = fields.length - 1;
      String[] ids = new String[columns];
      for (int i = 0; i < columns; i++) {
        // Interned feature strings: "c0=17" is built once, not per token.
        ids[i] = ("c" + i + "=" + fields[i + 1]).intern();
      }
      clusters.put(fields[0], ids);
    }
    return new WordClusters(clusters, columns);
  }

  /** Feature strings of a word's clusters, coarse to fine; null if the word is unknown. */
  public String[] features(String word) {
    // Keys are lowercase; toLowerCase returns the word itself when it has no capitals.
    return clusters.get(word.toLowerCase(Locale.ROOT));
  }

  public int granularities() {
    return granularities;
  }
}
