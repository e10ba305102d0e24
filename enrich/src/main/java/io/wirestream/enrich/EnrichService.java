package io.wirestream.enrich;

import io.wirestream.common.config.WirestreamConfig;
import io.wirestream.common.topic.TopicAdmin;
import io.wirestream.common.topic.Topics;
import io.wirestream.enrich.nlp.Enricher;
import io.wirestream.enrich.nlp.EntityExtractorFactory;
import io.wirestream.enrich.nlp.TemporalTagger;
import io.wirestream.enrich.topology.EnrichTopology;
import java.time.Clock;
import java.time.Duration;
import java.util.Properties;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.streams.CloseOptions;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.Topology;
import org.apache.kafka.streams.errors.StreamsUncaughtExceptionHandler.StreamThreadExceptionResponse;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Runs the enrich topology as a Kafka Streams application configured from Wirestream config. */
public final class EnrichService implements AutoCloseable {

  private static final Logger LOG = LoggerFactory.getLogger(EnrichService.class);

  private final WirestreamConfig config;
  private final Topics topics;
  private final Topology topology;
  private KafkaStreams streams;
  private Runnable onStop = () -> {};

  public EnrichService(
      WirestreamConfig config, EntityExtractorFactory extractors, TemporalTagger tagger) {
    this.config = config;
    this.topics = new Topics(config);
    int version = config.getInt(WirestreamConfig.ENRICH_VERSION);
    int maxBodyChars = config.getInt(WirestreamConfig.ENRICH_MAX_BODY_CHARS);
    this.topology =
        EnrichTopology.build(
            topics,
            () -> new Enricher(extractors, tagger, version, Clock.systemUTC(), maxBodyChars),
            config.deadLetterOnError());
  }

  /** Creates missing topics and starts processing; returns at once. */
  public void start() throws Exception {
    try (Admin admin = Admin.create(config.kafkaProperties())) {
      TopicAdmin.ensureTopics(admin, topics.specs());
    }
    streams = new KafkaStreams(topology, streamsProperties(config));
    streams.setUncaughtExceptionHandler(
        error -> {
          // Under exactly-once a replaced thread resumes from the last committed transaction, so
          // nothing is lost or doubled; under the fail policy a bad record must stop everything.
          if (config.deadLetterOnError()) {
            LOG.error("stream thread failed; replacing it", error);
            return StreamThreadExceptionResponse.REPLACE_THREAD;
          }
          LOG.error("stopping enrich: {}", error.toString());
          return StreamThreadExceptionResponse.SHUTDOWN_CLIENT;
        });
    streams.setStateListener(
        (now, before) -> {
          if (now == KafkaStreams.State.ERROR || now == KafkaStreams.State.NOT_RUNNING) {
            onStop.run();
          }
        });
    streams.start();
  }

  /** Called once the application has stopped, by {@link #close()} or by a fatal error. */
  public void onStop(Runnable callback) {
    this.onStop = callback;
  }

  public KafkaStreams.State state() {
    return streams == null ? KafkaStreams.State.CREATED : streams.state();
  }

  public Topology topology() {
    return topology;
  }

  static Properties streamsProperties(WirestreamConfig config) {
    Properties props = config.kafkaProperties();
    props.put(
        StreamsConfig.APPLICATION_ID_CONFIG,
        config.getString(WirestreamConfig.ENRICH_APPLICATION_ID));
    props.put(StreamsConfig.PROCESSING_GUARANTEE_CONFIG, StreamsConfig.EXACTLY_ONCE_V2);
    props.put(
        StreamsConfig.NUM_STREAM_THREADS_CONFIG, config.getInt(WirestreamConfig.ENRICH_THREADS));
    props.put(StreamsConfig.STATE_DIR_CONFIG, config.getString(WirestreamConfig.ENRICH_STATE_DIR));
    props.put(
        StreamsConfig.REPLICATION_FACTOR_CONFIG,
        (int) config.getShort(WirestreamConfig.TOPIC_REPLICATION_FACTOR));
    props.putIfAbsent(
        StreamsConfig.consumerPrefix(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG), "earliest");
    props.putIfAbsent(StreamsConfig.producerPrefix(ProducerConfig.COMPRESSION_TYPE_CONFIG), "lz4");
    props.putIfAbsent(StreamsConfig.COMMIT_INTERVAL_MS_CONFIG, "200");
    return props;
  }

  /**
   * Stops processing and leaves the consumer group, so that another instance takes over this one's
   * partitions at once instead of after the session timeout.
   */
  @Override
  public void close() {
    if (streams != null) {
      streams.close(
          CloseOptions.groupMembershipOperation(CloseOptions.GroupMembershipOperation.LEAVE_GROUP)
              .withTimeout(Duration.ofSeconds(30)));
    }
  }
}
