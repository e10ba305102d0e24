package io.wirestream.enrich.topology;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.wirestream.common.config.WirestreamConfig;
import io.wirestream.common.model.Article;
import io.wirestream.common.model.EnrichedArticle;
import io.wirestream.common.model.Entity;
import io.wirestream.common.model.EntityType;
import io.wirestream.common.topic.Topics;
import io.wirestream.enrich.nlp.NlpPipeline;
import io.wirestream.enrich.nlp.time.RuleBasedTemporalTagger;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.Properties;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.TestOutputTopic;
import org.apache.kafka.streams.TopologyTestDriver;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Articles in a language without models are published with their language, not analysed. */
class LanguageTopologyTest {

  private static final Topics TOPICS = new Topics(WirestreamConfig.defaults());

  private static final String GERMAN =
      "Bundeskanzlerin Angela Merkel ist am Mittwoch in Moskau mit Präsident Wladimir Putin"
          + " zusammengetroffen. Die beiden sprachen nach Angaben eines Regierungssprechers über"
          + " die Lage in der Ukraine und über die Gaslieferungen nach Europa.";
  private static final String ENGLISH =
      "Chancellor Angela Merkel met President Vladimir Putin in Moscow on Wednesday. The two"
          + " leaders discussed the situation in Ukraine and gas deliveries to Europe, a government"
          + " spokesman said.";

  private final SimpleMeterRegistry registry = new SimpleMeterRegistry();
  private TopologyTestDriver driver;
  private TestInputTopic<String, byte[]> raw;
  private TestOutputTopic<String, EnrichedArticle> enriched;
  private TestOutputTopic<String, byte[]> deadLetters;

  @BeforeEach
  void start() {
    Clock clock = Clock.fixed(Instant.parse("2017-04-12T10:00:00Z"), ZoneOffset.UTC);
    NlpPipeline pipeline =
        NlpPipeline.of(
            new DictionaryExtractorFactory(
                Map.of(
                    "Angela Merkel", EntityType.PERSON,
                    "Vladimir Putin", EntityType.PERSON,
                    "Wladimir Putin", EntityType.PERSON,
                    "Moscow", EntityType.LOCATION,
                    "Moskau", EntityType.LOCATION)),
            new RuleBasedTemporalTagger(),
            3,
            clock,
            WirestreamConfig.DEFAULT_MAX_BODY_CHARS);
    Properties props = new Properties();
    props.put(StreamsConfig.APPLICATION_ID_CONFIG, "language-topology-test");
    props.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, "unused:9092");
    driver =
        new TopologyTestDriver(
            EnrichTopology.build(
                TOPICS,
                pipeline::enricher,
                true,
                SendLimit.DEFAULT,
                new FailedSends(),
                ReplayFilter.ALL,
                3,
                new EnrichMeters(registry)),
            props);
    raw =
        driver.createInputTopic(
            TOPICS.raw().name(), new StringSerializer(), new ByteArraySerializer());
    enriched =
        driver.createOutputTopic(
            TOPICS.enriched().name(),
            TOPICS.enriched().keySerde().deserializer(),
            TOPICS.enriched().valueSerde().deserializer());
    deadLetters =
        driver.createOutputTopic(
            TOPICS.deadLetter().name(),
            TOPICS.deadLetter().keySerde().deserializer(),
            TOPICS.deadLetter().valueSerde().deserializer());
  }

  @AfterEach
  void close() {
    driver.close();
  }

  private void pipe(String id, String body, String language) {
    Article article = new Article(id, "test", null, "A title", body, "2017-04-12", null, language);
    raw.pipeInput(id, TOPICS.raw().valueSerde().serializer().serialize("news.raw", article));
  }

  private double counter(String name, String... tags) {
    var counter = registry.find(name).tags(tags).counter();
    return counter == null ? -1 : counter.count();
  }

  @Test
  void shouldPublishAGermanArticleWithItsLanguageAndReasonButNoEntities() {
    pipe("de-1", GERMAN, "de");

    EnrichedArticle out = enriched.readValue();
    assertThat(out.article().body()).isEqualTo(GERMAN);
    assertThat(out.enrichment().language()).isEqualTo("de");
    assertThat(out.enrichment().skipped()).isEqualTo("language de is not supported");
    assertThat(out.entities()).isEmpty();
    assertThat(out.canonicalEntities()).isEmpty();
    assertThat(out.dates()).isEmpty();
    assertThat(out.sentences()).isEmpty();
    assertThat(deadLetters.isEmpty()).isTrue();
    assertThat(counter(EnrichMeters.ARTICLES_SKIPPED, "stage", "enrich", "reason", "language"))
        .isEqualTo(1);
    assertThat(counter(EnrichMeters.LANGUAGE_OVERRULED)).isZero();
  }

  @Test
  void shouldEnrichAnEnglishArticleAsBefore() {
    pipe("en-1", ENGLISH, "en");

    EnrichedArticle out = enriched.readValue();
    assertThat(out.enrichment().language()).isEqualTo("en");
    assertThat(out.enrichment().skipped()).isNull();
    assertThat(out.entities())
        .extracting(Entity::text)
        .containsExactly("Angela Merkel", "Vladimir Putin", "Moscow");
    assertThat(out.dates()).isNotEmpty();
    assertThat(counter(EnrichMeters.ARTICLES_SKIPPED, "stage", "enrich", "reason", "language"))
        .isZero();
  }

  @Test
  void shouldBelieveTheTextOverAWrongDeclarationAndCountIt() {
    pipe("de-2", GERMAN, "en");

    EnrichedArticle out = enriched.readValue();
    assertThat(out.article().language()).isEqualTo("en");
    assertThat(out.enrichment().language()).isEqualTo("de");
    assertThat(out.entities()).isEmpty();
    assertThat(counter(EnrichMeters.LANGUAGE_OVERRULED)).isEqualTo(1);
  }

  @Test
  void shouldEnrichAnEnglishArticleDeclaredGerman() {
    pipe("en-2", ENGLISH, "de");

    EnrichedArticle out = enriched.readValue();
    assertThat(out.enrichment().language()).isEqualTo("en");
    assertThat(out.entities()).isNotEmpty();
    assertThat(counter(EnrichMeters.LANGUAGE_OVERRULED)).isEqualTo(1);
  }
}
