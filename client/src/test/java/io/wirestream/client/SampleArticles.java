package io.wirestream.client;

import io.wirestream.common.model.Article;
import io.wirestream.common.model.CanonicalEntity;
import io.wirestream.common.model.EnrichedArticle;
import io.wirestream.common.model.Enrichment;
import io.wirestream.common.model.Entity;
import io.wirestream.common.model.EntityType;
import io.wirestream.common.model.TemporalExpression;
import io.wirestream.common.model.TimexType;
import io.wirestream.common.serde.Json;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/** Enriched articles for client tests, written the way enrich writes them. */
final class SampleArticles {

  private SampleArticles() {}

  static EnrichedArticle merkel(String id, int version, Instant processedAt) {
    String body = "Angela Merkel spoke in Berlin last week.";
    return new EnrichedArticle(
        new Article(id, "test", null, "t", body, "1987-03-02", null, "en"),
        List.of(new Entity("Angela Merkel", EntityType.PERSON, 0, 13, "Angela Merkel")),
        List.of(
            new CanonicalEntity("Angela Merkel", EntityType.PERSON, 1, 0, null),
            new CanonicalEntity("Berlin", EntityType.LOCATION, 1, 23, "DE")),
        List.of(new TemporalExpression("last week", 30, 39, TimexType.DATE, "1987-W09")),
        new Enrichment(version, Map.of("ner", "v" + version), processedAt));
  }

  static byte[] json(EnrichedArticle article) {
    try {
      return Json.MAPPER.writeValueAsBytes(article);
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }
}
