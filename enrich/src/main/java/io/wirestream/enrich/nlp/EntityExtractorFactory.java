package io.wirestream.enrich.nlp;

/**
 * Creates {@link EntityExtractor}s over models loaded once. Must be thread-safe; each extractor it
 * creates is used by one thread.
 */
public interface EntityExtractorFactory {

  EntityExtractor create();

  /** Name and version of the model behind the extractors, recorded in each enriched record. */
  String modelName();
}
