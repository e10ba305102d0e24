package io.wirestream.enrich.nlp.ner;

import java.util.List;
import opennlp.tools.util.featuregen.AdaptiveFeatureGenerator;
import opennlp.tools.util.featuregen.FeatureGeneratorUtil;

/**
 * Joins the document's wire slug ({@link DocumentFeatures#slug}) with what a capitalised word looks
 * like: its coarsest word cluster, its token class and the next token's class. A maxent model is
 * linear, so "a city name in a baseball story is a team" has to be one feature to be learnt.
 */
public final class DocumentSlugFeatureGenerator implements AdaptiveFeatureGenerator {

  private final WordClusters clusters;

  public DocumentSlugFeatureGenerator(WordClusters clusters) {
    this.clusters = clusters;
  }

  @Override
  public void createFeatures(
      List<String> features, String[] tokens, int index, String[] previousOutcomes) {
    DocumentFeatures document = DocumentScope.current("DocumentSlugFeatureGenerator");
    String token = tokens[index];
    if (document.slug() == null || token.isEmpty() || !Character.isUpperCase(token.charAt(0))) {
      return;
    }
    String slug = "s=" + document.slug();
    String[] ids = clusters.features(token);
    features.add(slug + "," + (ids == null ? "c=none" : ids[0]));
    features.add(slug + ",t=" + FeatureGeneratorUtil.tokenFeature(token));
    String next =
        index + 1 < tokens.length ? FeatureGeneratorUtil.tokenFeature(tokens[index + 1]) : "EOS";
    features.add(slug + ",n=" + next);
  }
}
