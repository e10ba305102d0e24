package io.wirestream.enrich.nlp.ner;

import java.util.List;
import opennlp.tools.util.featuregen.AdaptiveFeatureGenerator;

/**
 * Word-cluster features of the previous, current and next token, at every granularity of
 * {@link WordClusters}. Stateless.
 */
public final class WordClusterFeatureGenerator implements AdaptiveFeatureGenerator {

  private final WordClusters clusters;

  public WordClusterFeatureGenerator(WordClusters clusters) {
    this.clusters = clusters;
  }

  @Override
  public void createFeatures(List<String> features, String[] tokens, int index,
      String[] previousOutcomes) {
    add(features, "w", clusters.features(tokens[index]));
    if (index > 0) {
      add(features, "p", clusters.features(tokens[index - 1]));
    }
    if (index + 1 < tokens.length) {
      add(features, "n", clusters.features(tokens[index + 1]));
    }
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
