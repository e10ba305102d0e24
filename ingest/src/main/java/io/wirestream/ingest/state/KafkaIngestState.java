package io.wirestream.ingest.state;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.wirestream.common.config.WirestreamConfig;
import io.wirestream.common.serde.Json;
import io.wirestream.common.topic.Topic;
import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Ingest's state on a compacted topic, keyed {@code file:PATH} and {@code feed:URL}, each value the
 * latest mark as JSON. On start the whole topic is read into memory (one mark per file and feed);
 * every mark put is kept there and sent, so a restarted ingest reads back where its predecessor
 * stopped. The topic is read committed.
 *
 * <p>Written {@link #through through a transaction}, marks are committed together with the articles
 * they describe, and a restart publishes nothing twice. Otherwise a mark is sent on a producer of
 * its own once what it describes is delivered, so a crash between the two costs a re-publication
 * (at least once), never a loss.
 */
public final class KafkaIngestState implements IngestState {

  private static final Logger LOG = LoggerFactory.getLogger(KafkaIngestState.class);
  private static final ObjectMapper MAPPER = Json.MAPPER;
  private static final Duration CLOSE_TIMEOUT = Duration.ofSeconds(30);

  private final Map<String, FileMark> files = new ConcurrentHashMap<>();
  private final Map<String, FeedMark> feeds = new ConcurrentHashMap<>();
  private final Properties producerProps;
  private final String topic;
  // Opened at the first mark it sends: not at all when marks go through a transaction.
  private Producer<String, byte[]> producer;
  private WirestreamConfig config;
  private Duration timeout;
  private volatile Transaction transaction;

  private KafkaIngestState(Properties producerProps, String topic) {
    this.producerProps = producerProps;
    this.topic = topic;
  }

  /**
   * Reads the state topic to its end.
   *
   * @throws IllegalStateException if the topic cannot be read to its end within {@code timeout}
   */
  public static KafkaIngestState open(
      WirestreamConfig config, Topic<String, byte[]> topic, Duration timeout) {
    Properties producerProps = config.kafkaProperties();
    producerProps.putIfAbsent(ProducerConfig.CLIENT_ID_CONFIG, "wirestream-ingest-state");
    producerProps.put(ProducerConfig.ACKS_CONFIG, "all");
    producerProps.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, "true");
    KafkaIngestState state = new KafkaIngestState(producerProps, topic.name());
    state.load(config, timeout);
    return state;
  }

  private void load(WirestreamConfig config, Duration timeout) {
    this.config = config;
    this.timeout = timeout;
    Properties props = config.kafkaProperties();
    props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
    props.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
    long deadline = System.nanoTime() + timeout.toNanos();
    int read = 0;
    try (KafkaConsumer<String, byte[]> consumer =
        new KafkaConsumer<>(props, new StringDeserializer(), new ByteArrayDeserializer())) {
      List<TopicPartition> partitions =
          consumer.partitionsFor(topic, timeout).stream()
              .map(p -> new TopicPartition(p.topic(), p.partition()))
              .toList();
      consumer.assign(partitions);
      consumer.seekToBeginning(partitions);
      Map<TopicPartition, Long> end = consumer.endOffsets(partitions, timeout);
      while (partitions.stream().anyMatch(p -> consumer.position(p) < end.get(p))) {
        if (System.nanoTime() > deadline) {
          throw new IllegalStateException(
              "could not read the ingest state topic " + topic + " to its end within " + timeout);
        }
        for (ConsumerRecord<String, byte[]> record : consumer.poll(Duration.ofMillis(200))) {
          apply(record.key(), record.value());
          read++;
        }
      }
    }
    LOG.info(
        "ingest state: {} records read from {}: {} files, {} feeds",
        read,
        topic,
        files.size(),
        feeds.size());
  }

  private void apply(String key, byte[] value) {
    if (key == null) {
      return;
    }
    try {
      if (key.startsWith("file:")) {
        if (value == null) {
          files.remove(key.substring(5));
        } else {
          FileMark mark = MAPPER.readValue(value, FileMark.class);
          files.put(mark.path(), mark);
        }
      } else if (key.startsWith("feed:")) {
        if (value == null) {
          feeds.remove(key.substring(5));
        } else {
          FeedMark mark = MAPPER.readValue(value, FeedMark.class);
          feeds.put(mark.url(), mark);
        }
      }
    } catch (IOException e) {
      // A mark from a newer or broken writer: that source is read as new, published at least once.
      LOG.warn("ingest state: ignoring the unreadable mark of {}: {}", key, e.toString());
    }
  }

  /** Where marks go when they are committed with what they describe. */
  public interface Transaction {
    /** Adds a mark to the open transaction. */
    void send(String topic, String key, byte[] value);

    /** Commits the open transaction. */
    void commitNow();
  }

  /**
   * Sends marks from now on in {@code transaction} (a transactional publisher's), so that they are
   * committed with the articles they describe.
   */
  public KafkaIngestState through(Transaction transaction) {
    this.transaction = transaction;
    return this;
  }

  /** Reads the topic again; marks this instance put and sent are among what it reads back. */
  @Override
  public void refresh() {
    Transaction open = transaction;
    if (open != null) {
      // Only committed marks are read back: this instance's own must be committed first.
      open.commitNow();
    } else {
      flush();
    }
    load(config, timeout);
  }

  @Override
  public Optional<FileMark> file(String path) {
    return Optional.ofNullable(files.get(path));
  }

  @Override
  public void put(FileMark mark) {
    files.put(mark.path(), mark);
    send(IngestState.fileKey(mark.path()), mark);
  }

  @Override
  public Optional<FeedMark> feed(String url) {
    return Optional.ofNullable(feeds.get(url));
  }

  @Override
  public void put(FeedMark mark) {
    feeds.put(mark.url(), mark);
    send(IngestState.feedKey(mark.url()), mark);
  }

  private void send(String key, Object mark) {
    byte[] value;
    try {
      value = MAPPER.writeValueAsBytes(mark);
    } catch (IOException e) {
      throw new IllegalStateException("cannot write the ingest state of " + key, e);
    }
    Transaction open = transaction;
    if (open != null) {
      open.send(topic, key, value);
      return;
    }
    producer()
        .send(
            new ProducerRecord<>(topic, key, value),
            (metadata, error) -> {
              if (error != null) {
                // Only the memory of it is lost: the source is read again after a restart.
                LOG.warn("ingest state of {} not saved: {}", key, error.toString());
              }
            });
  }

  private synchronized Producer<String, byte[]> producer() {
    if (producer == null) {
      producer =
          new KafkaProducer<>(producerProps, new StringSerializer(), new ByteArraySerializer());
    }
    return producer;
  }

  private synchronized void flush() {
    if (producer != null) {
      producer.flush();
    }
  }

  @Override
  public synchronized void close() {
    if (producer != null) {
      producer.flush();
      producer.close(CLOSE_TIMEOUT);
    }
  }
}
