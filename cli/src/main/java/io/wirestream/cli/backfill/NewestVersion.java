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
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;

/**
 * The enrichment version of the newest record on the enriched topic (by record timestamp), read
 * from the last few records of each partition without a consumer group.
 */
final class NewestVersion {

  private static final int TAIL = 10;
  private static final Duration READ_FOR = Duration.ofSeconds(5);

  private NewestVersion() {}

  static Optional<Integer> read(WirestreamConfig config) {
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
      ConsumerRecord<String, byte[]> newest = null;
      long deadline = System.nanoTime() + READ_FOR.toNanos();
      while (!pending.isEmpty() && System.nanoTime() < deadline) {
        for (ConsumerRecord<String, byte[]> record : consumer.poll(Duration.ofMillis(200))) {
          if (record.value() != null
              && (newest == null || record.timestamp() >= newest.timestamp())) {
            newest = record;
          }
        }
        pending.removeIf(partition -> consumer.position(partition) >= ends.get(partition));
      }
      if (newest == null) {
        return Optional.empty();
      }
      try {
        EnrichedArticle article =
            topics.enriched().valueSerde().deserializer().deserialize(topic, newest.value());
        return Optional.of(article.enrichment().version());
      } catch (RuntimeException unreadable) {
        return Optional.empty();
      }
    }
  }
}
