package io.wirestream.enrich.nlp;

import io.wirestream.common.config.WirestreamConfig;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The annotators an enriched record is made with, in the order they run, assembled once from
 * configuration and shared by all stream threads; each thread enriches through its own {@link
 * #enricher()}. The record names each annotator's model, so the list here is what a consumer sees
 * in {@code enrichment.models}.
 */
public final class NlpPipeline {

  private final List<Annotator> annotators;
  private final Map<String, String> models;
  private final int version;
  private final Clock clock;
  private final int maxBodyChars;

  /**
   * @param version the enrichment version recorded in each record ({@code enrich.version})
   * @param maxBodyChars how much of a body is analysed ({@code enrich.max.body.chars}, {@link
   *     BodyCut})
   */
  public NlpPipeline(List<Annotator> annotators, int version, Clock clock, int maxBodyChars) {
    if (maxBodyChars < 1) {
      throw new IllegalArgumentException("maxBodyChars < 1: " + maxBodyChars);
    }
    Map<String, String> models = new LinkedHashMap<>();
    for (Annotator annotator : annotators) {
      if (models.put(annotator.name(), annotator.model()) != null) {
        throw new IllegalArgumentException("two annotators named " + annotator.name());
      }
    }
    this.annotators = List.copyOf(annotators);
    this.models = Map.copyOf(models);
    this.version = version;
    this.clock = clock;
    this.maxBodyChars = maxBodyChars;
  }

  /** Names with grouping, then dates, over the given models. */
  public static NlpPipeline of(
      EntityExtractorFactory extractors,
      TemporalTagger tagger,
      int version,
      Clock clock,
      int maxBodyChars) {
    return new NlpPipeline(
        List.of(new NameAnnotator(extractors), new DateAnnotator(tagger)),
        version,
        clock,
        maxBodyChars);
  }

  /**
   * The pipeline the services run: the models of {@link NlpDefaults}, {@code enrich.version},
   * {@code enrich.max.body.chars} and {@code enrich.tokens}.
   */
  public static NlpPipeline from(WirestreamConfig config) {
    return new NlpPipeline(
        List.of(
            new NameAnnotator(
                NlpDefaults.entityExtractors(config),
                config.getBoolean(WirestreamConfig.ENRICH_TOKENS)),
            new DateAnnotator(NlpDefaults.temporalTagger())),
        config.getInt(WirestreamConfig.ENRICH_VERSION),
        Clock.systemUTC(),
        config.getInt(WirestreamConfig.ENRICH_MAX_BODY_CHARS));
  }

  public List<Annotator> annotators() {
    return annotators;
  }

  /** Annotator name to model name and version, as recorded in each enriched record. */
  public Map<String, String> models() {
    return models;
  }

  public int version() {
    return version;
  }

  Clock clock() {
    return clock;
  }

  public int maxBodyChars() {
    return maxBodyChars;
  }

  /** An enricher for one thread. */
  public Enricher enricher() {
    return new Enricher(this);
  }
}
