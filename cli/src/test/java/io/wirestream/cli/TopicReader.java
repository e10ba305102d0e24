package io.wirestream.cli;

import io.wirestream.common.config.WirestreamConfig;
import io.wirestream.common.topic.Topic;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;

/** Reads a whole topic from the beginning, as a downstream consumer of committed data would. */
public final class TopicReader {

  private TopicReader() {}

  /**
   * Reads until {@code expected} records have arrived or {@code timeout} has passed, then polls
   * once more so that records beyond those expected (duplicates) show up too.
   */
  public static <V> List<ConsumerRecord<String, V>> readCommitted(
      WirestreamConfig config, Topic<String, V> topic, long expected, Duration timeout) {
    Properties props = config.kafkaProperties();
    props.put("isolation.level", "read_committed");
    List<ConsumerRecord<String, V>> records = new ArrayList<>();
    try (KafkaConsumer<String, V> consumer =
        new KafkaConsumer<>(
            props, topic.keySerde().deserializer(), topic.valueSerde().deserializer())) {
      List<TopicPartition> partitions =
          consumer.partitionsFor(topic.name()).stream()
              .map(p -> new TopicPartition(p.topic(), p.partition()))
              .toList();
      consumer.assign(partitions);
      consumer.seekToBeginning(partitions);
      long deadline = System.nanoTime() + timeout.toNanos();
      while (records.size() < expected && System.nanoTime() < deadline) {
        consumer.poll(Duration.ofMillis(200)).forEach(records::add);
      }
      consumer.poll(Duration.ofSeconds(1)).forEach(records::add);
    }
    return records;
  }
}
