package io.wirestream.enrich.topology;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.wirestream.common.config.WirestreamConfig;
import io.wirestream.common.dlq.DeadLetterHeaders;
import io.wirestream.common.model.Article;
import io.wirestream.common.model.EnrichedArticle;
import io.wirestream.common.model.EntityType;
import io.wirestream.common.model.RecordHeaders;
import io.wirestream.common.model.TemporalExpression;
import io.wirestream.common.model.TimexType;
import io.wirestream.common.topic.Topics;
import io.wirestream.enrich.nlp.NlpPipeline;
import io.wirestream.enrich.nlp.TemporalTagger;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.TestOutputTopic;
import org.apache.kafka.streams.Topology;
import org.apache.kafka.streams.TopologyTestDriver;
import org.apache.kafka.streams.errors.StreamsException;
import org.apache.kafka.streams.test.TestRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class EnrichTopologyTest {

  private static final Topics TOPICS = new Topics(WirestreamConfig.defaults());

  /** Tags "Wednesday" only; enough to see dates travel through the topology. */
  private static final TemporalTagger WEDNESDAYS =
      new TemporalTagger() {
        @Override
        public List<TemporalExpression> tag(String text, LocalDate documentDate) {
          int at = text.indexOf("Wednesday");
          if (at < 0) {
            return List.of();
          }
          if (text.contains("EXPLODE")) {
            throw new IllegalStateException("tagger cannot handle this text");
          }
          return List.of(
              new TemporalExpression(
                  "Wednesday", at, at + 9, TimexType.DATE, documentDate.toString()));
        }

        @Override
        public String name() {
          return "wednesdays";
        }
      };

  private TopologyTestDriver driver;
  private TestInputTopic<String, byte[]> raw;
  private TestOutputTopic<String, EnrichedArticle> enriched;
  private TestOutputTopic<String, byte[]> deadLetters;

  private void start(boolean deadLetterOnError) {
    Clock clock = Clock.fixed(Instant.parse("2017-04-12T10:00:00Z"), ZoneOffset.UTC);
    Topology topology =
        EnrichTopology.build(
            TOPICS,
            () ->
                NlpPipeline.of(
                        new DictionaryExtractorFactory(
                            Map.of(
                                "Vladimir Putin",
                                EntityType.PERSON,
                                "Putin",
                                EntityType.PERSON,
                                "Moscow",
                                EntityType.LOCATION)),
                        WEDNESDAYS,
                        7,
                        clock,
                        WirestreamConfig.DEFAULT_MAX_BODY_CHARS)
                    .enricher(),
            deadLetterOnError);
    Properties props = new Properties();
    props.put(StreamsConfig.APPLICATION_ID_CONFIG, "enrich-topology-test");
    props.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, "unused:9092");
    driver = new TopologyTestDriver(topology, props);
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
    if (driver != null) {
      driver.close();
    }
  }

  private static byte[] json(Article article) {
    return TOPICS.raw().valueSerde().serializer().serialize("news.raw", article);
  }

  private static Article article(String id, String published, String body) {
    return new Article(
        id, "test", null, "A title", body, published, Instant.parse("2017-04-12T09:00:00Z"), "en");
  }

  @Test
  void shouldEnrichValidArticleWithEntitiesDatesAndProvenance() {
    start(true);
    String body = "Vladimir Putin said on Wednesday in Moscow that Putin was right.";

    raw.pipeInput("a1", json(article("a1", "2017-04-12", body)));

    TestRecord<String, EnrichedArticle> out = enriched.readRecord();
    assertThat(out.key()).isEqualTo("a1");
    EnrichedArticle value = out.value();
    assertThat(value.article().body()).isEqualTo(body);
    assertThat(value.entities())
        .extracting(
            e -> e.text(),
            e -> e.type(),
            e -> body.substring(e.start(), e.end()),
            e -> e.canonical())
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple(
                "Vladimir Putin", EntityType.PERSON, "Vladimir Putin", "Vladimir Putin"),
            org.assertj.core.groups.Tuple.tuple(
                "Putin", EntityType.PERSON, "Putin", "Vladimir Putin"),
            org.assertj.core.groups.Tuple.tuple("Moscow", EntityType.LOCATION, "Moscow", "Moscow"),
            org.assertj.core.groups.Tuple.tuple(
                "Putin", EntityType.PERSON, "Putin", "Vladimir Putin"));
    assertThat(value.canonicalEntities())
        .extracting(c -> c.name(), c -> c.mentions())
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple("Vladimir Putin", 3),
            org.assertj.core.groups.Tuple.tuple("Moscow", 1));
    assertThat(value.dates())
        .containsExactly(new TemporalExpression("Wednesday", 23, 32, TimexType.DATE, "2017-04-12"));
    assertThat(value.enrichment().version()).isEqualTo(7);
    assertThat(value.enrichment().models())
        .containsEntry("ner", "dictionary")
        .containsEntry("timex", "wednesdays");
    assertThat(deadLetters.isEmpty()).isTrue();
  }

  @Test
  void shouldStampTheSchemaAndEnrichmentVersionOnEveryEnrichedRecord() {
    start(true);
    raw.pipeInput("a1", json(article("a1", "2017-04-12", "Putin spoke in Moscow.")));

    TestRecord<String, EnrichedArticle> out = enriched.readRecord();
    assertThat(header(out.headers(), RecordHeaders.SCHEMA_VERSION))
        .isEqualTo(Integer.toString(RecordHeaders.CURRENT_SCHEMA_VERSION));
    assertThat(header(out.headers(), RecordHeaders.ENRICHMENT_VERSION)).isEqualTo("7");
  }

  @Test
  void shouldSendUnparseableArticleToDeadLetterTopicWithReasonAndOrigin() {
    start(true);
    byte[] garbage = "{not json".getBytes(StandardCharsets.UTF_8);

    raw.pipeInput("bad", garbage);
    raw.pipeInput("a2", json(article("a2", "2017-04-12", "Moscow.")));

    TestRecord<String, byte[]> letter = deadLetters.readRecord();
    assertThat(letter.key()).isEqualTo("bad");
    assertThat(letter.value()).isEqualTo(garbage);
    Headers headers = letter.headers();
    assertThat(header(headers, DeadLetterHeaders.STAGE)).isEqualTo("parse");
    assertThat(header(headers, DeadLetterHeaders.REASON)).startsWith("parse: not a valid Article");
    assertThat(header(headers, DeadLetterHeaders.EXCEPTION))
        .isEqualTo("org.apache.kafka.common.errors.SerializationException");
    assertThat(header(headers, DeadLetterHeaders.SOURCE_TOPIC)).isEqualTo("news.raw");
    assertThat(header(headers, DeadLetterHeaders.SOURCE_PARTITION)).isEqualTo("0");
    assertThat(header(headers, DeadLetterHeaders.SOURCE_OFFSET)).isEqualTo("0");
    // The bad record did not stop the good one behind it.
    assertThat(enriched.readRecord().key()).isEqualTo("a2");
  }

  @Test
  void shouldDeadLetterArticleWithImpossiblePublicationDate() {
    start(true);

    raw.pipeInput("a3", json(article("a3", "2017-02-30", "Moscow.")));

    TestRecord<String, byte[]> letter = deadLetters.readRecord();
    assertThat(header(letter.headers(), DeadLetterHeaders.STAGE)).isEqualTo("enrich");
    assertThat(header(letter.headers(), DeadLetterHeaders.REASON))
        .contains("unparseable publication date '2017-02-30'");
    assertThat(enriched.isEmpty()).isTrue();
  }

  @Test
  void shouldDeadLetterArticleWithEmptyBodyOrMissingFields() {
    start(true);

    raw.pipeInput("a4", json(article("a4", "2017-04-12", "   ")));
    raw.pipeInput("a5", "{\"id\":\"a5\"}".getBytes(StandardCharsets.UTF_8));

    List<TestRecord<String, byte[]>> letters = deadLetters.readRecordsToList();
    assertThat(letters).extracting(TestRecord::key).containsExactly("a4", "a5");
    assertThat(header(letters.get(0).headers(), DeadLetterHeaders.REASON)).contains("empty body");
    assertThat(header(letters.get(1).headers(), DeadLetterHeaders.REASON))
        .contains("not a valid Article");
  }

  @Test
  void shouldDeadLetterArticleThatTheNlpCannotHandle() {
    start(true);

    raw.pipeInput("a6", json(article("a6", "2017-04-12", "EXPLODE on Wednesday")));

    TestRecord<String, byte[]> letter = deadLetters.readRecord();
    assertThat(header(letter.headers(), DeadLetterHeaders.REASON))
        .isEqualTo("enrich: tagger cannot handle this text");
    assertThat(header(letter.headers(), DeadLetterHeaders.EXCEPTION))
        .isEqualTo("java.lang.IllegalStateException");
  }

  @Test
  void shouldStopOnBadRecordUnderFailPolicy() {
    start(false);

    assertThatThrownBy(() -> raw.pipeInput("bad", "{not json".getBytes(StandardCharsets.UTF_8)))
        .isInstanceOf(StreamsException.class);
    assertThat(deadLetters.isEmpty()).isTrue();
  }

  @Test
  void shouldIgnoreTombstones() {
    start(true);

    raw.pipeInput("gone", (byte[]) null);

    assertThat(enriched.isEmpty()).isTrue();
    assertThat(deadLetters.isEmpty()).isTrue();
  }

  @Test
  void shouldNameEveryNodeAndNeedNoStoresOrRepartitionTopics() {
    Topology topology = EnrichTopology.build(TOPICS, () -> null, true);

    assertThat(topology.describe().toString())
        .isEqualTo(
            """
            Topologies:
               Sub-topology: 0
                Source: news-raw-source (topics: [news.raw])
                  --> enrich-article
                Processor: enrich-article (stores: [])
                  --> news-dlq-sink, news-enriched-sink
                  <-- news-raw-source
                Sink: news-dlq-sink (topic: news.dlq)
                  <-- enrich-article
                Sink: news-enriched-sink (topic: news.enriched)
                  <-- enrich-article

            """);
  }

  private static String header(Headers headers, String name) {
    return new String(headers.lastHeader(name).value(), StandardCharsets.UTF_8);
  }
}
