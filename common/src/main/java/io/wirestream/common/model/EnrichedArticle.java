package io.wirestream.common.model;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;
import java.util.Objects;

/**
 * An article with what enrichment found in it, as published on {@code news.enriched}: every entity
 * mention with offsets, the entities those mentions refer to, the temporal expressions, and the
 * sentences of the analysed body (optional: absent in records of older producers, and then empty).
 *
 * <p>{@code duplicateOf} names the id of the article this one repeats (the same body, or the same
 * title from the same source within days), when enrichment found one; such a record is not analysed
 * again and carries no entities or dates of its own.
 */
public record EnrichedArticle(
    Article article,
    List<Entity> entities,
    List<CanonicalEntity> canonicalEntities,
    List<TemporalExpression> dates,
    Enrichment enrichment,
    @JsonInclude(JsonInclude.Include.NON_EMPTY) List<Sentence> sentences,
    @JsonInclude(JsonInclude.Include.NON_NULL) String duplicateOf) {

  public EnrichedArticle {
    Objects.requireNonNull(article, "article");
    Objects.requireNonNull(enrichment, "enrichment");
    entities = entities == null ? List.of() : List.copyOf(entities);
    canonicalEntities = canonicalEntities == null ? List.of() : List.copyOf(canonicalEntities);
    dates = dates == null ? List.of() : List.copyOf(dates);
    sentences = sentences == null ? List.of() : List.copyOf(sentences);
  }

  /** A record of an article that repeats no other. */
  public EnrichedArticle(
      Article article,
      List<Entity> entities,
      List<CanonicalEntity> canonicalEntities,
      List<TemporalExpression> dates,
      Enrichment enrichment,
      List<Sentence> sentences) {
    this(article, entities, canonicalEntities, dates, enrichment, sentences, null);
  }

  /** A record without sentences. */
  public EnrichedArticle(
      Article article,
      List<Entity> entities,
      List<CanonicalEntity> canonicalEntities,
      List<TemporalExpression> dates,
      Enrichment enrichment) {
    this(article, entities, canonicalEntities, dates, enrichment, null, null);
  }
}
