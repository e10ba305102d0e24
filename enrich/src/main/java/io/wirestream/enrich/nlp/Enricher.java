package io.wirestream.enrich.nlp;

import io.wirestream.common.config.WirestreamConfig;
import io.wirestream.common.model.Article;
import io.wirestream.common.model.CanonicalEntity;
import io.wirestream.common.model.EnrichedArticle;
import io.wirestream.common.model.Enrichment;
import io.wirestream.common.model.Entity;
import io.wirestream.common.model.TemporalExpression;
import io.wirestream.enrich.nlp.ner.EntityGrouper;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/**
 * Turns one article into an enriched article. Holds one {@link EntityExtractor}, so one instance
 * serves one thread.
 *
 * <p>A body longer than {@code maxBodyChars} is analysed only up to a boundary at or before that
 * length ({@link BodyCut}), which the enrichment records; the article keeps its whole body. The cap
 * bounds the time one article can hold a stream thread.
 */
public final class Enricher {

  private final EntityExtractor extractor;
  private final TemporalTagger tagger;
  private final EntityGrouper grouper;
  private final int version;
  private final Map<String, String> models;
  private final Clock clock;
  private final int maxBodyChars;

  /** An enricher with the default body cap, {@link WirestreamConfig#DEFAULT_MAX_BODY_CHARS}. */
  public Enricher(
      EntityExtractorFactory extractors, TemporalTagger tagger, int version, Clock clock) {
    this(extractors, tagger, version, clock, WirestreamConfig.DEFAULT_MAX_BODY_CHARS);
  }

  public Enricher(
      EntityExtractorFactory extractors,
      TemporalTagger tagger,
      int version,
      Clock clock,
      int maxBodyChars) {
    if (maxBodyChars < 1) {
      throw new IllegalArgumentException("maxBodyChars < 1: " + maxBodyChars);
    }
    this.maxBodyChars = maxBodyChars;
    this.extractor = extractors.create();
    this.tagger = tagger;
    this.grouper = new EntityGrouper();
    this.version = version;
    this.models = Map.of("ner", extractors.modelName(), "timex", tagger.name());
    this.clock = clock;
  }

  /**
   * @throws IllegalArgumentException if the article cannot be enriched (e.g. its publication date
   *     is not a date)
   */
  public EnrichedArticle enrich(Article article) {
    LocalDate documentDate = article.publicationDate();
    String body = article.body();
    int analysed = BodyCut.at(body, maxBodyChars);
    String text = analysed == body.length() ? body : body.substring(0, analysed);
    List<Entity> mentions = extractor.extract(text);
    EntityGrouper.Grouping grouping = grouper.group(mentions);
    List<TemporalExpression> dates = tagger.tag(text, documentDate);
    List<CanonicalEntity> canonical = grouping.entities();
    return new EnrichedArticle(
        article,
        grouping.mentions(),
        canonical,
        dates,
        new Enrichment(
            version,
            models,
            clock.instant(),
            analysed == body.length() ? null : Integer.valueOf(analysed)));
  }
}
