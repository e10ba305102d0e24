package io.wirestream.cli.backfill;

import io.wirestream.common.config.WirestreamConfig;
import io.wirestream.common.model.EnrichedArticle;
import io.wirestream.common.topic.Topics;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.Set;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.StringDeserializer;

/**
 * The enrichment version of the newest record on the enriched topic (by record timestamp) that no
 * replay wrote, read from the last records of each partition without a consumer group. While a
 * replay runs, the newest records are its own; its version is known from its application id and
 * left out here, so that the live enrich is not credited with it.
 */
final class NewestVersion {

  private static final int TAIL = 200;
  private static final Duration READ_FOR = Duration.ofSeconds(5);

  private NewestVersion() {}

  /**
   * @param replayVersions versions written by replays, skipped
   */
  static Optional<Integer> read(WirestreamConfig config, Set<Integer> replayVersions) {
    Topics topics = new Topics(config);
    Properties properties = config.kafkaProperties();
    properties.remove(ConsumerConfig.GROUP_ID_CONFIG);
    properties.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
    properties.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
    properties.putIfAbsent(ConsumerConfig.CLIENT_ID_CONFIG, "wirestream-status");
    String topic = topics.enriched().name();
    try (KafkaConsumer<String, byte[]> consumer =
        new KafkaConsumer<>(properties, new StringDeserializer(), new ByteArrayDeserializer())) {
      List<TopicPartition> partitions = new ArrayList<>();
      consumer
          .partitionsFor(topic)
          .forEach(info -> partitions.add(new TopicPartition(topic, info.partition())));
      consumer.assign(partitions);
      Map<TopicPartition, Long> ends = consumer.endOffsets(partitions);
      Map<TopicPartition, Long> begins = consumer.beginningOffsets(partitions);
      List<TopicPartition> pending = new ArrayList<>();
      for (TopicPartition partition : partitions) {
        long end = ends.get(partition);
        if (end > begins.get(partition)) {
          consumer.seek(partition, Math.max(begins.get(partition), end - TAIL));
          pending.add(partition);
        }
      }
      EnrichedArticle newest = null;
      long newestAt = Long.MIN_VALUE;
      Deserializer<EnrichedArticle> values = topics.enriched().valueSerde().deserializer();
      long deadline = System.nanoTime() + READ_FOR.toNanos();
      while (!pending.isEmpty() && System.nanoTime() < deadline) {
        for (ConsumerRecord<String, byte[]> record : consumer.poll(Duration.ofMillis(200))) {
          if (record.value() == null || record.timestamp() < newestAt) {
            continue;
          }
          try {
            EnrichedArticle article = values.deserialize(topic, record.value());
            if (article != null && !replayVersions.contains(article.enrichment().version())) {
              newest = article;
              newestAt = record.timestamp();
            }
          } catch (RuntimeException unreadable) {
            // Not an enrichment the status can read a version from; the sink dead-letters it.
          }
        }
        pending.removeIf(partition -> consumer.position(partition) >= ends.get(partition));
      }
      return newest == null ? Optional.empty() : Optional.of(newest.enrichment().version());
    }
  }
}
