package io.wirestream.enrich.nlp.ner;

import opennlp.tools.util.featuregen.AdaptiveFeatureGenerator;
import opennlp.tools.util.featuregen.GeneratorFactory;

/**
 * Lets a feature descriptor name the slug features: {@code <generator
 * class="io.wirestream.enrich.nlp.ner.DocumentSlugFeatureGeneratorFactory"/>}.
 */
public final class DocumentSlugFeatureGeneratorFactory
    extends GeneratorFactory.AbstractXmlFeatureGeneratorFactory {

  @Override
  public AdaptiveFeatureGenerator create() {
    return new DocumentSlugFeatureGenerator(WordClusters.shared());
  }
}
