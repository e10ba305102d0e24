package io.wirestream.cli;

import io.wirestream.common.model.Article;
import io.wirestream.common.model.CanonicalEntity;
import io.wirestream.common.model.EnrichedArticle;
import io.wirestream.common.model.Enrichment;
import io.wirestream.common.model.EntityType;
import io.wirestream.common.model.TemporalExpression;
import io.wirestream.common.model.TimexType;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * A few enriched articles that tell the downstream filters apart: a name of two types (Washington),
 * two countries, and dates of day, week, quarter and decade precision.
 */
final class DownstreamArticles {

  private DownstreamArticles() {}

  static List<EnrichedArticle> all(int version) {
    return List.of(
        article(
            "a1",
            "2017-04-12",
            "en",
            version,
            List.of(
                entity("Angela Merkel", EntityType.PERSON, 3, null),
                entity("Germany", EntityType.LOCATION, 1, "DE")),
            List.of(date("last week", "2017-W14"), date("three days", "P3D"))),
        article(
            "a2",
            "2017-05-01",
            "de",
            version,
            List.of(
                entity("Angela Merkel", EntityType.PERSON, 1, null),
                entity("Berlin", EntityType.LOCATION, 2, "DE"),
                entity("Siemens", EntityType.ORGANIZATION, 1, null)),
            List.of(date("the first quarter of 1987", "1987-Q1"))),
        article(
            "a3",
            "2016-12-31",
            "en",
            version,
            List.of(
                entity("Vladimir Putin", EntityType.PERSON, 2, null),
                entity("Washington", EntityType.LOCATION, 1, "US")),
            List.of(date("the 1980s", "198"), date("now", "PRESENT_REF"))),
        article(
            "a4",
            "2017-04-20",
            "en",
            version,
            List.of(entity("Washington", EntityType.PERSON, 1, null)),
            List.of(date("April 8", "2017-04-08"))));
  }

  static EnrichedArticle article(
      String id,
      String published,
      String language,
      int version,
      List<CanonicalEntity> entities,
      List<TemporalExpression> dates) {
    return new EnrichedArticle(
        new Article(id, "test", null, "title " + id, "x".repeat(80), published, null, language),
        List.of(),
        entities,
        dates,
        new Enrichment(
            version, Map.of("ner", "v" + version), Instant.parse("2026-01-01T00:00:00Z")));
  }

  private static CanonicalEntity entity(String name, EntityType type, int mentions, String cc) {
    return new CanonicalEntity(name, type, mentions, 0, cc);
  }

  private static TemporalExpression date(String text, String value) {
    TimexType type =
        value.startsWith("P") && !value.endsWith("_REF") ? TimexType.DURATION : TimexType.DATE;
    return new TemporalExpression(text, 0, text.length(), type, value);
  }
}
