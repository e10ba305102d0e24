package io.wirestream.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.wirestream.broker.EmbeddedKafkaBroker;
import io.wirestream.common.config.WirestreamConfig;
import io.wirestream.common.dlq.DeadLetterHeaders;
import io.wirestream.common.dlq.ErrorSummary;
import io.wirestream.common.model.Article;
import io.wirestream.common.model.EnrichedArticle;
import io.wirestream.common.model.Enrichment;
import io.wirestream.common.topic.TopicAdmin;
import io.wirestream.common.topic.Topics;
import io.wirestream.sink.SinkService;
import io.wirestream.sink.store.ArticleStore;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
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
 * The sink on a real broker and a real PostgreSQL: a record the database rejects, with the article
 * text in the driver's message, becomes a bounded dead letter; a letter the broker refuses as too
 * large goes again without its value; and the records behind it are stored.
 */
class SinkDeadLetterIT {

  /** The dead-letter topic accepts less than the rejected record, so its letter is refused. */
  private static final int DLQ_MAX_MESSAGE_BYTES = 20_000;

  @TempDir Path dir;

  @Test
  void shouldDeadLetterARecordPostgresRejectsWithABoundedReasonAndWithoutTheValueWhenTooLarge()
      throws Exception {
    try (TestPostgres postgres = TestPostgres.createSchema();
        EmbeddedKafkaBroker broker = EmbeddedKafkaBroker.start(dir.resolve("kafka"))) {
      WirestreamConfig config =
          WirestreamConfig.load(
              null,
              Map.of(),
              Map.of(
                  "bootstrap.servers", broker.bootstrapServers(),
                  "topic.partitions", "1",
                  "sink.store", postgres.url()));
      Topics topics = new Topics(config);
      try (Admin admin = Admin.create(config.kafkaProperties())) {
        admin
            .createTopics(
                List.of(
                    new NewTopic(topics.deadLetter().name(), 1, (short) 1)
                        .configs(
                            Map.of(
                                TopicConfig.MAX_MESSAGE_BYTES_CONFIG,
                                Integer.toString(DLQ_MAX_MESSAGE_BYTES)))))
            .all()
            .get();
        TopicAdmin.ensureTopics(admin, topics.specs());
      }
      // PostgreSQL refuses NUL in text (SQLState 22021); pgjdbc's message repeats the statement
      // with the whole body bound into it.
      String body = "Angela Merkel met Emmanuel Macron in Paris. ".repeat(2_000) + "\u0000";
      try (KafkaProducer<String, byte[]> producer =
          new KafkaProducer<>(
              config.kafkaProperties(), new StringSerializer(), new ByteArraySerializer())) {
        send(producer, topics, enriched("poison", body));
        send(producer, topics, enriched("good", "Angela Merkel met Emmanuel Macron in Paris."));
      }

      try (SinkService sink = new SinkService(config, ArticleStore.open(postgres.url()))) {
        Thread worker = new Thread(sink, "sink-it");
        worker.start();
        assertThat(sink.awaitProcessed(2, Duration.ofSeconds(90))).as("both processed").isTrue();
        assertThat(sink.stats().deadLettered()).isEqualTo(1);
        assertThat(sink.stats().stored()).isEqualTo(1);
      }

      try (ArticleStore store = ArticleStore.open(postgres.url())) {
        assertThat(store.find("good")).isPresent();
        assertThat(store.find("poison")).isEmpty();
      }
      List<ConsumerRecord<String, byte[]>> letters =
          TopicReader.readCommitted(config, topics.deadLetter(), 1, Duration.ofSeconds(30));
      assertThat(letters)
          .singleElement()
          .satisfies(
              letter -> {
                assertThat(letter.key()).isEqualTo("poison");
                assertThat(letter.value()).isNull();
                assertThat(header(letter, DeadLetterHeaders.VALUE_OMITTED))
                    .startsWith("too large: original value of ");
                assertThat(header(letter, DeadLetterHeaders.SOURCE_OFFSET)).isEqualTo("0");
                assertThat(header(letter, DeadLetterHeaders.REASON))
                    .startsWith("store: ")
                    .contains("SQLState 22021")
                    .doesNotContain("Merkel")
                    .hasSizeLessThanOrEqualTo(ErrorSummary.MAX_LENGTH);
                assertThat(Set.of(letter.headers().toArray()))
                    .allSatisfy(h -> assertThat(h.key()).startsWith("wirestream.dlq."));
              });
    }
  }

  private static void send(
      KafkaProducer<String, byte[]> producer, Topics topics, EnrichedArticle article)
      throws Exception {
    producer
        .send(
            new ProducerRecord<>(
                topics.enriched().name(),
                article.article().id(),
                topics
                    .enriched()
                    .valueSerde()
                    .serializer()
                    .serialize(topics.enriched().name(), article)))
        .get();
  }

  private static EnrichedArticle enriched(String id, String body) {
    Article article =
        new Article(id, "test", null, "A title", body, "2019-05-15", Instant.now(), "en");
    return new EnrichedArticle(
        article,
        List.of(),
        List.of(),
        List.of(),
        new Enrichment(1, Map.of("ner", "none"), Instant.now()));
  }

  private static String header(ConsumerRecord<String, byte[]> record, String name) {
    return new String(record.headers().lastHeader(name).value(), StandardCharsets.UTF_8);
  }
}
