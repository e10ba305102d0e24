package io.wirestream.cli.demo;

import io.wirestream.common.config.WirestreamConfig;
import io.wirestream.common.topic.Topic;
import java.time.Duration;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Predicate;
import java.util.function.ToLongFunction;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.StringDeserializer;

/**
 * Counts committed records on a topic, and a per-record figure over them. Offsets cannot be used
 * for counting: under exactly-once every transaction leaves a marker that takes an offset too.
 */
final class TopicCounter<V> implements Runnable, AutoCloseable {

  private final KafkaConsumer<String, V> consumer;
  private final List<ToLongFunction<V>> figures;
  private final AtomicLong records = new AtomicLong();
  private final AtomicLong[] totals;
  private final AtomicBoolean closed = new AtomicBoolean();
  private volatile Predicate<V> keep = v -> false;
  private final AtomicReference<V> kept = new AtomicReference<>();

  @SafeVarargs
  TopicCounter(WirestreamConfig config, Topic<String, V> topic, ToLongFunction<V>... figures) {
    this(config, topic.name(), topic.valueSerde().deserializer(), figures);
  }

  /** Counts {@code topic}, its values read by {@code values} (which may read only the figures). */
  @SafeVarargs
  TopicCounter(
      WirestreamConfig config, String topic, Deserializer<V> values, ToLongFunction<V>... figures) {
    Properties props = config.kafkaProperties();
    props.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
    props.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
    props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
    this.consumer = new KafkaConsumer<>(props, new StringDeserializer(), values);
    // Count only what arrives from now on: earlier runs against the same topics are done.
    List<TopicPartition> partitions =
        consumer.partitionsFor(topic).stream()
            .map(p -> new TopicPartition(p.topic(), p.partition()))
            .toList();
    consumer.assign(partitions);
    consumer.seekToEnd(partitions);
    partitions.forEach(consumer::position);
    this.figures = List.of(figures);
    this.totals = new AtomicLong[figures.length];
    for (int i = 0; i < totals.length; i++) {
      totals[i] = new AtomicLong();
    }
  }

  /** Keeps the latest record that matches, for {@link #kept()}; call before the counter runs. */
  TopicCounter<V> keeping(Predicate<V> which) {
    this.keep = which;
    return this;
  }

  /** The latest record that matched {@link #keeping}, or null. */
  V kept() {
    return kept.get();
  }

  long records() {
    return records.get();
  }

  long total(int figure) {
    return totals[figure].get();
  }

  @Override
  public void run() {
    try {
      while (!closed.get()) {
        for (ConsumerRecord<String, V> record : consumer.poll(Duration.ofMillis(200))) {
          records.incrementAndGet();
          if (record.value() != null && keep.test(record.value())) {
            kept.set(record.value());
          }
          for (int i = 0; i < totals.length; i++) {
            totals[i].addAndGet(
                record.value() == null ? 0 : figures.get(i).applyAsLong(record.value()));
          }
        }
      }
    } catch (WakeupException e) {
      if (!closed.get()) {
        throw e;
      }
    } finally {
      consumer.close();
    }
  }

  @Override
  public void close() {
    closed.set(true);
    consumer.wakeup();
  }
}
