package io.wirestream.common.model;

import java.util.List;
import java.util.Objects;

/**
 * An article with what enrichment found in it, as published on {@code news.enriched}: every entity
 * mention with offsets, the entities those mentions refer to, and the temporal expressions.
 */
public record EnrichedArticle(
    Article article,
    List<Entity> entities,
    List<CanonicalEntity> canonicalEntities,
    List<TemporalExpression> dates,
    Enrichment enrichment) {

  public EnrichedArticle {
    Objects.requireNonNull(article, "article");
    Objects.requireNonNull(enrichment, "enrichment");
    entities = entities == null ? List.of() : List.copyOf(entities);
    canonicalEntities = canonicalEntities == null ? List.of() : List.copyOf(canonicalEntities);
    dates = dates == null ? List.of() : List.copyOf(dates);
  }
}
