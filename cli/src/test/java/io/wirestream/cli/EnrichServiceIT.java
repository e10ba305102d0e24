package io.wirestream.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.wirestream.broker.EmbeddedKafkaBroker;
import io.wirestream.common.config.WirestreamConfig;
import io.wirestream.common.dlq.DeadLetterHeaders;
import io.wirestream.common.model.Article;
import io.wirestream.common.model.EnrichedArticle;
import io.wirestream.common.topic.Topics;
import io.wirestream.enrich.EnrichService;
import io.wirestream.enrich.nlp.NlpPipeline;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The enrich service on a real broker: exactly-once output and dead letters side by side. */
class EnrichServiceIT {

  @TempDir Path dir;

  @Test
  void shouldSendUnparseableArticleToDeadLetterTopicAndKeepEnrichingTheRest() throws Exception {
    try (EmbeddedKafkaBroker broker = EmbeddedKafkaBroker.start(dir.resolve("kafka"))) {
      WirestreamConfig config =
          WirestreamConfig.load(
              null,
              Map.of(),
              Map.of(
                  "bootstrap.servers", broker.bootstrapServers(),
                  "enrich.state.dir", dir.resolve("streams").toString(),
                  "topic.partitions", "1"));
      Topics topics = new Topics(config);
      try (EnrichService enrich = new EnrichService(config, NlpPipeline.from(config))) {
        enrich.start();
        Article good =
            new Article(
                "a1",
                "test",
                null,
                null,
                "Angela Merkel met Emmanuel Macron in Paris on Monday.",
                "2019-05-15",
                Instant.now(),
                null);
        Properties props = config.kafkaProperties();
        try (KafkaProducer<String, byte[]> producer =
            new KafkaProducer<>(props, new StringSerializer(), new ByteArraySerializer())) {
          producer
              .send(
                  new ProducerRecord<>(
                      "news.raw", "broken", "{\"id\": 1,".getBytes(StandardCharsets.UTF_8)))
              .get();
          producer
              .send(
                  new ProducerRecord<>(
                      "news.raw",
                      "a1",
                      topics.raw().valueSerde().serializer().serialize("news.raw", good)))
              .get();
        }

        List<ConsumerRecord<String, EnrichedArticle>> enriched =
            TopicReader.readCommitted(config, topics.enriched(), 1, Duration.ofSeconds(90));
        List<ConsumerRecord<String, byte[]>> letters =
            TopicReader.readCommitted(config, topics.deadLetter(), 1, Duration.ofSeconds(90));

        assertThat(enriched)
            .singleElement()
            .satisfies(
                r -> {
                  assertThat(r.key()).isEqualTo("a1");
                  assertThat(r.value().entities())
                      .extracting(e -> e.text())
                      .contains("Angela Merkel", "Emmanuel Macron", "Paris");
                  assertThat(r.value().dates()).extracting(d -> d.value()).contains("2019-05-13");
                });
        assertThat(letters)
            .singleElement()
            .satisfies(
                r -> {
                  assertThat(r.key()).isEqualTo("broken");
                  assertThat(new String(r.value(), StandardCharsets.UTF_8))
                      .isEqualTo("{\"id\": 1,");
                  assertThat(header(r, DeadLetterHeaders.SOURCE_TOPIC)).isEqualTo("news.raw");
                  assertThat(header(r, DeadLetterHeaders.SOURCE_OFFSET)).isEqualTo("0");
                  assertThat(header(r, DeadLetterHeaders.REASON))
                      .startsWith("parse: not a valid Article");
                });
      }
    }
  }

  private static String header(ConsumerRecord<String, byte[]> record, String name) {
    return new String(record.headers().lastHeader(name).value(), StandardCharsets.UTF_8);
  }
}
