package io.wirestream.sink;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.kafka.KafkaClientMetrics;
import io.micrometer.core.instrument.composite.CompositeMeterRegistry;
import io.wirestream.common.config.Secrets;
import io.wirestream.common.config.WirestreamConfig;
import io.wirestream.common.dlq.ErrorSummary;
import io.wirestream.common.dlq.Stage;
import io.wirestream.common.kafka.BrokerWatch;
import io.wirestream.common.topic.Topics;
import io.wirestream.ops.ConsumerLag;
import io.wirestream.sink.store.ArticleStore;
import java.time.Duration;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRebalanceListener;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.RetriableException;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Consumes the enriched topic into the article store, at least once: offsets are committed only
 * after the batch's database transaction has committed and its dead letters are acknowledged, and
 * the store's idempotent writes absorb the redeliveries that follow a crash or rebalance.
 *
 * <p>{@link #run()} blocks until {@link #close()} is called from another thread (or a fatal error);
 * the service owns the consumer, the dead-letter producer and the store, and closes them.
 */
public final class SinkService implements Runnable, AutoCloseable {

  private static final Logger LOG = LoggerFactory.getLogger(SinkService.class);

  static final Duration POLL_TIMEOUT = Duration.ofMillis(500);
  static final Duration CLOSE_TIMEOUT = Duration.ofSeconds(30);
  static final Duration FIRST_RETRY_DELAY = Duration.ofMillis(100);
  static final Duration MAX_RETRY_DELAY = Duration.ofSeconds(5);
  static final double RETRY_JITTER = 0.3;
  static final long BROKER_CHECK_MILLIS = 2_000;

  /**
   * Attempts per poll before a failing batch is rewound; with the delays above this stays well
   * inside the consumer's max.poll.interval.ms, so a database outage does not cost the group
   * membership.
   */
  static final int ATTEMPTS_PER_POLL = 5;

  private final Consumer<String, byte[]> consumer;
  private final String topic;
  private final String describe;
  private final BrokerWatch brokerWatch;
  private boolean commitsFailing;
  private final ArticleStore store;
  private final DeadLetters deadLetters;
  private final BatchProcessor processor;
  private final SinkMeters meters;
  private final SinkCounters counters;
  private final List<KafkaClientMetrics> clientMetrics;
  private volatile boolean assigned;
  private final CountDownLatch closing = new CountDownLatch(1);
  private final CountDownLatch stopped = new CountDownLatch(1);
  private final AtomicBoolean started = new AtomicBoolean();
  private volatile Throwable failure;

  /** A sink on the store named by {@code sink.store}. */
  public SinkService(WirestreamConfig config) {
    this(config, new CompositeMeterRegistry());
  }

  /** A sink on the store named by {@code sink.store}, with its meters in {@code registry}. */
  public SinkService(WirestreamConfig config, MeterRegistry registry) {
    this(config, ArticleStore.open(config.getString(WirestreamConfig.SINK_STORE)), registry);
  }

  /** A sink on a given store, which it takes over and closes (also if this constructor fails). */
  public SinkService(WirestreamConfig config, ArticleStore store) {
    this(config, store, new CompositeMeterRegistry());
  }

  /**
   * A sink on a given store, which it takes over and closes (also if this constructor fails), with
   * its meters and its Kafka clients' metrics in {@code registry}.
   */
  public SinkService(WirestreamConfig config, ArticleStore store, MeterRegistry registry) {
    this(
        Clients.open(config, store),
        store,
        new Topics(config),
        FIRST_RETRY_DELAY,
        describe(config, new Topics(config)),
        registry);
  }

  /** The store URL without its parameters, which may hold a user name and password. */
  private static String withoutParameters(String url) {
    int query = url.indexOf('?');
    return query < 0 ? url : url.substring(0, query);
  }

  private static String describe(WirestreamConfig config, Topics topics) {
    String instance = config.getString(WirestreamConfig.SINK_INSTANCE_ID);
    return "group "
        + config.getString(WirestreamConfig.SINK_GROUP_ID)
        + ", instance "
        + (instance.isBlank() ? "dynamic" : instance.strip())
        + ", "
        + topics.enriched().name()
        + " -> "
        + Secrets.mask(withoutParameters(config.getString(WirestreamConfig.SINK_STORE)))
        + " (dead letters to "
        + topics.deadLetter().name()
        + ")";
  }

  SinkService(
      Consumer<String, byte[]> consumer,
      Producer<String, byte[]> producer,
      ArticleStore store,
      Topics topics,
      Duration firstRetryDelay) {
    this(
        new Clients(consumer, producer),
        store,
        topics,
        firstRetryDelay,
        topics.enriched().name() + " -> store",
        new CompositeMeterRegistry());
  }

  private SinkService(
      Clients clients,
      ArticleStore store,
      Topics topics,
      Duration firstRetryDelay,
      String describe,
      MeterRegistry registry) {
    this.consumer = clients.consumer();
    this.meters = new SinkMeters(registry);
    this.counters = new SinkCounters(meters);
    this.clientMetrics =
        List.of(
            new KafkaClientMetrics(clients.consumer()), new KafkaClientMetrics(clients.producer()));
    clientMetrics.forEach(binder -> binder.bindTo(registry));
    ConsumerLag.register(registry, Stage.SINK.label(), consumer::metrics);
    this.topic = topics.enriched().name();
    this.describe = describe;
    this.brokerWatch = new BrokerWatch(consumer::metrics, LOG, "sink", BROKER_CHECK_MILLIS);
    this.store = store;
    this.deadLetters = new DeadLetters(clients.producer(), topics.deadLetter().name());
    Backoff backoff =
        new Backoff(firstRetryDelay, MAX_RETRY_DELAY, RETRY_JITTER, this::pauseUnlessClosing);
    this.processor =
        new BatchProcessor(
            store,
            new RecordDecoder(topics.enriched().valueSerde().deserializer()),
            deadLetters,
            backoff,
            ATTEMPTS_PER_POLL,
            counters);
  }

  private record Clients(Consumer<String, byte[]> consumer, Producer<String, byte[]> producer) {

    /** Creates both clients, closing whatever was opened (the store too) if one fails. */
    static Clients open(WirestreamConfig config, ArticleStore store) {
      Consumer<String, byte[]> consumer = null;
      try {
        consumer =
            new KafkaConsumer<>(
                consumerProperties(config), new StringDeserializer(), new ByteArrayDeserializer());
        return new Clients(
            consumer,
            new KafkaProducer<>(
                producerProperties(config), new StringSerializer(), new ByteArraySerializer()));
      } catch (RuntimeException e) {
        if (consumer != null) {
          closeQuietly(consumer, "consumer");
        }
        closeQuietly(store, "store");
        throw e;
      }
    }
  }

  static Properties consumerProperties(WirestreamConfig config) {
    Properties properties = config.kafkaProperties();
    properties.put(
        ConsumerConfig.GROUP_ID_CONFIG, config.getString(WirestreamConfig.SINK_GROUP_ID));
    // Enrich writes in transactions; reading uncommitted data could store an article whose
    // transaction is later aborted.
    properties.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
    properties.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
    properties.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
    properties.put(
        ConsumerConfig.MAX_POLL_RECORDS_CONFIG, config.getInt(WirestreamConfig.SINK_BATCH_SIZE));
    properties.putIfAbsent(ConsumerConfig.CLIENT_ID_CONFIG, "wirestream-sink");
    int session = config.getInt(WirestreamConfig.SINK_SESSION_TIMEOUT_MS);
    properties.putIfAbsent(ConsumerConfig.SESSION_TIMEOUT_MS_CONFIG, session);
    properties.putIfAbsent(ConsumerConfig.HEARTBEAT_INTERVAL_MS_CONFIG, session / 3);
    String instance = config.getString(WirestreamConfig.SINK_INSTANCE_ID);
    if (!instance.isBlank()) {
      properties.put(ConsumerConfig.GROUP_INSTANCE_ID_CONFIG, instance.strip());
    }
    return properties;
  }

  static Properties producerProperties(WirestreamConfig config) {
    Properties properties = config.kafkaProperties();
    properties.put(ProducerConfig.ACKS_CONFIG, "all");
    properties.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, "true");
    properties.putIfAbsent(ProducerConfig.CLIENT_ID_CONFIG, "wirestream-sink-dlq");
    return properties;
  }

  @Override
  public void run() {
    if (!started.compareAndSet(false, true)) {
      if (closing.getCount() == 0) {
        return; // closed before it ran: nothing to do
      }
      throw new IllegalStateException("the sink is already running or has run");
    }
    try {
      consumer.subscribe(List.of(topic), new LoggingRebalanceListener());
      LOG.info("sink started: {}", describe);
      while (closing.getCount() > 0) {
        ConsumerRecords<String, byte[]> batch = consumer.poll(POLL_TIMEOUT);
        brokerWatch.check(System.currentTimeMillis());
        if (!batch.isEmpty()) {
          long polled = System.nanoTime();
          meters.polled(batch.count());
          BatchOutcome outcome = processor.process(batch);
          if (apply(outcome)) {
            meters.batchCommitted(
                batch.count(),
                outcome.stored(),
                outcome.stale(),
                outcome.deadLettered(),
                System.nanoTime() - polled);
          }
        }
      }
    } catch (WakeupException e) {
      if (closing.getCount() > 0) {
        failure = e;
        throw e;
      }
    } catch (RuntimeException | Error e) {
      failure = e;
      // The summary, not the stack trace: driver exceptions deep in it carry article text.
      LOG.error("sink stopped: {}", ErrorSummary.of(e));
      LOG.debug("sink failure", e);
      throw e;
    } finally {
      closeResources();
      stopped.countDown();
      LOG.info("sink stopped: {}", counters.snapshot());
    }
  }

  /** True if the batch's offsets were committed. */
  private boolean apply(BatchOutcome outcome) {
    if (outcome.committed()) {
      if (commit(outcome.commit())) {
        // Counted only now, so a caller waiting for N records knows their offsets are committed.
        counters.batchDone(outcome.stored(), outcome.stale(), outcome.deadLettered());
        return true;
      }
    } else {
      // Nothing of the batch is committed; seeking back makes the next poll deliver it again
      // rather than the records after it.
      outcome.rewind().forEach(consumer::seek);
    }
    return false;
  }

  private boolean commit(Map<TopicPartition, OffsetAndMetadata> offsets) {
    try {
      try {
        consumer.commitSync(offsets);
      } catch (WakeupException e) {
        // close() was called while the batch was being written; finish its commit so a clean
        // shutdown does not replay it.
        consumer.commitSync(offsets);
      }
      if (commitsFailing) {
        commitsFailing = false;
        LOG.info("offsets committed again; recovered");
      }
      return true;
    } catch (WakeupException e) {
      throw e;
    } catch (KafkaException e) {
      // Typically a rebalance took the partitions away, or the broker is gone; the batch is
      // consumed again (by this sink or the partitions' new owner) and the idempotent store makes
      // that harmless.
      if (e instanceof RetriableException && !commitsFailing) {
        commitsFailing = true;
        LOG.info("lost the broker while committing offsets: {}", ErrorSummary.of(e));
      }
      LOG.warn("cannot commit offsets, the batch will be consumed again: {}", ErrorSummary.of(e));
      return false;
    }
  }

  private boolean pauseUnlessClosing(Duration delay) {
    try {
      return !closing.await(delay.toMillis(), TimeUnit.MILLISECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return false;
    }
  }

  /**
   * Says which partitions this sink holds, as the group hands them over, and remembers that the
   * group has answered (readiness).
   */
  private final class LoggingRebalanceListener implements ConsumerRebalanceListener {

    @Override
    public void onPartitionsAssigned(Collection<TopicPartition> partitions) {
      assigned = true;
      if (!partitions.isEmpty()) {
        LOG.info("sink assigned {}", partitions);
      }
    }

    @Override
    public void onPartitionsRevoked(Collection<TopicPartition> partitions) {
      if (!partitions.isEmpty()) {
        LOG.info("sink revoked {}", partitions);
      }
    }

    @Override
    public void onPartitionsLost(Collection<TopicPartition> partitions) {
      assigned = false;
      if (!partitions.isEmpty()) {
        LOG.info("sink lost {} (the group moved on without it)", partitions);
      }
    }
  }

  /**
   * Empty when the sink is consuming: it runs, the group has given it its assignment (possibly
   * none, when there are more sinks than partitions) and the last store write did not fail;
   * otherwise why not, for {@code /health/ready}. Whether a fresh connection to the store can be
   * had is {@code StoreProbe}'s to say.
   */
  public Optional<String> problem() {
    if (failure != null) {
      return Optional.of("sink stopped: " + ErrorSummary.of(failure));
    }
    if (closing.getCount() == 0) {
      return Optional.of("sink stopping");
    }
    if (!started.get()) {
      return Optional.of("sink not started");
    }
    if (!assigned) {
      return Optional.of("waiting for the consumer group to assign partitions of " + topic);
    }
    if (processor.storeDown()) {
      return Optional.of("store writes failing; retrying");
    }
    if (brokerWatch.lost()) {
      return Optional.of("broker unreachable");
    }
    return Optional.empty();
  }

  /** Totals so far; safe to call from any thread. */
  public SinkStats stats() {
    return counters.snapshot();
  }

  /**
   * Waits until at least {@code records} records have been processed (stored, stale or
   * dead-lettered); false if the timeout passed first.
   */
  public boolean awaitProcessed(long records, Duration timeout) throws InterruptedException {
    return counters.awaitProcessed(records, timeout);
  }

  /** Why {@link #run()} ended, if it ended on an error. */
  public Optional<Throwable> failure() {
    return Optional.ofNullable(failure);
  }

  /** Stops {@link #run()} after the batch in hand and waits for it to close the clients. */
  @Override
  public void close() {
    closing.countDown();
    if (started.compareAndSet(false, true)) {
      closeResources();
      stopped.countDown();
      return;
    }
    consumer.wakeup();
    try {
      if (!stopped.await(CLOSE_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS)) {
        LOG.warn("sink did not stop within {}", CLOSE_TIMEOUT);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private void closeResources() {
    clientMetrics.forEach(KafkaClientMetrics::close);
    closeQuietly(consumer, "consumer");
    closeQuietly(deadLetters, "dead-letter producer");
    closeQuietly(store, "store");
  }

  private static void closeQuietly(AutoCloseable resource, String name) {
    try {
      resource.close();
    } catch (Exception e) {
      LOG.warn("cannot close the sink's {}: {}", name, e.toString());
    }
  }
}
