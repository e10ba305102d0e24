package io.wirestream.common.schema;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SchemaValidatorsConfig;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import io.wirestream.common.config.WirestreamConfig;
import io.wirestream.common.model.Article;
import io.wirestream.common.model.ArticleIds;
import io.wirestream.common.model.CanonicalEntity;
import io.wirestream.common.model.EnrichedArticle;
import io.wirestream.common.model.Enrichment;
import io.wirestream.common.model.Entity;
import io.wirestream.common.model.EntityType;
import io.wirestream.common.model.RecordHeaders;
import io.wirestream.common.model.Sentence;
import io.wirestream.common.model.TemporalExpression;
import io.wirestream.common.model.TimexType;
import io.wirestream.common.serde.Json;
import io.wirestream.common.topic.Topics;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The schemas in docs/schemas describe what the serdes really write. */
class TopicSchemaTest {

  private static final Path SCHEMAS = Path.of("..", "docs", "schemas").toAbsolutePath().normalize();

  /** Schema ids carry the schema version, so a consumer can tell which release a file is of. */
  private static final String SCHEMA_IDS =
      "https://wirestream.io/schemas/v" + RecordHeaders.CURRENT_SCHEMA_VERSION + "/";

  private static final Topics TOPICS = new Topics(WirestreamConfig.defaults());

  private static JsonSchema schema(String file) {
    JsonSchemaFactory factory =
        JsonSchemaFactory.getInstance(
            SpecVersion.VersionFlag.V202012,
            builder ->
                builder.schemaMappers(
                    mappers -> mappers.mapPrefix(SCHEMA_IDS, SCHEMAS.toUri().toString())));
    SchemaValidatorsConfig config =
        SchemaValidatorsConfig.builder().formatAssertionsEnabled(true).build();
    return factory.getSchema(com.networknt.schema.SchemaLocation.of(SCHEMA_IDS + file), config);
  }

  private static final String BODY = "Vladimir Putin said on Wednesday that Putin was in Moscow.";

  private static Article article() {
    return new Article(
        ArticleIds.fromContent("2017-04-12", BODY),
        "bbc",
        "https://example.org/a",
        "Title",
        BODY,
        "2017-04-12",
        Instant.parse("2017-04-12T10:15:30Z"),
        "en");
  }

  private static JsonNode asTopicJson(byte[] bytes) throws Exception {
    return Json.MAPPER.readTree(bytes);
  }

  @Test
  void shouldWriteRawArticlesThatMatchTheRawTopicSchema() throws Exception {
    JsonNode json =
        asTopicJson(TOPICS.raw().valueSerde().serializer().serialize("news.raw", article()));

    assertThat(schema("news.raw.schema.json").validate(json)).isEmpty();
  }

  @Test
  void shouldWriteEnrichedArticlesThatMatchTheEnrichedTopicSchema() throws Exception {
    EnrichedArticle enriched =
        new EnrichedArticle(
            article(),
            List.of(
                new Entity("Vladimir Putin", EntityType.PERSON, 0, 14, "Vladimir Putin"),
                new Entity("Putin", EntityType.PERSON, 41, 46, "Vladimir Putin"),
                new Entity("Moscow", EntityType.LOCATION, 54, 60, "Moscow")),
            List.of(
                new CanonicalEntity("Vladimir Putin", EntityType.PERSON, 2, 0, null),
                new CanonicalEntity("Moscow", EntityType.LOCATION, 1, 54, null)),
            List.of(new TemporalExpression("Wednesday", 23, 32, TimexType.DATE, "2017-04-12")),
            new Enrichment(
                3,
                Map.of("ner", "wirestream-ner-en", "timex", "rules"),
                Instant.parse("2017-04-12T10:16:00Z")));

    JsonNode json =
        asTopicJson(
            TOPICS.enriched().valueSerde().serializer().serialize("news.enriched", enriched));

    assertThat(schema("news.enriched.schema.json").validate(json)).isEmpty();
  }

  @Test
  void shouldWriteEnrichmentsOfACutBodyThatMatchTheEnrichedTopicSchema() throws Exception {
    EnrichedArticle enriched =
        new EnrichedArticle(
            article(),
            List.of(new Entity("Vladimir Putin", EntityType.PERSON, 0, 14, "Vladimir Putin")),
            List.of(new CanonicalEntity("Vladimir Putin", EntityType.PERSON, 1, 0, null)),
            List.of(),
            new Enrichment(
                3, Map.of("ner", "wirestream-ner-en"), Instant.parse("2017-04-12T10:16:00Z"), 32));

    JsonNode json =
        asTopicJson(
            TOPICS.enriched().valueSerde().serializer().serialize("news.enriched", enriched));

    assertThat(json.at("/enrichment/analysedChars").asInt()).isEqualTo(32);
    assertThat(schema("news.enriched.schema.json").validate(json)).isEmpty();
    ((ObjectNode) json.get("enrichment")).put("analysedChars", -1);
    assertThat(schema("news.enriched.schema.json").validate(json)).isNotEmpty();
  }

  @Test
  void shouldWriteSentencesThatMatchTheEnrichedTopicSchemaAndLeaveThemOutWhenThereAreNone()
      throws Exception {
    Enrichment enrichment =
        new Enrichment(
            3, Map.of("ner", "wirestream-ner-en"), Instant.parse("2017-04-12T10:16:00Z"));
    EnrichedArticle enriched =
        new EnrichedArticle(
            article(),
            List.of(),
            List.of(),
            List.of(),
            enrichment,
            List.of(
                new Sentence(0, 33),
                new Sentence(34, 61, List.of(new int[] {34, 40}, new int[] {41, 61}))));

    JsonNode json =
        asTopicJson(
            TOPICS.enriched().valueSerde().serializer().serialize("news.enriched", enriched));

    assertThat(json.at("/sentences/1/start").asInt()).isEqualTo(34);
    assertThat(json.at("/sentences/1/tokens/1/0").asInt()).isEqualTo(41);
    assertThat(json.at("/sentences/0").has("tokens")).isFalse();
    assertThat(schema("news.enriched.schema.json").validate(json)).isEmpty();
    assertThat(
            TOPICS
                .enriched()
                .valueSerde()
                .deserializer()
                .deserialize(
                    "news.enriched",
                    TOPICS
                        .enriched()
                        .valueSerde()
                        .serializer()
                        .serialize("news.enriched", enriched))
                .sentences()
                .get(1)
                .tokens())
        .containsExactly(new int[] {34, 40}, new int[] {41, 61});
    JsonNode without =
        asTopicJson(
            TOPICS
                .enriched()
                .valueSerde()
                .serializer()
                .serialize(
                    "news.enriched",
                    new EnrichedArticle(article(), List.of(), List.of(), List.of(), enrichment)));
    assertThat(without.has("sentences")).isFalse();
    assertThat(schema("news.enriched.schema.json").validate(without)).isEmpty();
  }

  @Test
  void shouldDeclareEveryFieldTheSourceAndEnrichmentGiveAndReadThemBack() throws Exception {
    Article article =
        article().toBuilder()
            .revision(2)
            .sourceId("urn:wire:42")
            .finalUrl("https://www.example.org/a?via=rss")
            .canonicalUrl("https://www.example.org/a")
            .authors(List.of("Anna Smith", "Bo Li"))
            .summary("Putin in Moscow.")
            .dateline("MOSCOW, April 12")
            .pageProblem("page answered 404")
            .build();
    EnrichedArticle enriched =
        new EnrichedArticle(
            article,
            List.of(),
            List.of(),
            List.of(),
            new Enrichment(
                3, Map.of(), Instant.parse("2017-04-12T10:16:00Z"), null, "en", "duplicate"),
            List.of(),
            "0123456789abcdef");
    byte[] bytes = TOPICS.enriched().valueSerde().serializer().serialize("news.enriched", enriched);
    JsonNode json = asTopicJson(bytes);

    assertThat(schema("news.enriched.schema.json").validate(json)).isEmpty();
    assertThat(TOPICS.enriched().valueSerde().deserializer().deserialize("news.enriched", bytes))
        .isEqualTo(enriched);
    JsonNode declared = Json.MAPPER.readTree(SCHEMAS.resolve("news.raw.schema.json").toFile());
    json.get("article")
        .fieldNames()
        .forEachRemaining(
            field ->
                assertThat(declared.at("/properties").has(field))
                    .as("news.raw declares %s", field)
                    .isTrue());
    JsonNode enrichedSchema =
        Json.MAPPER.readTree(SCHEMAS.resolve("news.enriched.schema.json").toFile());
    json.fieldNames()
        .forEachRemaining(
            field ->
                assertThat(enrichedSchema.at("/properties").has(field))
                    .as("news.enriched declares %s", field)
                    .isTrue());
    json.get("enrichment")
        .fieldNames()
        .forEachRemaining(
            field ->
                assertThat(enrichedSchema.at("/properties/enrichment/properties").has(field))
                    .as("news.enriched declares enrichment.%s", field)
                    .isTrue());
    ((ObjectNode) json.get("article")).putArray("authors").add(7);
    assertThat(schema("news.enriched.schema.json").validate(json)).isNotEmpty();
  }

  @Test
  void shouldRejectRecordsThatBreakTheSchema() throws Exception {
    ObjectNode json =
        (ObjectNode)
            asTopicJson(TOPICS.raw().valueSerde().serializer().serialize("news.raw", article()));
    json.remove("body");
    json.put("published", "12 April 2017");

    Set<ValidationMessage> errors = schema("news.raw.schema.json").validate(json);

    assertThat(errors)
        .extracting(ValidationMessage::getMessage)
        .anyMatch(m -> m.contains("body"))
        .anyMatch(m -> m.contains("published"));
  }
}
