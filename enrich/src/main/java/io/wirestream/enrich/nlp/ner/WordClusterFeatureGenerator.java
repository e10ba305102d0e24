package io.wirestream.enrich.nlp.ner;

import java.util.List;
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
  private String[] lastTokens;
  private String[][] lastIds;

  public WordClusterFeatureGenerator(WordClusters clusters) {
    this(clusters, 1, false);
  }

  public WordClusterFeatureGenerator(WordClusters clusters, int window, boolean pairs) {
    this.clusters = clusters;
    this.window = window;
    this.pairs = pairs;
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
    add(features, "w", ids[index]);
    for (int d = 1; d <= window; d++) {
      String suffix = d == 1 ? "" : Integer.toString(d);
      if (index - d >= 0) {
        add(features, "p" + suffix, ids[index - d]);
      }
      if (index + d < tokens.length) {
        add(features, "n" + suffix, ids[index + d]);
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

  private static void add(List<String> features, String position, String[] ids) {
    if (ids == null) {
      features.add(position + "c=none");
      return;
    }
    for (String id : ids) {
      features.add(position + id);
    }
  }
}
