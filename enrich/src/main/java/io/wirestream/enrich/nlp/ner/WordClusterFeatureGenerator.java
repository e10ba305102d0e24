package io.wirestream.enrich.nlp.ner;

import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import opennlp.tools.util.featuregen.AdaptiveFeatureGenerator;

/**
 * Word-cluster features of the tokens within {@code window} of the current one, at every
 * granularity of {@link WordClusters}; optionally also the finest clusters of adjacent token pairs
 * ("the cluster of Mr. followed by the cluster of Lavrov").
 *
 * <p>Looks each token up once per sentence (the last sentence is cached), so not thread-safe; every
 * NameFinderME builds its own generators.
 */
public final class WordClusterFeatureGenerator implements AdaptiveFeatureGenerator {

  private final WordClusters clusters;
  private final int window;
  private final boolean pairs;
  private final String[] positions;

  /**
   * Positional feature strings per cluster id ("p2" + "c1=17"), built once per generator: the same
   * few thousand strings recur for every token, and reusing them spares the concatenation and lets
   * the model's lookup use their cached hash codes. Cluster ids are interned, so identity suffices.
   */
  private final Map<String, String[]> positional = new IdentityHashMap<>();

  private String[] lastTokens;
  private String[][] lastIds;

  public WordClusterFeatureGenerator(WordClusters clusters) {
    this(clusters, 1, false);
  }

  public WordClusterFeatureGenerator(WordClusters clusters, int window, boolean pairs) {
    this.clusters = clusters;
    this.window = window;
    this.pairs = pairs;
    this.positions = new String[2 * window + 1];
    positions[0] = "w";
    for (int d = 1; d <= window; d++) {
      String suffix = d == 1 ? "" : Integer.toString(d);
      positions[2 * d - 1] = "p" + suffix;
      positions[2 * d] = "n" + suffix;
    }
  }

  @Override
  public void createFeatures(
      List<String> features, String[] tokens, int index, String[] previousOutcomes) {
    if (tokens != lastTokens) {
      lastIds = new String[tokens.length][];
      for (int i = 0; i < tokens.length; i++) {
        lastIds[i] = clusters.features(tokens[i]);
      }
      lastTokens = tokens;
    }
    String[][] ids = lastIds;
    add(features, 0, ids[index]);
    for (int d = 1; d <= window; d++) {
      if (index - d >= 0) {
        add(features, 2 * d - 1, ids[index - d]);
      }
      if (index + d < tokens.length) {
        add(features, 2 * d, ids[index + d]);
      }
    }
    if (pairs) {
      String current = finest(ids[index]);
      features.add("pw=" + (index > 0 ? finest(ids[index - 1]) : "BOS") + "," + current);
      features.add(
          "wn=" + current + "," + (index + 1 < tokens.length ? finest(ids[index + 1]) : "EOS"));
    }
  }

  private static String finest(String[] ids) {
    return ids == null ? "none" : ids[ids.length - 1];
  }

  private void add(List<String> features, int position, String[] ids) {
    if (ids == null) {
      features.add(variants(NONE)[position]);
      return;
    }
    for (String id : ids) {
      features.add(variants(id)[position]);
    }
  }

  private String[] variants(String id) {
    String[] v = positional.get(id);
    if (v == null) {
      v = new String[positions.length];
      for (int i = 0; i < positions.length; i++) {
        v[i] = positions[i] + id;
      }
      positional.put(id, v);
    }
    return v;
  }

  private static final String NONE = "c=none";
}
