package io.wirestream.ingest.registry;

import io.wirestream.common.config.WirestreamConfig;
import io.wirestream.common.serde.Json;
import io.wirestream.common.topic.Topic;
import java.io.IOException;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * The registered feeds on the compacted {@code news.feeds} topic, keyed by URL: adding writes an
 * entry, removing a tombstone. Compaction keeps the topic at one record per feed.
 */
public final class FeedRegistry {

  private final WirestreamConfig config;
  private final Topic<String, byte[]> topic;

  public FeedRegistry(WirestreamConfig config, Topic<String, byte[]> topic) {
    this.config = config;
    this.topic = topic;
  }

  /** Registers the feeds (again, for those already there); returns once the broker has them. */
  public void add(Collection<URI> feeds, Clock clock) throws InterruptedException {
    try (KafkaProducer<String, byte[]> producer = producer()) {
      List<Future<RecordMetadata>> sent = new ArrayList<>();
      for (URI feed : feeds) {
        byte[] value;
        try {
          value = Json.MAPPER.writeValueAsBytes(new FeedEntry(feed.toString(), clock.instant()));
        } catch (IOException e) {
          throw new IllegalStateException("cannot write the entry of " + feed, e);
        }
        sent.add(producer.send(new ProducerRecord<>(topic.name(), feed.toString(), value)));
      }
      await(sent);
    }
  }

  /** Unregisters the feeds; returns once the broker has the tombstones. */
  public void remove(Collection<URI> feeds) throws InterruptedException {
    try (KafkaProducer<String, byte[]> producer = producer()) {
      List<Future<RecordMetadata>> sent = new ArrayList<>();
      for (URI feed : feeds) {
        sent.add(producer.send(new ProducerRecord<>(topic.name(), feed.toString(), null)));
      }
      await(sent);
    }
  }

  /** Every registered feed by URL, read from the start of the topic to its end. */
  public Map<String, FeedEntry> list(Duration timeout) {
    Properties props = config.kafkaProperties();
    props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
    Map<String, FeedEntry> feeds = new TreeMap<>();
    long deadline = System.nanoTime() + timeout.toNanos();
    try (KafkaConsumer<String, byte[]> consumer =
        new KafkaConsumer<>(props, new StringDeserializer(), new ByteArrayDeserializer())) {
      List<TopicPartition> partitions =
          consumer.partitionsFor(topic.name(), timeout).stream()
              .map(p -> new TopicPartition(p.topic(), p.partition()))
              .toList();
      consumer.assign(partitions);
      consumer.seekToBeginning(partitions);
      Map<TopicPartition, Long> end = consumer.endOffsets(partitions, timeout);
      while (partitions.stream().anyMatch(p -> consumer.position(p) < end.get(p))) {
        if (System.nanoTime() > deadline) {
          throw new IllegalStateException("could not read " + topic.name() + " within " + timeout);
        }
        for (ConsumerRecord<String, byte[]> record : consumer.poll(Duration.ofMillis(200))) {
          apply(feeds, record.key(), record.value());
        }
      }
    }
    return feeds;
  }

  /** Applies one record of the topic to a map of feeds: an entry, or a tombstone. */
  static void apply(Map<String, FeedEntry> feeds, String key, byte[] value) {
    if (key == null) {
      return;
    }
    if (value == null) {
      feeds.remove(key);
      return;
    }
    try {
      feeds.put(key, Json.MAPPER.readValue(value, FeedEntry.class));
    } catch (IOException e) {
      // An entry this version cannot read still names its feed by the key.
      feeds.put(key, new FeedEntry(key, null));
    }
  }

  private KafkaProducer<String, byte[]> producer() {
    Properties props = config.kafkaProperties();
    props.putIfAbsent(ProducerConfig.CLIENT_ID_CONFIG, "wirestream-feeds");
    props.put(ProducerConfig.ACKS_CONFIG, "all");
    props.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, "true");
    return new KafkaProducer<>(props, new StringSerializer(), new ByteArraySerializer());
  }

  private void await(List<Future<RecordMetadata>> sent) throws InterruptedException {
    for (Future<RecordMetadata> send : sent) {
      try {
        send.get();
      } catch (ExecutionException e) {
        throw new IllegalStateException(
            "could not write to " + topic.name() + ": " + e.getCause(), e.getCause());
      }
    }
  }
}
