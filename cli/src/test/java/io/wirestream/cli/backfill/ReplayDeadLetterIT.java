package io.wirestream.cli.backfill;

import static org.assertj.core.api.Assertions.assertThat;

import io.wirestream.broker.EmbeddedKafkaBroker;
import io.wirestream.cli.TopicReader;
import io.wirestream.common.config.WirestreamConfig;
import io.wirestream.common.dlq.DeadLetterHeaders;
import io.wirestream.common.model.RecordHeaders;
import io.wirestream.common.topic.Topics;
import io.wirestream.enrich.EnrichService;
import io.wirestream.enrich.nlp.NlpPipeline;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Properties;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.Header;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A record the live enrich dead-lettered is dead-lettered again by a replay of its range; the two
 * letters name the same source offset and differ in the application id and enrichment version
 * headers, which is how a consumer of news.dlq tells them apart.
 */
class ReplayDeadLetterIT {

  @TempDir Path dir;

  @Test
  void shouldStampTheReplaysApplicationIdAndVersionOnTheRecordsItDeadLettersAgain()
      throws Exception {
    try (EmbeddedKafkaBroker broker = EmbeddedKafkaBroker.start(dir.resolve("kafka"))) {
      WirestreamConfig config = ReplayIT.config(broker, dir.resolve("streams"));
      RawTopic.create(config);
      RawTopic.produce(config, ReplayIT.articles("good", 4), Instant.now());
      produceRaw(
          config, "poison", "{\"id\": \"poison\", not json".getBytes(StandardCharsets.UTF_8));
      Topics topics = new Topics(config);

      try (EnrichService live = new EnrichService(config, NlpPipeline.from(config))) {
        live.start();
        assertThat(TopicReader.readCommitted(config, topics.deadLetter(), 1, Duration.ofMinutes(2)))
            .as("the live run's letter")
            .hasSize(1);
        Cli replay =
            Cli.run(
                "replay",
                "-b",
                broker.bootstrapServers(),
                "-D",
                "topic.partitions=2",
                "-D",
                "enrich.state.dir=" + dir.resolve("streams-replay"));
        assertThat(replay.exitCode).as(replay.toString()).isZero();
      }

      List<ConsumerRecord<String, byte[]>> letters =
          TopicReader.readCommitted(config, topics.deadLetter(), 2, Duration.ofMinutes(1));
      assertThat(letters).hasSize(2);
      assertThat(letters)
          .extracting(
              letter ->
                  header(letter, DeadLetterHeaders.APPLICATION_ID)
                      + " v"
                      + header(letter, DeadLetterHeaders.ENRICHMENT_VERSION))
          .containsExactlyInAnyOrder("wirestream-enrich v1", "wirestream-enrich-v2 v2");
      assertThat(letters)
          .extracting(
              letter ->
                  header(letter, DeadLetterHeaders.SOURCE_TOPIC)
                      + "-"
                      + header(letter, DeadLetterHeaders.SOURCE_PARTITION)
                      + "@"
                      + header(letter, DeadLetterHeaders.SOURCE_OFFSET))
          .as("both letters point at the one poison record")
          .hasSize(2)
          .containsOnly(letterSource(letters.get(0)));
      assertThat(letters)
          .allSatisfy(
              letter -> {
                assertThat(letter.key()).isEqualTo("poison");
                assertThat(header(letter, DeadLetterHeaders.STAGE)).isNotEmpty();
                assertThat(letter.headers().lastHeader(RecordHeaders.ENRICHMENT_VERSION))
                    .as("the enriched-record header is not on a letter")
                    .isNull();
              });
    }
  }

  private static String letterSource(ConsumerRecord<String, byte[]> letter) {
    return header(letter, DeadLetterHeaders.SOURCE_TOPIC)
        + "-"
        + header(letter, DeadLetterHeaders.SOURCE_PARTITION)
        + "@"
        + header(letter, DeadLetterHeaders.SOURCE_OFFSET);
  }

  private static String header(ConsumerRecord<String, byte[]> record, String name) {
    Header header = record.headers().lastHeader(name);
    return header == null ? null : new String(header.value(), StandardCharsets.UTF_8);
  }

  private static void produceRaw(WirestreamConfig config, String key, byte[] value)
      throws Exception {
    Topics topics = new Topics(config);
    Properties props = config.kafkaProperties();
    props.put(ProducerConfig.ACKS_CONFIG, "all");
    try (KafkaProducer<String, byte[]> producer =
        new KafkaProducer<>(
            props,
            topics.rawBytes().keySerde().serializer(),
            topics.rawBytes().valueSerde().serializer())) {
      producer.send(new ProducerRecord<>(topics.raw().name(), key, value)).get();
    }
  }
}
