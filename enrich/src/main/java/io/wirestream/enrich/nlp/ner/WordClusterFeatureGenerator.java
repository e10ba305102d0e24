package io.wirestream.enrich.nlp.ner;

import java.util.List;
import opennlp.tools.util.featuregen.AdaptiveFeatureGenerator;

/**
 * Word-cluster features of the tokens within {@code window} of the current one, at every
 * granularity of {@link WordClusters}; optionally also the finest clusters of adjacent token pairs
 * ("the cluster of Mr. followed by the cluster of Lavrov"). Stateless.
 */
public final class WordClusterFeatureGenerator implements AdaptiveFeatureGenerator {

  private final WordClusters clusters;
  private final int window;
  private final boolean pairs;

  public WordClusterFeatureGenerator(WordClusters clusters) {
    this(clusters, 1, false);
  }

  public WordClusterFeatureGenerator(WordClusters clusters, int window, boolean pairs) {
    this.clusters = clusters;
    this.window = window;
    this.pairs = pairs;
  }

  @Override
  public void createFeatures(List<String> features, String[] tokens, int index,
      String[] previousOutcomes) {
    add(features, "w", clusters.features(tokens[index]));
    for (int d = 1; d <= window; d++) {
      String suffix = d == 1 ? "" : Integer.toString(d);
      if (index - d >= 0) {
        add(features, "p" + suffix, clusters.features(tokens[index - d]));
      }
      if (index + d < tokens.length) {
        add(features, "n" + suffix, clusters.features(tokens[index + d]));
      }
    }
    if (pairs) {
      String current = finest(tokens[index]);
      features.add("pw=" + (index > 0 ? finest(tokens[index - 1]) : "BOS") + "," + current);
      features.add("wn=" + current + ","
          + (index + 1 < tokens.length ? finest(tokens[index + 1]) : "EOS"));
    }
  }

  private String finest(String token) {
    String[] ids = clusters.features(token);
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
