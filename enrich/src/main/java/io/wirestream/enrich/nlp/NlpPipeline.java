package io.wirestream.enrich.nlp;

import io.wirestream.common.config.WirestreamConfig;
import io.wirestream.enrich.nlp.lang.LanguageGate;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The annotators an enriched record is made with, in the order they run, assembled once from
 * configuration and shared by all stream threads; each thread enriches through its own {@link
 * #enricher()}. The record names each annotator's model, so the list here is what a consumer sees
 * in {@code enrichment.models}, with the language detector's model under {@code language}.
 *
 * <p>Before the annotators run, the {@link LanguageGate} decides the article's language; an article
 * in a language the annotators have no models for is recorded with its language and the reason,
 * without entities, dates or sentences.
 */
public final class NlpPipeline {

  /** The key of the language detector's model in {@code enrichment.models}. */
  public static final String LANGUAGE_MODEL = "language";

  private final List<Annotator> annotators;
  private final Map<String, String> models;
  private final int version;
  private final Clock clock;
  private final int maxBodyChars;
  private final LanguageGate languages;

  /**
   * @param version the enrichment version recorded in each record ({@code enrich.version})
   * @param maxBodyChars how much of a body is analysed ({@code enrich.max.body.chars}, {@link
   *     BodyCut})
   */
  public NlpPipeline(List<Annotator> annotators, int version, Clock clock, int maxBodyChars) {
    this(annotators, version, clock, maxBodyChars, LanguageGate.english());
  }

  /**
   * @param languages decides each article's language and whether the annotators can read it
   */
  public NlpPipeline(
      List<Annotator> annotators,
      int version,
      Clock clock,
      int maxBodyChars,
      LanguageGate languages) {
    if (maxBodyChars < 1) {
      throw new IllegalArgumentException("maxBodyChars < 1: " + maxBodyChars);
    }
    Map<String, String> models = new LinkedHashMap<>();
    for (Annotator annotator : annotators) {
      if (models.put(annotator.name(), annotator.model()) != null) {
        throw new IllegalArgumentException("two annotators named " + annotator.name());
      }
    }
    if (models.put(LANGUAGE_MODEL, languages.model()) != null) {
      throw new IllegalArgumentException("an annotator is named " + LANGUAGE_MODEL);
    }
    this.annotators = List.copyOf(annotators);
    this.models = Map.copyOf(models);
    this.languages = languages;
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

  public LanguageGate languages() {
    return languages;
  }

  /** An enricher for one thread. */
  public Enricher enricher() {
    return new Enricher(this);
  }
}
