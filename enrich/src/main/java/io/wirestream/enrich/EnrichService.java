package io.wirestream.enrich;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.kafka.KafkaStreamsMetrics;
import io.micrometer.core.instrument.composite.CompositeMeterRegistry;
import io.wirestream.common.config.WirestreamConfig;
import io.wirestream.common.dlq.ErrorSummary;
import io.wirestream.common.kafka.BrokerWatch;
import io.wirestream.common.topic.TopicAdmin;
import io.wirestream.common.topic.Topics;
import io.wirestream.enrich.nlp.NlpPipeline;
import io.wirestream.enrich.topology.DeadLetterProductionHandler;
import io.wirestream.enrich.topology.DedupOptions;
import io.wirestream.enrich.topology.EnrichMeters;
import io.wirestream.enrich.topology.EnrichTopology;
import io.wirestream.enrich.topology.FailedSends;
import io.wirestream.enrich.topology.ReplayFilter;
import io.wirestream.enrich.topology.SendLimit;
import io.wirestream.ops.ConsumerLag;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.streams.CloseOptions;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.ThreadMetadata;
import org.apache.kafka.streams.Topology;
import org.apache.kafka.streams.errors.MissingSourceTopicException;
import org.apache.kafka.streams.errors.StreamsUncaughtExceptionHandler.StreamThreadExceptionResponse;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Runs the enrich topology as a Kafka Streams application configured from Wirestream config. */
public final class EnrichService implements AutoCloseable {

  private static final Logger LOG = LoggerFactory.getLogger(EnrichService.class);
  private static final Duration BROKER_CHECK = Duration.ofSeconds(2);

  private final WirestreamConfig config;
  private final Topics topics;
  private final Properties properties;
  private final Topology topology;
  private final MeterRegistry registry;
  private KafkaStreamsMetrics streamsMetrics;
  private final ThreadReplacements replacements = new ThreadReplacements();
  private final FailedSends failedSends = new FailedSends();
  private long refusalsSeen;
  private KafkaStreams streams;
  private ScheduledExecutorService watcher;
  private Runnable onStop = () -> {};
  private volatile String fatal;

  /** The service running {@code pipeline}, typically {@link NlpPipeline#from} the same config. */
  public EnrichService(WirestreamConfig config, NlpPipeline pipeline) {
    this(config, pipeline, ReplayFilter.ALL);
  }

  /**
   * @param filter which raw records to enrich (a replay's range); the others are skipped
   */
  public EnrichService(WirestreamConfig config, NlpPipeline pipeline, ReplayFilter filter) {
    this(config, pipeline, filter, new CompositeMeterRegistry());
  }

  /**
   * @param registry where enrich's meters and its Kafka Streams metrics go
   */
  public EnrichService(
      WirestreamConfig config, NlpPipeline pipeline, ReplayFilter filter, MeterRegistry registry) {
    this.config = config;
    this.registry = registry;
    this.topics = new Topics(config);
    this.properties = streamsProperties(config);
    SendLimit limit = SendLimit.of(properties);
    properties.put(DeadLetterProductionHandler.FAILED_SENDS_CONFIG, failedSends);
    properties.put(
        DeadLetterProductionHandler.DEAD_LETTER_TOPIC_CONFIG, topics.deadLetter().name());
    this.topology =
        EnrichTopology.build(
            topics,
            pipeline::enricher,
            config.deadLetterOnError(),
            limit,
            failedSends,
            filter,
            pipeline.version(),
            new EnrichMeters(registry),
            dedupOptions(config));
  }

  static DedupOptions dedupOptions(WirestreamConfig config) {
    return new DedupOptions(
        config.getBoolean(WirestreamConfig.ENRICH_DEDUP_ENABLED),
        config.getInt(WirestreamConfig.ENRICH_DEDUP_SIMHASH_MAX_DISTANCE),
        Duration.ofMillis(config.getLong(WirestreamConfig.ENRICH_DEDUP_TITLE_WINDOW_MS)),
        Duration.ofMillis(config.getLong(WirestreamConfig.ENRICH_DEDUP_BODY_WINDOW_MS)),
        Clock.systemUTC());
  }

  /** Creates missing topics and starts processing; returns at once. */
  public void start() throws Exception {
    try (Admin admin = Admin.create(config.kafkaProperties())) {
      TopicAdmin.ensureTopics(admin, topics.specs());
    }
    streams = new KafkaStreams(topology, properties);
    streams.setUncaughtExceptionHandler(this::onThreadFailure);
    streams.setStateListener(
        (now, before) -> {
          LOG.info("enrich {} -> {}", before, now);
          if (now == KafkaStreams.State.RUNNING) {
            LOG.info("enrich assigned {}", assignedPartitions());
          }
          if (now == KafkaStreams.State.ERROR || now == KafkaStreams.State.NOT_RUNNING) {
            onStop.run();
          }
        });
    streamsMetrics = new KafkaStreamsMetrics(streams);
    streamsMetrics.bindTo(registry);
    ConsumerLag.register(registry, "enrich", streams::metrics);
    streams.start();
    BrokerWatch brokerWatch =
        new BrokerWatch(streams::metrics, LOG, "enrich", BROKER_CHECK.toMillis());
    watcher =
        Executors.newSingleThreadScheduledExecutor(
            task -> {
              Thread thread = new Thread(task, "wirestream-enrich-broker-watch");
              thread.setDaemon(true);
              return thread;
            });
    watcher.scheduleWithFixedDelay(
        () -> brokerWatch.check(System.currentTimeMillis()),
        BROKER_CHECK.toMillis(),
        BROKER_CHECK.toMillis(),
        TimeUnit.MILLISECONDS);
    LOG.info(
        "enrich started: application {}, instance {}, {} -> {} (dead letters to {}), policy {}",
        properties.get(StreamsConfig.APPLICATION_ID_CONFIG),
        config.getString(WirestreamConfig.ENRICH_INSTANCE_ID).isEmpty()
            ? "dynamic"
            : config.getString(WirestreamConfig.ENRICH_INSTANCE_ID),
        topics.raw().name(),
        topics.enriched().name(),
        topics.deadLetter().name(),
        config.getString(WirestreamConfig.ENRICH_ERROR_POLICY));
  }

  private StreamThreadExceptionResponse onThreadFailure(Throwable error) {
    String summary = ErrorSummary.of(error);
    long refusals = failedSends.remembered();
    if (config.deadLetterOnError() && refusals > refusalsSeen) {
      // The producer refused output of a record the handler has just remembered; the refusal
      // doomed the transaction and with it this thread. A fresh thread processes that record
      // again and dead-letters it, so each such replacement moves past one more record.
      refusalsSeen = refusals;
      LOG.info("stream thread stopped on a refused send; replacing it to dead-letter the record");
      return StreamThreadExceptionResponse.REPLACE_THREAD;
    }
    // Record failures are dead-lettered by the processor; what reaches this point is the runtime
    // failing (a broker away for longer than the clients wait) or a fault that would repeat.
    if (config.deadLetterOnError() && replacements.allow(error)) {
      LOG.warn("stream thread failed, lost the broker or a task; replacing it: {}", summary);
      return StreamThreadExceptionResponse.REPLACE_THREAD;
    }
    if (error instanceof MissingSourceTopicException) {
      // Kafka's message does not say which; enrich reads one topic.
      summary = "topic " + topics.raw().name() + " is missing: " + summary;
    }
    fatal = summary;
    LOG.error("stopping enrich: {}", summary);
    return StreamThreadExceptionResponse.SHUTDOWN_CLIENT;
  }

  private Set<String> assignedPartitions() {
    Set<String> partitions = new TreeSet<>();
    try {
      for (ThreadMetadata thread : streams.metadataForLocalThreads()) {
        thread
            .activeTasks()
            .forEach(
                task ->
                    task.topicPartitions().stream()
                        .map(TopicPartition::toString)
                        .forEach(partitions::add));
      }
    } catch (RuntimeException e) {
      LOG.debug("no thread metadata yet", e);
    }
    return partitions;
  }

  /** Called once the application has stopped, by {@link #close()} or by a fatal error. */
  public void onStop(Runnable callback) {
    this.onStop = callback;
  }

  /**
   * Empty when enrich is processing (Kafka Streams RUNNING, which it reaches only once the group
   * has handed out partitions); otherwise the state it is in, for {@code /health/ready}.
   */
  public Optional<String> problem() {
    KafkaStreams.State state = state();
    return state == KafkaStreams.State.RUNNING
        ? Optional.empty()
        : Optional.of("Kafka Streams is " + state);
  }

  public KafkaStreams.State state() {
    return streams == null ? KafkaStreams.State.CREATED : streams.state();
  }

  /** Why enrich stopped by itself, if it did: one line for the operator. */
  public Optional<String> failure() {
    return Optional.ofNullable(fatal);
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
    props.put(
        StreamsConfig.PRODUCTION_EXCEPTION_HANDLER_CLASS_CONFIG,
        DeadLetterProductionHandler.class.getName());
    int session = config.getInt(WirestreamConfig.ENRICH_SESSION_TIMEOUT_MS);
    props.putIfAbsent(
        StreamsConfig.consumerPrefix(ConsumerConfig.SESSION_TIMEOUT_MS_CONFIG), session);
    props.putIfAbsent(
        StreamsConfig.consumerPrefix(ConsumerConfig.HEARTBEAT_INTERVAL_MS_CONFIG), session / 3);
    String instance = config.getString(WirestreamConfig.ENRICH_INSTANCE_ID);
    if (!instance.isBlank()) {
      // Kafka Streams appends the thread index, so each thread's consumer has its own id.
      props.put(
          StreamsConfig.mainConsumerPrefix(ConsumerConfig.GROUP_INSTANCE_ID_CONFIG),
          instance.strip());
    }
    props.putIfAbsent(
        StreamsConfig.consumerPrefix(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG), "earliest");
    props.putIfAbsent(StreamsConfig.producerPrefix(ProducerConfig.COMPRESSION_TYPE_CONFIG), "lz4");
    props.putIfAbsent(
        StreamsConfig.COMMIT_INTERVAL_MS_CONFIG,
        config.getLong(WirestreamConfig.ENRICH_COMMIT_INTERVAL_MS));
    // The topology has no global store, so this changes nothing but the warning Streams writes at
    // every start while it is unset.
    props.putIfAbsent(StreamsConfig.PROCESSING_EXCEPTION_HANDLER_GLOBAL_ENABLED_CONFIG, true);
    return props;
  }

  /**
   * Stops processing and leaves the consumer group, so that another instance takes over this one's
   * partitions at once instead of after the session timeout.
   */
  @Override
  public void close() {
    if (watcher != null) {
      watcher.shutdownNow();
    }
    if (streams != null) {
      streams.close(
          CloseOptions.groupMembershipOperation(CloseOptions.GroupMembershipOperation.LEAVE_GROUP)
              .withTimeout(Duration.ofSeconds(30)));
      LOG.info("enrich stopped");
    }
    if (streamsMetrics != null) {
      streamsMetrics.close();
    }
  }
}
