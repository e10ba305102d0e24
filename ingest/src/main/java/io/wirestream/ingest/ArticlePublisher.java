package io.wirestream.ingest;

import io.wirestream.common.config.WirestreamConfig;
import io.wirestream.common.model.Article;
import io.wirestream.common.topic.Topic;
import java.time.Clock;
import java.util.Properties;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Publishes articles to the raw topic, keyed by article id.
 *
 * <p>The producer is idempotent with {@code acks=all}, so its own retries of timeouts and lost
 * connections can neither drop nor duplicate a record; an article is counted as published only once
 * the broker has acknowledged it.
 */
public final class ArticlePublisher implements AutoCloseable {

  private static final Logger LOG = LoggerFactory.getLogger(ArticlePublisher.class);

  private final Producer<String, Article> producer;
  private final String topic;
  private final IngestStats stats;
  private final Clock clock;

  public ArticlePublisher(
      WirestreamConfig config, Topic<String, Article> topic, IngestStats stats, Clock clock) {
    this(
        new KafkaProducer<>(
            producerProperties(config),
            topic.keySerde().serializer(),
            topic.valueSerde().serializer()),
        topic.name(),
        stats,
        clock);
  }

  ArticlePublisher(
      Producer<String, Article> producer, String topic, IngestStats stats, Clock clock) {
    this.producer = producer;
    this.topic = topic;
    this.stats = stats;
    this.clock = clock;
  }

  static Properties producerProperties(WirestreamConfig config) {
    Properties props = config.kafkaProperties();
    props.putIfAbsent(ProducerConfig.CLIENT_ID_CONFIG, "wirestream-ingest");
    props.put(ProducerConfig.ACKS_CONFIG, "all");
    props.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, "true");
    props.putIfAbsent(ProducerConfig.COMPRESSION_TYPE_CONFIG, "lz4");
    props.putIfAbsent(ProducerConfig.LINGER_MS_CONFIG, "20");
    props.putIfAbsent(ProducerConfig.BATCH_SIZE_CONFIG, Integer.toString(256 * 1024));
    return props;
  }

  public void publish(Article article) {
    Article stamped = article.withIngestedAt(clock.instant());
    stats.countRead();
    producer.send(
        new ProducerRecord<>(topic, stamped.id(), stamped),
        (metadata, error) -> {
          if (error == null) {
            stats.countPublished();
          } else {
            stats.countFailed();
            LOG.error("could not publish article {}: {}", stamped.id(), error.toString());
          }
        });
  }

  /** Blocks until every article handed over so far is acknowledged or has failed. */
  public void flush() {
    producer.flush();
  }

  @Override
  public void close() {
    producer.close();
  }
}
