package io.wirestream.client;

import static org.assertj.core.api.Assertions.assertThat;

import io.wirestream.broker.EmbeddedKafkaBroker;
import io.wirestream.common.model.EnrichedArticle;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The consumer helper on a real broker, reading news.enriched as a downstream user would. */
class EnrichedArticlesIT {

  private static final String TOPIC = "news.enriched";

  @TempDir Path data;

  @Test
  void yieldsOnlyTheNewestVersionOfAnArticleAndSurvivesAPoisonRecordReportingIt() throws Exception {
    Instant t0 = Instant.parse("2026-01-01T00:00:00Z");
    try (EmbeddedKafkaBroker broker = EmbeddedKafkaBroker.start(data)) {
      try (Admin admin = Admin.create(Map.of("bootstrap.servers", broker.bootstrapServers()))) {
        admin.createTopics(List.of(new NewTopic(TOPIC, 1, (short) 1))).all().get();
      }
      byte[] poison = "{not json".getBytes(StandardCharsets.UTF_8);
      try (KafkaProducer<String, byte[]> producer =
          new KafkaProducer<>(
              Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, broker.bootstrapServers()),
              new StringSerializer(),
              new ByteArraySerializer())) {
        producer.send(record("a1", SampleArticles.merkel("a1", 1, t0))).get();
        producer.send(new ProducerRecord<>(TOPIC, "bad", poison)).get();
        producer.send(record("a1", SampleArticles.merkel("a1", 2, t0.plusSeconds(5)))).get();
        // A late replay of the old enrichment must not undo the newer one.
        producer.send(record("a1", SampleArticles.merkel("a1", 1, t0.plusSeconds(9)))).get();
        producer.send(record("b1", SampleArticles.merkel("b1", 1, t0))).get();
      }

      List<String> reported = new CopyOnWriteArrayList<>();
      List<EnrichedArticle> read = new ArrayList<>();
      try (KafkaConsumer<String, byte[]> consumer =
          new KafkaConsumer<>(
              Map.of(
                  ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG,
                  broker.bootstrapServers(),
                  ConsumerConfig.MAX_POLL_RECORDS_CONFIG,
                  "2"),
              new StringDeserializer(),
              new ByteArrayDeserializer())) {
        TopicPartition partition = new TopicPartition(TOPIC, 0);
        consumer.assign(List.of(partition));
        consumer.seekToBeginning(List.of(partition));
        EnrichedArticles articles =
            new EnrichedArticles(
                consumer,
                (topic, bytes, error) ->
                    reported.add(topic + ":" + new String(bytes, StandardCharsets.UTF_8)));
        articles.iterator(Duration.ofMillis(500), 6).forEachRemaining(read::add);

        assertThat(articles.skipped()).isEqualTo(2);
        assertThat(articles.articlesSeen()).isEqualTo(2);
      }

      // Two records per poll: v1 is yielded before v2 arrives, then v2 replaces it; the replayed
      // v1 and the poison record are not yielded at all.
      assertThat(read)
          .extracting(a -> a.article().id() + "@" + a.enrichment().version())
          .containsExactly("a1@1", "a1@2", "b1@1");
      assertThat(reported).containsExactly(TOPIC + ":{not json");
    }
  }

  private static ProducerRecord<String, byte[]> record(String key, EnrichedArticle article) {
    return new ProducerRecord<>(TOPIC, key, SampleArticles.json(article));
  }
}
