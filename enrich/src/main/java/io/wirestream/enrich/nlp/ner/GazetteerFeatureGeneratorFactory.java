package io.wirestream.enrich.nlp.ner;

import opennlp.tools.util.featuregen.AdaptiveFeatureGenerator;
import opennlp.tools.util.featuregen.GeneratorFactory;

/**
 * Lets a feature descriptor name the gazetteer features: {@code <generator
 * class="io.wirestream.enrich.nlp.ner.GazetteerFeatureGeneratorFactory"/>}. The lists come from the
 * classpath, not from the model file.
 */
public final class GazetteerFeatureGeneratorFactory
    extends GeneratorFactory.AbstractXmlFeatureGeneratorFactory {

  @Override
  public AdaptiveFeatureGenerator create() {
    return new GazetteerFeatureGenerator(Gazetteer.shared());
  }
}
