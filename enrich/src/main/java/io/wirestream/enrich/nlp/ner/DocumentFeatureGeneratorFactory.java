package io.wirestream.enrich.nlp.ner;

import opennlp.tools.util.InvalidFormatException;
import opennlp.tools.util.featuregen.AdaptiveFeatureGenerator;
import opennlp.tools.util.featuregen.GeneratorFactory;

/**
 * Lets a feature descriptor name the document features: {@code <generator
 * class="io.wirestream.enrich.nlp.ner.DocumentFeatureGeneratorFactory"/>}.
 */
public final class DocumentFeatureGeneratorFactory
    extends GeneratorFactory.AbstractXmlFeatureGeneratorFactory {

  /** Optional argument: {@code window}, neighbours each side whose features are added too. */
  @Override
  public AdaptiveFeatureGenerator create() throws InvalidFormatException {
    return new DocumentFeatureGenerator(getInt("window", 0));
  }
}
