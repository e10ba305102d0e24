package io.wirestream.enrich.nlp;

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
 */
public final class Enricher {

  private final EntityExtractor extractor;
  private final TemporalTagger tagger;
  private final EntityGrouper grouper;
  private final int version;
  private final Map<String, String> models;
  private final Clock clock;

  public Enricher(
      EntityExtractorFactory extractors, TemporalTagger tagger, int version, Clock clock) {
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
    List<Entity> mentions = extractor.extract(body);
    EntityGrouper.Grouping grouping = grouper.group(mentions);
    List<TemporalExpression> dates = tagger.tag(body, documentDate);
    List<CanonicalEntity> canonical = grouping.entities();
    return new EnrichedArticle(
        article,
        grouping.mentions(),
        canonical,
        dates,
        new Enrichment(version, models, clock.instant()));
  }
}
