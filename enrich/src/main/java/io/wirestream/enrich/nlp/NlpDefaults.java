package io.wirestream.enrich.nlp;

import io.wirestream.common.config.WirestreamConfig;
import io.wirestream.enrich.nlp.ner.OpenNlpEntityExtractorFactory;
import io.wirestream.enrich.nlp.time.RuleBasedTemporalTagger;
import java.nio.file.Files;
import java.nio.file.Path;
import org.apache.kafka.common.config.ConfigException;

/** The NLP components the services use unless told otherwise. */
public final class NlpDefaults {

  private NlpDefaults() {}

  /** The shipped name finder, or the model file named by {@code enrich.ner.model}. */
  public static EntityExtractorFactory entityExtractors(WirestreamConfig config) {
    String model = config.getString(WirestreamConfig.ENRICH_NER_MODEL);
    if (model.isBlank()) {
      return new OpenNlpEntityExtractorFactory();
    }
    Path file = Path.of(model);
    if (!Files.isReadable(file)) {
      throw new ConfigException(
          WirestreamConfig.ENRICH_NER_MODEL, model, "no readable model file there");
    }
    return new OpenNlpEntityExtractorFactory(file);
  }

  public static TemporalTagger temporalTagger() {
    return new RuleBasedTemporalTagger();
  }
}
