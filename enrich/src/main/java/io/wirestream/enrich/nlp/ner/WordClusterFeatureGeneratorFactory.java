package io.wirestream.enrich.nlp.ner;

import opennlp.tools.util.InvalidFormatException;
import opennlp.tools.util.featuregen.AdaptiveFeatureGenerator;
import opennlp.tools.util.featuregen.GeneratorFactory;

/**
 * Lets a feature descriptor name the word-cluster features: {@code <generator
 * class="io.wirestream.enrich.nlp.ner.WordClusterFeatureGeneratorFactory"/>}. The clusters come
 * from the classpath, not from the model file (OpenNLP 2.5's own cluster artifact cannot be written
 * into a model: its serializer closes the zip stream).
 */
public final class WordClusterFeatureGeneratorFactory
    extends GeneratorFactory.AbstractXmlFeatureGeneratorFactory {

  /** Optional arguments: {@code window} (tokens each side, default 1), {@code pairs}. */
  @Override
  public AdaptiveFeatureGenerator create() throws InvalidFormatException {
    return new WordClusterFeatureGenerator(
        WordClusters.shared(), getInt("window", 1), getBool("pairs", false));
  }
}
