package io.wirestream.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.wirestream.broker.EmbeddedKafkaBroker;
import io.wirestream.common.config.WirestreamConfig;
import io.wirestream.common.dlq.DeadLetterHeaders;
import io.wirestream.common.dlq.ErrorSummary;
import io.wirestream.common.model.Article;
import io.wirestream.common.model.EnrichedArticle;
import io.wirestream.common.topic.TopicAdmin;
import io.wirestream.common.topic.Topics;
import io.wirestream.enrich.EnrichService;
import io.wirestream.enrich.nlp.NlpPipeline;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.config.TopicConfig;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Enrich on a real broker with the real NLP: an article whose enrichment cannot be sent is
 * dead-lettered as itself (its own partition and offset) and the records behind it, in its
 * partition and another, are enriched.
 */
class EnrichPoisonIT {

  /**
   * Eight names in 77 bytes: the enriched JSON is many times the size of the text. ("met in" would
   * make the language detector read it as Dutch, and enrich would skip it unanalysed.)
   */
  private static final String DENSE =
      "Merkel, Macron, Putin and Obama were seen in Paris, Berlin, London and Rome. ";

  @TempDir Path dir;

  @Test
  void shouldDeadLetterAnArticleWhoseEnrichedJsonExceedsOneMebibyteAndEnrichTheRecordsBehindIt()
      throws Exception {
    try (EmbeddedKafkaBroker broker = EmbeddedKafkaBroker.start(dir.resolve("kafka"))) {
      WirestreamConfig config = config(broker, Map.of());
      // enrich analyses the first 100,000 characters; the record carries the whole body too
      String body = DENSE.repeat(250_000 / DENSE.length());

      List<ConsumerRecord<String, byte[]>> letters = run(config, body);

      assertThat(letters)
          .singleElement()
          .satisfies(
              letter -> {
                assertThat(letter.key()).isEqualTo("dense");
                assertThat(letter.value()).isNotNull();
                assertThat(header(letter, DeadLetterHeaders.STAGE)).isEqualTo("serialize");
                assertThat(header(letter, DeadLetterHeaders.REASON))
                    .startsWith("serialize: enriched record of ")
                    .contains("bytes the producer may send")
                    .doesNotContain("Merkel")
                    .hasSizeLessThanOrEqualTo(ErrorSummary.MAX_LENGTH);
                assertThat(
                        Long.parseLong(
                            header(letter, DeadLetterHeaders.REASON)
                                .replaceAll("^serialize: enriched record of (\\d+) bytes.*", "$1")))
                    .isGreaterThan(1024 * 1024);
                assertSource(letter);
              });
    }
  }

  @Test
  void shouldDeadLetterAnArticleWhoseEnrichmentTheBrokerRefusesAndEnrichTheRecordsBehindIt()
      throws Exception {
    try (EmbeddedKafkaBroker broker = EmbeddedKafkaBroker.start(dir.resolve("kafka"))) {
      // The producer lets the record through (it is far below max.request.size); the topic's
      // own limit refuses it on the broker, inside the exactly-once transaction.
      WirestreamConfig config = config(broker, Map.of("kafka.producer.compression.type", "none"));
      Topics topics = new Topics(config);
      try (Admin admin = Admin.create(config.kafkaProperties())) {
        admin
            .createTopics(
                List.of(
                    new NewTopic(topics.enriched().name(), 2, (short) 1)
                        .configs(
                            Map.of(
                                TopicConfig.MAX_MESSAGE_BYTES_CONFIG,
                                "20000",
                                TopicConfig.CLEANUP_POLICY_CONFIG,
                                TopicConfig.CLEANUP_POLICY_COMPACT))))
            .all()
            .get();
      }

      List<ConsumerRecord<String, byte[]>> letters =
          run(config, DENSE.repeat(4_000 / DENSE.length()));

      assertThat(letters)
          .singleElement()
          .satisfies(
              letter -> {
                assertThat(letter.key()).isEqualTo("dense");
                assertThat(header(letter, DeadLetterHeaders.STAGE)).isEqualTo("produce");
                assertThat(header(letter, DeadLetterHeaders.REASON))
                    .startsWith("produce: cannot send to news.enriched")
                    .doesNotContain("Merkel")
                    .hasSizeLessThanOrEqualTo(ErrorSummary.MAX_LENGTH);
                assertSource(letter);
              });
    }
  }

  private WirestreamConfig config(EmbeddedKafkaBroker broker, Map<String, String> extra) {
    Map<String, String> values = new HashMap<>(extra);
    values.put("bootstrap.servers", broker.bootstrapServers());
    values.put("enrich.state.dir", dir.resolve("streams").toString());
    values.put("topic.partitions", "2");
    return WirestreamConfig.load(null, Map.of(), values);
  }

  /**
   * Runs enrich over the dense article (partition 0, offset 0), a good one behind it in the same
   * partition and one in the other partition; returns the dead letters once both good ones are
   * enriched.
   */
  private List<ConsumerRecord<String, byte[]>> run(WirestreamConfig config, String denseBody)
      throws Exception {
    Topics topics = new Topics(config);
    try (Admin admin = Admin.create(config.kafkaProperties())) {
      TopicAdmin.ensureTopics(admin, topics.specs());
    }
    try (EnrichService enrich = new EnrichService(config, NlpPipeline.from(config))) {
      enrich.start();
      try (KafkaProducer<String, byte[]> producer =
          new KafkaProducer<>(
              config.kafkaProperties(), new StringSerializer(), new ByteArraySerializer())) {
        send(producer, topics, 0, article("dense", denseBody));
        send(producer, topics, 0, article("behind", "Angela Merkel visited Paris on Monday."));
        send(producer, topics, 1, article("other", "Emmanuel Macron visited Berlin on Monday."));
      }
      List<ConsumerRecord<String, EnrichedArticle>> enriched =
          TopicReader.readCommitted(config, topics.enriched(), 2, Duration.ofSeconds(120));
      assertThat(enriched)
          .extracting(ConsumerRecord::key)
          .containsExactlyInAnyOrder("behind", "other");
      return TopicReader.readCommitted(config, topics.deadLetter(), 1, Duration.ofSeconds(30));
    }
  }

  private static void assertSource(ConsumerRecord<String, byte[]> letter) {
    assertThat(header(letter, DeadLetterHeaders.SOURCE_TOPIC)).isEqualTo("news.raw");
    assertThat(header(letter, DeadLetterHeaders.SOURCE_PARTITION)).isEqualTo("0");
    assertThat(header(letter, DeadLetterHeaders.SOURCE_OFFSET)).isEqualTo("0");
  }

  private static void send(
      KafkaProducer<String, byte[]> producer, Topics topics, int partition, Article article)
      throws Exception {
    producer
        .send(
            new ProducerRecord<>(
                topics.raw().name(),
                partition,
                article.id(),
                topics.raw().valueSerde().serializer().serialize(topics.raw().name(), article)))
        .get();
  }

  private static Article article(String id, String body) {
    return new Article(id, "test", null, "A title", body, "2019-05-15", Instant.now(), "en");
  }

  private static String header(ConsumerRecord<String, byte[]> record, String name) {
    return new String(record.headers().lastHeader(name).value(), StandardCharsets.UTF_8);
  }
}
