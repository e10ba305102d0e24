package io.wirestream.bench.faults;

import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;

/**
 * Reads a topic from the start to its current end, as a read-committed consumer sees it, and counts
 * records and distinct keys: more records than keys means something was written twice.
 */
final class TopicCensus {

  record Count(long records, long distinctKeys, long endOffsets) {}

  private TopicCensus() {}

  static Count of(String bootstrap, String topic, Duration timeout) {
    try (KafkaConsumer<String, byte[]> consumer = consumer(bootstrap, "read_committed")) {
      List<TopicPartition> partitions =
          consumer.partitionsFor(topic, timeout).stream()
              .map(p -> new TopicPartition(p.topic(), p.partition()))
              .toList();
      consumer.assign(partitions);
      consumer.seekToBeginning(partitions);
      Map<TopicPartition, Long> end = consumer.endOffsets(partitions, timeout);
      long endSum = end.values().stream().mapToLong(Long::longValue).sum();
      Set<String> keys = new HashSet<>();
      long records = 0;
      long deadline = System.nanoTime() + timeout.toNanos();
      while (!reached(consumer, end) && System.nanoTime() < deadline) {
        for (ConsumerRecord<String, byte[]> record : consumer.poll(Duration.ofMillis(500))) {
          records++;
          keys.add(record.key());
        }
      }
      if (!reached(consumer, end)) {
        throw new IllegalStateException("could not read " + topic + " to its end in " + timeout);
      }
      return new Count(records, keys.size(), endSum);
    }
  }

  private static boolean reached(
      KafkaConsumer<String, byte[]> consumer, Map<TopicPartition, Long> end) {
    for (Map.Entry<TopicPartition, Long> partition : end.entrySet()) {
      if (consumer.position(partition.getKey()) < partition.getValue()) {
        return false;
      }
    }
    return true;
  }

  private static KafkaConsumer<String, byte[]> consumer(String bootstrap, String isolation) {
    Properties props = new Properties();
    props.put("bootstrap.servers", bootstrap);
    props.put("isolation.level", isolation);
    props.put("enable.auto.commit", "false");
    props.put("max.poll.records", "2000");
    return new KafkaConsumer<>(props, new StringDeserializer(), new ByteArrayDeserializer());
  }
}
