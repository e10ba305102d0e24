package io.wirestream.common.model;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;
import java.util.Objects;

/**
 * An article with what enrichment found in it, as published on {@code news.enriched}: every entity
 * mention with offsets, the entities those mentions refer to, the temporal expressions, and the
 * sentences of the analysed body (optional: absent in records of older producers, and then empty).
 */
public record EnrichedArticle(
    Article article,
    List<Entity> entities,
    List<CanonicalEntity> canonicalEntities,
    List<TemporalExpression> dates,
    Enrichment enrichment,
    @JsonInclude(JsonInclude.Include.NON_EMPTY) List<Sentence> sentences) {

  public EnrichedArticle {
    Objects.requireNonNull(article, "article");
    Objects.requireNonNull(enrichment, "enrichment");
    entities = entities == null ? List.of() : List.copyOf(entities);
    canonicalEntities = canonicalEntities == null ? List.of() : List.copyOf(canonicalEntities);
    dates = dates == null ? List.of() : List.copyOf(dates);
    sentences = sentences == null ? List.of() : List.copyOf(sentences);
  }

  /** A record without sentences. */
  public EnrichedArticle(
      Article article,
      List<Entity> entities,
      List<CanonicalEntity> canonicalEntities,
      List<TemporalExpression> dates,
      Enrichment enrichment) {
    this(article, entities, canonicalEntities, dates, enrichment, null);
  }
}
