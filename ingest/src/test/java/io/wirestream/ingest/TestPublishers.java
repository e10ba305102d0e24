package io.wirestream.ingest;

import io.wirestream.common.config.WirestreamConfig;
import io.wirestream.common.model.Article;
import io.wirestream.common.topic.Topics;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import org.apache.kafka.clients.producer.MockProducer;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.StringSerializer;

/** Publishers over mock producers, for tests here and in other packages. */
public final class TestPublishers {

  public static final Topics TOPICS = new Topics(WirestreamConfig.defaults());

  /** Millisecond backoff, so that re-sends in tests take no noticeable time. */
  public static final RetryPolicy FAST_RETRY =
      new RetryPolicy(Duration.ofMillis(2), Duration.ofMillis(10), Duration.ofMinutes(1));

  private TestPublishers() {}

  /** A mock producer that acknowledges each record as it is sent. */
  public static MockProducer<String, byte[]> acknowledging() {
    return new MockProducer<>(true, null, new StringSerializer(), new ByteArraySerializer());
  }

  /** A mock producer whose records wait for the test to complete or fail them. */
  public static MockProducer<String, byte[]> manual() {
    return new MockProducer<>(false, null, new StringSerializer(), new ByteArraySerializer());
  }

  public static ArticlePublisher over(
      Producer<String, byte[]> producer, IngestStats stats, Clock clock) {
    return over(producer, stats, clock, FAST_RETRY, 1 << 20);
  }

  public static ArticlePublisher over(
      Producer<String, byte[]> producer,
      IngestStats stats,
      Clock clock,
      RetryPolicy retry,
      int maxRecordBytes) {
    return new ArticlePublisher(producer, TOPICS, maxRecordBytes, retry, stats, clock);
  }

  /**
   * A publisher whose records go out in transactions over {@code producer}, committed on demand.
   */
  public static ArticlePublisher transactional(
      Producer<String, byte[]> producer, IngestStats stats, Clock clock) {
    return transactional(producer, stats, clock, Duration.ofDays(1));
  }

  /** A transactional publisher that commits once {@code interval} has passed, at the next send. */
  public static ArticlePublisher transactional(
      Producer<String, byte[]> producer, IngestStats stats, Clock clock, Duration interval) {
    return new ArticlePublisher(producer, TOPICS, 1 << 20, FAST_RETRY, stats, clock, interval);
  }

  /** The records sent to the raw topic so far, re-sends included, with their values decoded. */
  public static List<ProducerRecord<String, Article>> raw(MockProducer<String, byte[]> producer) {
    Deserializer<Article> articles = TOPICS.raw().valueSerde().deserializer();
    return producer.history().stream()
        .filter(r -> r.topic().equals(TOPICS.raw().name()))
        .map(
            r ->
                new ProducerRecord<>(
                    r.topic(), r.key(), articles.deserialize(r.topic(), r.value())))
        .toList();
  }

  /** The records sent to the dead-letter topic so far. */
  public static List<ProducerRecord<String, byte[]>> deadLetters(
      MockProducer<String, byte[]> producer) {
    return producer.history().stream()
        .filter(r -> r.topic().equals(TOPICS.deadLetter().name()))
        .toList();
  }
}
