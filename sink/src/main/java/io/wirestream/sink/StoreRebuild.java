package io.wirestream.sink;

import io.wirestream.common.config.WirestreamConfig;
import io.wirestream.common.model.EnrichedArticle;
import io.wirestream.common.topic.Topics;
import io.wirestream.sink.store.ArticleStore;
import io.wirestream.sink.store.WriteResult;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.function.Consumer;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Builds a store from the compacted enriched topic: every partition from its beginning up to the
 * end offsets seen at the start, through the sink's decoder and the store's idempotent,
 * version-aware writes. It joins no consumer group and commits nothing, so the live sink is
 * untouched; running it again over the same store leaves the same rows.
 */
public final class StoreRebuild implements AutoCloseable {

  private static final Logger LOG = LoggerFactory.getLogger(StoreRebuild.class);
  private static final Duration POLL = Duration.ofMillis(500);

  /** Offsets read so far out of those the topic held at the start. */
  public record Progress(long done, long total) {}

  /**
   * @param records records read
   * @param written records whose enrichment is now in the store
   * @param stale records older than what the store already held
   * @param unreadable records the sink would have dead-lettered; skipped here
   */
  public record Result(long records, long written, long stale, long unreadable) {}

  private final KafkaConsumer<String, byte[]> consumer;
  private final ArticleStore store;
  private final String topic;
  private final RecordDecoder decoder;

  /** Takes over the store and closes it. */
  public StoreRebuild(WirestreamConfig config, ArticleStore store) {
    Topics topics = new Topics(config);
    this.store = store;
    this.topic = topics.enriched().name();
    this.decoder = new RecordDecoder(topics.enriched().valueSerde().deserializer());
    this.consumer =
        new KafkaConsumer<>(
            consumerProperties(config), new StringDeserializer(), new ByteArrayDeserializer());
  }

  static Properties consumerProperties(WirestreamConfig config) {
    Properties properties = config.kafkaProperties();
    properties.remove(ConsumerConfig.GROUP_ID_CONFIG);
    // As the sink: an aborted enrich transaction must not reach the store.
    properties.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
    properties.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
    properties.put(
        ConsumerConfig.MAX_POLL_RECORDS_CONFIG, config.getInt(WirestreamConfig.SINK_BATCH_SIZE));
    properties.putIfAbsent(ConsumerConfig.CLIENT_ID_CONFIG, "wirestream-resink");
    return properties;
  }

  /**
   * Reads the topic as it stands now into the store.
   *
   * @param progress told after every poll
   * @param stall how long reading may make no progress before giving up
   * @throws IllegalStateException if no record arrives for {@code stall}
   */
  public Result run(Consumer<Progress> progress, Duration stall) {
    List<TopicPartition> partitions =
        consumer.partitionsFor(topic).stream()
            .map(info -> new TopicPartition(topic, info.partition()))
            .toList();
    consumer.assign(partitions);
    consumer.seekToBeginning(partitions);
    Map<TopicPartition, Long> begin = consumer.beginningOffsets(partitions);
    Map<TopicPartition, Long> end = new HashMap<>(consumer.endOffsets(partitions));
    long total = 0;
    for (TopicPartition partition : partitions) {
      total += end.get(partition) - begin.get(partition);
    }
    LOG.info("rebuilding the store from {}: {} offsets in {} partitions", topic, total, end.size());
    long records = 0;
    long unreadable = 0;
    WriteResult written = WriteResult.NONE;
    long done = 0;
    long lastMove = System.nanoTime();
    progress.accept(new Progress(0, total));
    while (done < total) {
      ConsumerRecords<String, byte[]> batch = consumer.poll(POLL);
      List<EnrichedArticle> articles = new ArrayList<>();
      for (ConsumerRecord<String, byte[]> record : batch) {
        TopicPartition partition = new TopicPartition(record.topic(), record.partition());
        if (record.offset() >= end.get(partition)) {
          continue; // written after the start: not part of this rebuild
        }
        records++;
        try {
          articles.add(decoder.decode(record));
        } catch (UnreadableRecordException e) {
          unreadable++;
          LOG.warn(
              "skipping {}-{}@{}: {}",
              record.topic(),
              record.partition(),
              record.offset(),
              e.getMessage());
        }
      }
      if (!articles.isEmpty()) {
        written = written.plus(store.write(articles));
      }
      long now = position(partitions, begin, end);
      if (now > done) {
        done = now;
        lastMove = System.nanoTime();
      } else if (System.nanoTime() - lastMove > stall.toNanos()) {
        throw new IllegalStateException(
            "no progress for " + stall.toSeconds() + " s at " + done + " of " + total + " offsets");
      }
      progress.accept(new Progress(done, total));
    }
    return new Result(records, written.written(), written.stale(), unreadable);
  }

  private long position(
      List<TopicPartition> partitions,
      Map<TopicPartition, Long> begin,
      Map<TopicPartition, Long> end) {
    long done = 0;
    List<TopicPartition> finished = new ArrayList<>();
    for (TopicPartition partition : partitions) {
      long position = Math.min(consumer.position(partition), end.get(partition));
      done += position - begin.get(partition);
      if (position >= end.get(partition)) {
        finished.add(partition);
      }
    }
    consumer.pause(finished);
    return done;
  }

  @Override
  public void close() {
    try {
      consumer.close();
    } finally {
      store.close();
    }
  }
}
