package io.wirestream.enrich.topology;

import static org.assertj.core.api.Assertions.assertThat;

import io.wirestream.common.config.WirestreamConfig;
import io.wirestream.common.dlq.DeadLetterHeaders;
import io.wirestream.common.model.Article;
import io.wirestream.common.model.EnrichedArticle;
import io.wirestream.common.model.EntityType;
import io.wirestream.common.model.TemporalExpression;
import io.wirestream.common.topic.Topics;
import io.wirestream.enrich.nlp.NlpPipeline;
import io.wirestream.enrich.nlp.TemporalTagger;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.TestOutputTopic;
import org.apache.kafka.streams.TopologyTestDriver;
import org.apache.kafka.streams.test.TestRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The topology of a replay: a publication-date range and an end offset, and stamped letters. */
class ReplayTopologyTest {

  private static final Topics TOPICS = new Topics(WirestreamConfig.defaults());

  private static final TemporalTagger NO_DATES =
      new TemporalTagger() {
        @Override
        public List<TemporalExpression> tag(String text, LocalDate documentDate) {
          return List.of();
        }

        @Override
        public String name() {
          return "none";
        }
      };

  private TopologyTestDriver driver;
  private TestInputTopic<String, byte[]> raw;
  private TestOutputTopic<String, EnrichedArticle> enriched;
  private TestOutputTopic<String, byte[]> deadLetters;

  private void start(ReplayFilter filter) {
    Properties props = new Properties();
    props.put(StreamsConfig.APPLICATION_ID_CONFIG, "wirestream-enrich-v3");
    props.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, "unused:9092");
    driver =
        new TopologyTestDriver(
            EnrichTopology.build(
                TOPICS,
                () ->
                    NlpPipeline.of(
                            new DictionaryExtractorFactory(Map.of("Moscow", EntityType.LOCATION)),
                            NO_DATES,
                            3,
                            Clock.systemUTC(),
                            WirestreamConfig.DEFAULT_MAX_BODY_CHARS)
                        .enricher(),
                true,
                SendLimit.DEFAULT,
                new FailedSends(),
                filter,
                3),
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
    if (driver != null) {
      driver.close();
    }
  }

  private void send(String id, String published) {
    Article article =
        new Article(id, "test", null, null, "News from Moscow.", published, Instant.now(), "en");
    raw.pipeInput(id, TOPICS.raw().valueSerde().serializer().serialize("news.raw", article));
  }

  @Test
  void shouldEnrichOnlyArticlesPublishedInTheRangeAndSkipTheOthersWithoutDeadLetters() {
    start(new ReplayFilter(LocalDate.parse("1987-03-01"), LocalDate.parse("1987-03-02"), Map.of()));
    send("before", "1987-02-28T23:59:00Z");
    send("first-day", "1987-03-01");
    send("last-day", "1987-03-02T18:00:00Z");
    send("after", "1987-03-03");

    assertThat(enriched.readKeyValuesToList().stream().map(kv -> kv.key).toList())
        .containsExactly("first-day", "last-day");
    assertThat(deadLetters.isEmpty()).isTrue();
  }

  @Test
  void shouldSkipRecordsFromTheEndOffsetOfTheirPartitionOn() {
    start(ReplayFilter.ALL.withEndOffsets(Map.of(0, 2L)));
    send("offset-0", "2020-01-01");
    send("offset-1", "2020-01-01");
    send("offset-2", "2020-01-01");

    assertThat(enriched.readKeyValuesToList().stream().map(kv -> kv.key).toList())
        .containsExactly("offset-0", "offset-1");
    assertThat(deadLetters.isEmpty()).isTrue();
  }

  @Test
  void shouldStampDeadLettersWithTheApplicationIdAndEnrichmentVersion() {
    start(ReplayFilter.ALL);
    raw.pipeInput("broken", "{not json".getBytes(StandardCharsets.UTF_8));

    TestRecord<String, byte[]> letter = deadLetters.readRecord();
    assertThat(header(letter, DeadLetterHeaders.APPLICATION_ID)).isEqualTo("wirestream-enrich-v3");
    assertThat(header(letter, DeadLetterHeaders.ENRICHMENT_VERSION)).isEqualTo("3");
    assertThat(header(letter, DeadLetterHeaders.STAGE)).isEqualTo("parse");
  }

  private static String header(TestRecord<String, byte[]> record, String name) {
    return new String(record.headers().lastHeader(name).value(), StandardCharsets.UTF_8);
  }
}
