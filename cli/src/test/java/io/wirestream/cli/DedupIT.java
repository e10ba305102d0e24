package io.wirestream.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.wirestream.broker.EmbeddedKafkaBroker;
import io.wirestream.common.config.WirestreamConfig;
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
import java.util.function.Function;
import java.util.stream.Collectors;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.common.utils.Utils;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Duplicate detection on a real broker with three partitions: a copy that lands on another
 * partition than its original, in another stream task, is still found, exactly once.
 */
class DedupIT {

  private static final int PARTITIONS = 3;
  private static final String BODY =
      "Angela Merkel met Emmanuel Macron in Paris on Monday to discuss the budget, and both said"
          + " afterwards that the talks had gone well and would go on in Berlin next month.";

  @TempDir Path dir;

  @Test
  void shouldNameTheOriginalOfACopyOnAnotherPartition() throws Exception {
    try (EmbeddedKafkaBroker broker = EmbeddedKafkaBroker.start(dir.resolve("kafka"))) {
      WirestreamConfig config =
          WirestreamConfig.load(
              null,
              Map.of(),
              Map.of(
                  "bootstrap.servers", broker.bootstrapServers(),
                  "enrich.state.dir", dir.resolve("streams").toString(),
                  "enrich.dedup.enabled", "true",
                  "topic.partitions", Integer.toString(PARTITIONS)));
      Topics topics = new Topics(config);
      String original = "original-1";
      String copy = idOnAnotherPartition(original);
      try (EnrichService enrich = new EnrichService(config, NlpPipeline.from(config));
          KafkaProducer<String, byte[]> producer =
              new KafkaProducer<>(
                  config.kafkaProperties(), new StringSerializer(), new ByteArraySerializer())) {
        enrich.start();
        RecordMetadata first =
            send(producer, topics, article(original, "wire-a", "2019-05-13T08:00:00Z"));
        TopicReader.readCommitted(config, topics.enriched(), 1, Duration.ofSeconds(120));
        RecordMetadata second =
            send(producer, topics, article(copy, "wire-b", "2019-05-13T09:00:00Z"));
        send(producer, topics, article(original, "wire-a", "2019-05-13T08:00:00Z"));

        assertThat(second.partition()).isNotEqualTo(first.partition());
        List<ConsumerRecord<String, EnrichedArticle>> out =
            TopicReader.readCommitted(config, topics.enriched(), 3, Duration.ofSeconds(120));
        assertThat(out).hasSize(3);
        Map<String, List<EnrichedArticle>> byId =
            out.stream()
                .collect(
                    Collectors.groupingBy(
                        ConsumerRecord::key,
                        Collectors.mapping(ConsumerRecord::value, Collectors.toList())));
        assertThat(byId.get(copy))
            .singleElement()
            .satisfies(
                e -> {
                  assertThat(e.duplicateOf()).isEqualTo(original);
                  assertThat(e.entities()).isEmpty();
                  assertThat(e.enrichment().skipped()).startsWith("duplicate of " + original);
                });
        // The original sent again is enriched again, not taken for a copy of itself.
        assertThat(byId.get(original))
            .hasSize(2)
            .allSatisfy(
                e -> {
                  assertThat(e.duplicateOf()).isNull();
                  assertThat(e.entities()).extracting(x -> x.text()).contains("Angela Merkel");
                });
      }
    }
  }

  private static Article article(String id, String source, String published) {
    return new Article(
        id, source, null, "Merkel meets Macron", BODY, published, Instant.now(), null);
  }

  private static RecordMetadata send(
      KafkaProducer<String, byte[]> producer, Topics topics, Article article) throws Exception {
    return producer
        .send(
            new ProducerRecord<>(
                topics.raw().name(),
                article.id(),
                topics.raw().valueSerde().serializer().serialize(topics.raw().name(), article)))
        .get();
  }

  /** The producer's default partitioner on a keyed record: murmur2 of the key. */
  private static String idOnAnotherPartition(String id) {
    Function<String, Integer> partition =
        key -> Utils.toPositive(Utils.murmur2(key.getBytes(StandardCharsets.UTF_8))) % PARTITIONS;
    for (int i = 1; ; i++) {
      String candidate = "copy-" + i;
      if (!partition.apply(candidate).equals(partition.apply(id))) {
        return candidate;
      }
    }
  }
}
