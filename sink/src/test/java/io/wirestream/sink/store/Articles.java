package io.wirestream.sink.store;

import io.wirestream.common.model.Article;
import io.wirestream.common.model.CanonicalEntity;
import io.wirestream.common.model.EnrichedArticle;
import io.wirestream.common.model.Enrichment;
import io.wirestream.common.model.Entity;
import io.wirestream.common.model.EntityType;
import io.wirestream.common.model.Sentence;
import io.wirestream.common.model.TemporalExpression;
import io.wirestream.common.model.TimexType;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/** Enriched articles for store tests, with offsets that really point into the body. */
public final class Articles {

  public static final String BODY =
      "Angela Merkel met Emmanuel Macron in Berlin on Tuesday. Merkel said talks continue next"
          + " week.";

  private Articles() {}

  /** An article with two mentions of one person, a place and two dates, at a given version. */
  public static EnrichedArticle enriched(String id, int version) {
    Article article =
        new Article(
            id,
            "test",
            "https://example.org/" + id,
            "Leaders meet",
            BODY,
            "2017-04-12T09:30:00+02:00",
            Instant.parse("2017-04-12T08:00:00Z"),
            "en");
    return new EnrichedArticle(
        article,
        List.of(
            entity("Angela Merkel", EntityType.PERSON, "Angela Merkel"),
            entity("Emmanuel Macron", EntityType.PERSON, "Emmanuel Macron"),
            entity("Berlin", EntityType.LOCATION, "Berlin"),
            at(entity("Merkel", EntityType.PERSON, "Angela Merkel"), BODY.lastIndexOf("Merkel"))),
        List.of(
            new CanonicalEntity("Angela Merkel", EntityType.PERSON, 2, 0, null),
            new CanonicalEntity("Emmanuel Macron", EntityType.PERSON, 1, 18, null),
            new CanonicalEntity("Berlin", EntityType.LOCATION, 1, BODY.indexOf("Berlin"), "DE")),
        List.of(date("Tuesday", "2017-04-11"), date("next week", "2017-W16")),
        enrichment(version));
  }

  /** The same article with one entity and no dates, so a replacement is visible in row counts. */
  public static EnrichedArticle smaller(String id, int version) {
    EnrichedArticle full = enriched(id, version);
    return new EnrichedArticle(
        full.article(),
        full.entities().subList(0, 1),
        full.canonicalEntities().subList(0, 1),
        List.of(),
        full.enrichment());
  }

  /** The article with its two sentences, the first with its tokens as enrich.tokens gives them. */
  public static EnrichedArticle withSentences(String id, int version) {
    EnrichedArticle full = enriched(id, version);
    int second = BODY.indexOf("Merkel said");
    List<int[]> tokens = List.of(new int[] {0, 6}, new int[] {7, 13}, new int[] {14, 17});
    return new EnrichedArticle(
        full.article(),
        full.entities(),
        full.canonicalEntities(),
        full.dates(),
        full.enrichment(),
        List.of(new Sentence(0, second - 1, tokens), new Sentence(second, BODY.length())));
  }

  /**
   * The article with every optional field the source and enrichment can give, at a revision (0 for
   * the first version): what a round trip through the store must keep.
   */
  public static EnrichedArticle withEverything(String id, int version, int revision) {
    EnrichedArticle full = enriched(id, version);
    Article article =
        full.article().toBuilder()
            .sourceId("urn:wire:" + id)
            .finalUrl("https://www.example.org/news/" + id + "?via=feed")
            .canonicalUrl("https://www.example.org/news/" + id)
            .authors(List.of("Åsa Ödlund", "J. Smith"))
            .summary("Leaders meet in Berlin.")
            .dateline("BERLIN, April 12 (Wire)")
            .pageProblem("page answered 404; body from the feed")
            .build()
            .withRevision(revision);
    Enrichment enrichment = full.enrichment();
    return new EnrichedArticle(
        article,
        full.entities(),
        full.canonicalEntities(),
        full.dates(),
        new Enrichment(
            enrichment.version(),
            enrichment.models(),
            enrichment.processedAt(),
            BODY.length() - 5,
            "en",
            null),
        List.of(),
        "0123456789abcdef");
  }

  public static Enrichment enrichment(int version) {
    return new Enrichment(
        version,
        Map.of("ner", "en-ner-v" + version, "timex", "rules-1"),
        Instant.parse("2017-04-12T08:00:05.123456Z"));
  }

  private static Entity entity(String text, EntityType type, String canonical) {
    int start = BODY.indexOf(text);
    return new Entity(text, type, start, start + text.length(), canonical);
  }

  private static Entity at(Entity entity, int start) {
    return new Entity(
        entity.text(), entity.type(), start, start + entity.text().length(), entity.canonical());
  }

  private static TemporalExpression date(String text, String value) {
    int start = BODY.indexOf(text);
    return new TemporalExpression(text, start, start + text.length(), TimexType.DATE, value);
  }
}
