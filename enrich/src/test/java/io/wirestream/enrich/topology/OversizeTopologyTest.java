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
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.TestOutputTopic;
import org.apache.kafka.streams.TopologyTestDriver;
import org.apache.kafka.streams.test.TestRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Output the producer would refuse becomes a dead letter of the record that caused it. */
class OversizeTopologyTest {

  private static final Topics TOPICS = new Topics(WirestreamConfig.defaults());

  /** 4 KiB usable: small enough that an entity-dense article of a few KiB overflows it. */
  private static final SendLimit LIMIT = new SendLimit(SendLimit.OVERHEAD_BYTES + 4096);

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

  private final FailedSends failedSends = new FailedSends();
  private TopologyTestDriver driver;
  private TestInputTopic<String, byte[]> raw;
  private TestOutputTopic<String, EnrichedArticle> enriched;
  private TestOutputTopic<String, byte[]> deadLetters;

  @BeforeEach
  void start() {
    Clock clock = Clock.fixed(Instant.parse("2017-04-12T10:00:00Z"), ZoneOffset.UTC);
    Properties props = new Properties();
    props.put(StreamsConfig.APPLICATION_ID_CONFIG, "oversize-topology-test");
    props.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, "unused:9092");
    driver =
        new TopologyTestDriver(
            EnrichTopology.build(
                TOPICS,
                () ->
                    NlpPipeline.of(
                            new DictionaryExtractorFactory(Map.of("Moscow", EntityType.LOCATION)),
                            NO_DATES,
                            1,
                            clock,
                            WirestreamConfig.DEFAULT_MAX_BODY_CHARS)
                        .enricher(),
                true,
                LIMIT,
                failedSends),
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

  private static byte[] json(String id, String body) {
    return TOPICS
        .raw()
        .valueSerde()
        .serializer()
        .serialize(
            "news.raw",
            new Article(
                id,
                "test",
                null,
                "A title",
                body,
                "2017-04-12",
                Instant.parse("2017-04-12T09:00:00Z"),
                "en"));
  }

  @Test
  void shouldDeadLetterAnEnrichmentTooLargeToSendWithItsRawValueAndKeepGoing() {
    // 3 KiB of raw text, but each "Moscow" becomes an entity of ~100 bytes of JSON. A sentence,
    // not the bare word repeated, so that it reads as English.
    byte[] dense = json("dense", "Moscow said. ".repeat(230));
    assertThat(dense.length).isLessThan(LIMIT.usableBytes());

    raw.pipeInput("dense", dense);
    raw.pipeInput("small", json("small", "Moscow."));

    TestRecord<String, byte[]> letter = deadLetters.readRecord();
    assertThat(letter.key()).isEqualTo("dense");
    assertThat(letter.value()).isEqualTo(dense);
    assertThat(header(letter.headers(), DeadLetterHeaders.STAGE)).isEqualTo("serialize");
    assertThat(header(letter.headers(), DeadLetterHeaders.REASON))
        .startsWith("serialize: enriched record of ")
        .contains("exceeds the 4096 bytes the producer may send")
        .doesNotContain("Moscow");
    assertThat(header(letter.headers(), DeadLetterHeaders.SOURCE_OFFSET)).isEqualTo("0");
    assertThat(letter.headers().lastHeader(DeadLetterHeaders.VALUE_OMITTED)).isNull();
    assertThat(deadLetters.isEmpty()).isTrue();
    assertThat(enriched.readRecord().key()).isEqualTo("small");
  }

  @Test
  void shouldLeaveOutARawValueTooLargeForTheDeadLetterAndSaySo() {
    byte[] huge = "{\"id\":".concat(" ".repeat(8000)).getBytes(StandardCharsets.UTF_8);

    raw.pipeInput("huge", huge);

    TestRecord<String, byte[]> letter = deadLetters.readRecord();
    assertThat(letter.value()).isNull();
    assertThat(header(letter.headers(), DeadLetterHeaders.VALUE_OMITTED))
        .isEqualTo("too large: original value of 8006 bytes left out (limit 4096)");
    assertThat(header(letter.headers(), DeadLetterHeaders.STAGE)).isEqualTo("parse");
    assertThat(header(letter.headers(), DeadLetterHeaders.SOURCE_OFFSET)).isEqualTo("0");
  }

  @Test
  void shouldDeadLetterARecordWhoseOutputTheProducerRefusedWhenItIsProcessedAgain() {
    failedSends.remember(
        "news.raw",
        0,
        "again",
        new FailedSends.Failure(
            "produce: cannot send to news.enriched (too large)",
            "org.apache.kafka.common.errors.RecordTooLargeException",
            false));
    byte[] value = json("again", "Moscow.");

    raw.pipeInput("again", value);
    raw.pipeInput("next", json("next", "Moscow."));

    TestRecord<String, byte[]> letter = deadLetters.readRecord();
    assertThat(letter.key()).isEqualTo("again");
    assertThat(letter.value()).isEqualTo(value);
    assertThat(header(letter.headers(), DeadLetterHeaders.REASON))
        .isEqualTo("produce: cannot send to news.enriched (too large)");
    assertThat(header(letter.headers(), DeadLetterHeaders.EXCEPTION))
        .isEqualTo("org.apache.kafka.common.errors.RecordTooLargeException");
    assertThat(enriched.readRecordsToList()).extracting(TestRecord::key).containsExactly("next");
  }

  private static String header(Headers headers, String name) {
    Header header = headers.lastHeader(name);
    return header == null ? null : new String(header.value(), StandardCharsets.UTF_8);
  }
}
