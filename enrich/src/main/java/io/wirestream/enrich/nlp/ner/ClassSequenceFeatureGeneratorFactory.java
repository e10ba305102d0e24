package io.wirestream.enrich.nlp.ner;

import opennlp.tools.util.InvalidFormatException;
import opennlp.tools.util.featuregen.AdaptiveFeatureGenerator;
import opennlp.tools.util.featuregen.GeneratorFactory;

/**
 * Lets a feature descriptor name the token-class sequences: {@code <generator
 * class="io.wirestream.enrich.nlp.ner.ClassSequenceFeatureGeneratorFactory"/>}.
 */
public final class ClassSequenceFeatureGeneratorFactory
    extends GeneratorFactory.AbstractXmlFeatureGeneratorFactory {

  /** Optional argument: {@code wide}, see {@link ClassSequenceFeatureGenerator}. */
  @Override
  public AdaptiveFeatureGenerator create() throws InvalidFormatException {
    return new ClassSequenceFeatureGenerator(getBool("wide", false));
  }
}
