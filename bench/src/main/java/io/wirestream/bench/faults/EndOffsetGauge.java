package io.wirestream.bench.faults;

import java.time.Duration;
import java.util.List;
import java.util.Properties;
import java.util.function.LongSupplier;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;

/**
 * The sum of a topic's end offsets, read again on every call through one consumer, so that a probe
 * can poll every 100 ms; -1 while the broker or the topic is not there.
 */
final class EndOffsetGauge implements LongSupplier, AutoCloseable {

  private final String topic;
  private final Duration timeout;
  private final KafkaConsumer<byte[], byte[]> consumer;

  /**
   * @param timeout per call; the first call also fetches metadata, which a loaded machine can take
   *     seconds over
   */
  EndOffsetGauge(String bootstrap, String topic, Duration timeout) {
    this.topic = topic;
    this.timeout = timeout;
    Properties props = new Properties();
    props.put("bootstrap.servers", bootstrap);
    props.put("enable.auto.commit", "false");
    this.consumer =
        new KafkaConsumer<>(props, new ByteArrayDeserializer(), new ByteArrayDeserializer());
  }

  @Override
  public long getAsLong() {
    try {
      List<TopicPartition> partitions =
          consumer.partitionsFor(topic, timeout).stream()
              .map(p -> new TopicPartition(p.topic(), p.partition()))
              .toList();
      if (partitions.isEmpty()) {
        return -1;
      }
      return consumer.endOffsets(partitions, timeout).values().stream()
          .mapToLong(Long::longValue)
          .sum();
    } catch (RuntimeException e) {
      return -1;
    }
  }

  @Override
  public void close() {
    consumer.close(Duration.ofSeconds(2));
  }
}
