package io.wirestream.ingest;

import io.micrometer.core.instrument.binder.kafka.KafkaClientMetrics;
import io.wirestream.common.config.WirestreamConfig;
import io.wirestream.common.dlq.DeadLetterStamp;
import io.wirestream.common.dlq.Stage;
import io.wirestream.common.model.Article;
import io.wirestream.common.topic.Topics;
import io.wirestream.ingest.format.ParseResult;
import io.wirestream.ingest.state.KafkaIngestState;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.errors.RecordBatchTooLargeException;
import org.apache.kafka.common.errors.RecordTooLargeException;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.Serializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Publishes articles to the raw topic, keyed by article id, and sees each one through to the
 * broker.
 *
 * <p>The producer is idempotent with {@code acks=all}. A record the broker does not acknowledge
 * within {@code delivery.timeout.ms} for a reason that passes (broker down, leader moving) is sent
 * again with backoff and jitter until {@code ingest.send.give.up.ms} after its first attempt; a
 * record refused for good (too large for the broker, say) goes to the dead-letter topic with the
 * reason and its file and line. Re-sending after a timeout can duplicate a record the broker did
 * write, which downstream stages treat as the same article (same key and id): delivery is at least
 * once.
 *
 * <p>With {@code ingest.exactly.once} (the default) the producer is transactional instead: records
 * and the state marks that describe them are committed together every commit interval (see {@link
 * Transactions}), a record counts as delivered once its transaction is committed, and a restarted
 * ingest publishes nothing twice.
 *
 * <p>Records are grouped in {@link Delivery deliveries}, one per file or feed fetch, so callers
 * learn when all of an input's records are safe. Memory is bounded: {@link #publish} blocks while
 * {@value #MAX_OUTSTANDING_BYTES} bytes of records are unacknowledged. Thread-safe.
 */
public final class ArticlePublisher implements AutoCloseable {

  private static final Logger LOG = LoggerFactory.getLogger(ArticlePublisher.class);

  static final String STAGE = Stage.INGEST.label();

  /** Batch header and the record's own length fields, rounded up. */
  static final int RECORD_OVERHEAD_BYTES = 128;

  static final long MAX_OUTSTANDING_BYTES = 32L << 20;
  static final Duration DEFAULT_DELIVERY_TIMEOUT = Duration.ofMinutes(1);
  private static final int MAX_LOGGED_FAILURES = 20;
  private static final Duration CLOSE_TIMEOUT = Duration.ofSeconds(30);

  private final Producer<String, byte[]> producer;
  private final String topic;
  private final String deadLetterTopic;
  private final Serializer<Article> serializer;
  private final int maxRecordBytes;
  private final RetryPolicy retry;
  private final IngestStats stats;
  private final Clock clock;
  private final BrokerContact contact;
  private final ScheduledExecutorService retrier;
  private final AtomicLong loggedFailures = new AtomicLong();
  private final Object lock = new Object();
  private long outstandingRecords;
  private long outstandingBytes;
  private final KafkaClientMetrics producerMetrics;
  private final Transactions transactions;
  private volatile boolean closed;

  public ArticlePublisher(WirestreamConfig config, Topics topics, IngestStats stats, Clock clock) {
    this(config, topics, stats, clock, null);
  }

  /**
   * @param instance the name of this ingest when {@code ingest.instance.id} is empty (see {@link
   *     io.wirestream.ingest.source.Sources.Request#instanceName}); null for a random one
   */
  public ArticlePublisher(
      WirestreamConfig config, Topics topics, IngestStats stats, Clock clock, String instance) {
    this(
        new KafkaProducer<>(
            producerProperties(config, instance),
            new StringSerializer(),
            new ByteArraySerializer()),
        topics,
        maxRequestSize(producerProperties(config)),
        RetryPolicy.givingUpAfter(
            Duration.ofMillis(config.getLong(WirestreamConfig.INGEST_SEND_GIVE_UP_MS))),
        stats,
        clock,
        config.getBoolean(WirestreamConfig.INGEST_EXACTLY_ONCE)
            ? Duration.ofMillis(config.getLong(WirestreamConfig.INGEST_COMMIT_INTERVAL_MS))
            : null);
  }

  ArticlePublisher(
      Producer<String, byte[]> producer,
      Topics topics,
      int maxRecordBytes,
      RetryPolicy retry,
      IngestStats stats,
      Clock clock) {
    this(producer, topics, maxRecordBytes, retry, stats, clock, null);
  }

  /**
   * @param commitInterval how often to commit the transaction; null for a producer that is not
   *     transactional (at least once)
   */
  ArticlePublisher(
      Producer<String, byte[]> producer,
      Topics topics,
      int maxRecordBytes,
      RetryPolicy retry,
      IngestStats stats,
      Clock clock,
      Duration commitInterval) {
    this.producer = producer;
    this.topic = topics.raw().name();
    this.deadLetterTopic = topics.deadLetter().name();
    this.serializer = topics.raw().valueSerde().serializer();
    this.maxRecordBytes = maxRecordBytes;
    this.retry = retry;
    this.stats = stats;
    this.clock = clock;
    this.contact = new BrokerContact(topic);
    this.producerMetrics = new KafkaClientMetrics(producer);
    producerMetrics.bindTo(stats.registry());
    this.transactions =
        commitInterval == null
            ? null
            : new Transactions(
                producer, retry, commitInterval, MAX_OUTSTANDING_BYTES, new TransactionOutcomes());
    this.retrier =
        Executors.newSingleThreadScheduledExecutor(
            runnable -> {
              Thread thread = new Thread(runnable, "wirestream-ingest-resend");
              thread.setDaemon(true);
              return thread;
            });
  }

  static Properties producerProperties(WirestreamConfig config) {
    return producerProperties(config, null);
  }

  static Properties producerProperties(WirestreamConfig config, String defaultInstance) {
    Properties props = config.kafkaProperties();
    props.putIfAbsent(ProducerConfig.CLIENT_ID_CONFIG, "wirestream-ingest");
    props.put(ProducerConfig.ACKS_CONFIG, "all");
    props.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, "true");
    props.putIfAbsent(ProducerConfig.COMPRESSION_TYPE_CONFIG, "lz4");
    props.putIfAbsent(ProducerConfig.LINGER_MS_CONFIG, "20");
    props.putIfAbsent(ProducerConfig.BATCH_SIZE_CONFIG, Integer.toString(256 * 1024));
    if (config.getBoolean(WirestreamConfig.INGEST_EXACTLY_ONCE)) {
      String instance = config.getString(WirestreamConfig.INGEST_INSTANCE_ID).strip();
      if (instance.isEmpty()) {
        instance = defaultInstance == null ? UUID.randomUUID().toString() : defaultInstance;
      }
      props.put(ProducerConfig.TRANSACTIONAL_ID_CONFIG, "wirestream-ingest-" + instance);
      // Kafka's default. Without an instance id, a killed instance's open transaction holds up
      // readers of news.raw this long; shorter, a page fetch that holds the loop up can outlast it.
      props.putIfAbsent(ProducerConfig.TRANSACTION_TIMEOUT_CONFIG, "60000");
    }
    // Short enough that an outage shows in the log within a minute; the publisher, not the
    // producer, decides how long to keep trying. Kafka requires it to cover linger plus request.
    long floor =
        Long.parseLong(props.getProperty(ProducerConfig.LINGER_MS_CONFIG))
            + Long.parseLong(props.getProperty(ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, "30000"));
    props.putIfAbsent(
        ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG,
        Long.toString(Math.max(DEFAULT_DELIVERY_TIMEOUT.toMillis(), floor)));
    return props;
  }

  static int maxRequestSize(Properties props) {
    return Integer.parseInt(
        props.getProperty(ProducerConfig.MAX_REQUEST_SIZE_CONFIG, Integer.toString(1 << 20)));
  }

  /** The most a serialized record may take, key and overhead included. */
  public int maxRecordBytes() {
    return maxRecordBytes;
  }

  /**
   * Starts a delivery for the records of one input.
   *
   * @param onComplete called once, on whatever thread completes it, when the delivery is sealed and
   *     every record is resolved
   */
  public Delivery open(String origin, Consumer<Delivery> onComplete) {
    return new Delivery(origin, onComplete);
  }

  /**
   * Hands an article over for delivery as part of {@code delivery}; blocks while too many bytes are
   * unacknowledged.
   *
   * @return null if accepted, else why not (the record is larger than the producer may send)
   */
  public String publish(Delivery delivery, Article article, String location) {
    Article stamped = article.withIngestedAt(clock.instant());
    byte[] key = stamped.id().getBytes(StandardCharsets.UTF_8);
    byte[] value = serializer.serialize(topic, stamped);
    long size = (long) key.length + value.length + RECORD_OVERHEAD_BYTES;
    if (size > maxRecordBytes) {
      return "record of "
          + size
          + " bytes is larger than the producer may send (max.request.size "
          + maxRecordBytes
          + ")";
    }
    stats.countRead();
    delivery.added();
    reserve(size);
    attempt(new Send(Send.Kind.ARTICLE, delivery, location, stamped.id(), value, size));
    return null;
  }

  /**
   * Sends a record that was not an article (bad date, broken JSON...) to the dead-letter topic with
   * the reason and its file and line, so that it is on record and not only on standard error. Key
   * and value are empty: a source has only the location of what it could not read.
   */
  public void deadLetterRejected(String origin, ParseResult.Rejected rejected) {
    Delivery delivery = new Delivery(origin, d -> {});
    delivery.added();
    delivery.seal();
    // No key: the key of a letter is an article id, and a record that is no article has none.
    Send send =
        new Send(
            Send.Kind.REJECTION, delivery, rejected.location(), null, null, RECORD_OVERHEAD_BYTES);
    send.topic = deadLetterTopic;
    send.headers =
        DeadLetterStamp.reasons(
            Stage.INGEST,
            "ingest: " + rejected.reason(),
            "",
            new DeadLetterStamp.Input(topic, origin, lineOf(origin, rejected.location())));
    reserve(send.bytes);
    attempt(send);
  }

  /** Records handed over and not yet acknowledged, dead-lettered or given up on. */
  public long pending() {
    synchronized (lock) {
      return outstandingRecords;
    }
  }

  /**
   * Waits until every record handed over so far is resolved.
   *
   * @return false if some were still pending when {@code timeout} ran out
   */
  public boolean awaitIdle(Duration timeout) throws InterruptedException {
    long deadline = System.nanoTime() + timeout.toNanos();
    if (transactions != null) {
      transactions.commitNow();
    }
    synchronized (lock) {
      while (outstandingRecords > 0) {
        long left = deadline - System.nanoTime();
        if (left <= 0) {
          return false;
        }
        TimeUnit.NANOSECONDS.timedWait(lock, left);
      }
      return true;
    }
  }

  /** True while sends fail for a reason expected to pass, until one succeeds. */
  public boolean brokerLost() {
    return contact.lost();
  }

  private void attempt(Send send) {
    if (send.topic == null) {
      send.topic = topic;
    }
    if (transactions != null) {
      transactions.send(send);
      return;
    }
    ProducerRecord<String, byte[]> record =
        new ProducerRecord<>(send.topic, null, send.key, send.value, send.headers);
    try {
      producer.send(record, (metadata, error) -> resolved(send, error));
    } catch (RuntimeException e) {
      // Errors the producer throws rather than reports (closed, interrupted) are handled alike.
      resolved(send, e);
    }
  }

  private void resolved(Send send, Throwable error) {
    if (error == null) {
      contact.succeeded();
      if (send.kind == Send.Kind.REJECTION) {
        stats.countRejectionDeadLettered();
        send.delivery.markDeadLettered();
      } else if (send.kind == Send.Kind.DEAD_LETTER) {
        stats.countDeadLettered();
        send.delivery.markDeadLettered();
      } else {
        stats.countPublished();
        send.delivery.markPublished();
      }
      release(send);
    } else if (SendErrors.retriable(error)) {
      contact.failed(error);
      send.failures++;
      if (closed || retry.exhausted(send.firstAttemptNanos, System.nanoTime())) {
        giveUp(send, error);
        return;
      }
      stats.countRetried();
      try {
        retrier.schedule(
            () -> attempt(send), retry.backoff(send.failures).toMillis(), TimeUnit.MILLISECONDS);
      } catch (RejectedExecutionException e) {
        giveUp(send, error);
      }
    } else if (!send.deadLetter()) {
      deadLetter(send, error);
    } else {
      giveUp(send, error);
    }
  }

  /** Re-routes a record the raw topic refused for good to the dead-letter topic, with why. */
  private void deadLetter(Send send, Throwable error) {
    readdress(send, error);
    try {
      // Not from this callback: on the producer's I/O thread a send waiting for the dead-letter
      // topic's metadata would wait for the very thread that fetches it.
      retrier.execute(() -> attempt(send));
    } catch (RejectedExecutionException e) {
      giveUp(send, error);
    }
  }

  /** Addresses a refused article to the dead-letter topic, with why in its headers. */
  private void readdress(Send send, Throwable error) {
    String reason = "ingest: " + SendErrors.describe(error);
    boolean tooLarge =
        error instanceof RecordTooLargeException || error instanceof RecordBatchTooLargeException;
    if (tooLarge) {
      // The dead-letter topic would refuse the same bytes; the headers still say what was lost.
      send.value = null;
      reason += " (value of " + send.bytes + " bytes not kept)";
    }
    Headers headers =
        DeadLetterStamp.reasons(
            Stage.INGEST,
            reason,
            error.getClass().getName(),
            new DeadLetterStamp.Input(
                topic, send.delivery.origin(), lineOf(send.delivery.origin(), send.location)));
    send.headers = headers;
    send.topic = deadLetterTopic;
    send.kind = Send.Kind.DEAD_LETTER;
    LOG.warn("dead-lettering {}: {}", send.location, reason);
  }

  private void giveUp(Send send, Throwable error) {
    if (send.kind == Send.Kind.STATE) {
      // Only the memory of it is lost: the source is read again after a restart.
      LOG.warn("ingest state of {} not saved: {}", send.key, SendErrors.describe(error));
      return;
    }
    if (send.kind == Send.Kind.REJECTION) {
      // The record was lost at reading already; only its report did not reach the topic.
      LOG.warn("could not dead-letter the rejection at {}: {}", send.location, error.toString());
      send.delivery.markUndelivered();
      release(send);
      return;
    }
    stats.countFailed();
    if (loggedFailures.incrementAndGet() <= MAX_LOGGED_FAILURES) {
      LOG.error(
          "gave up on article {} from {} after {} attempts over {} s: {}",
          send.key,
          send.location,
          send.failures + 1,
          (System.nanoTime() - send.firstAttemptNanos) / 1_000_000_000L,
          SendErrors.describe(error));
    }
    send.delivery.markUndelivered();
    release(send);
  }

  /** {@code FILE:LINE} gives {@code LINE}; {@code FEED#item N} gives {@code item N}. */
  static String lineOf(String origin, String location) {
    if (location.startsWith(origin) && location.length() > origin.length()) {
      return location.substring(origin.length() + 1);
    }
    return location;
  }

  private static void put(Headers headers, String name, String value) {
    headers.add(name, value.getBytes(StandardCharsets.UTF_8));
  }

  private void reserve(long bytes) {
    synchronized (lock) {
      // With transactions the open transaction is the bound: it commits when it is full.
      while (transactions == null
          && outstandingRecords > 0
          && outstandingBytes + bytes > MAX_OUTSTANDING_BYTES) {
        try {
          lock.wait(1_000);
        } catch (InterruptedException e) {
          // Keep the flag for the caller's next blocking call; this record still goes out.
          Thread.currentThread().interrupt();
          break;
        }
      }
      outstandingRecords++;
      outstandingBytes += bytes;
    }
  }

  private void release(Send send) {
    synchronized (lock) {
      outstandingRecords--;
      outstandingBytes -= send.bytes;
      lock.notifyAll();
    }
  }

  /** True if records are published in transactions (exactly once). */
  public boolean transactional() {
    return transactions != null;
  }

  /**
   * With transactions, makes {@code thread} the one that commits (the ingest loop), waking it with
   * {@code wake} when a record waits for room; null lets any caller commit.
   */
  public void commitOn(Thread thread, Runnable wake) {
    if (transactions != null) {
      transactions.owner(thread, wake);
    }
  }

  /**
   * With transactions, has {@code writeMarks} run before every commit, on the committing thread: it
   * puts the state marks of everything its source handed over so far, so that they are committed
   * with those records. Registering under the same key again changes nothing.
   */
  public void beforeCommit(Object key, Runnable writeMarks) {
    if (transactions != null) {
      transactions.checkpoint(key, writeMarks);
    }
  }

  /**
   * Runs a hand-over and the bookkeeping that goes with it with no commit in between, for sources
   * that hand over from threads of their own.
   */
  public void atomically(Runnable section) {
    if (transactions == null) {
      section.run();
    } else {
      transactions.atomically(section);
    }
  }

  /** Sends a state mark in the open transaction. Only with transactions. */
  public void sendState(String stateTopic, String key, byte[] value) {
    if (transactions == null) {
      throw new IllegalStateException("state marks go through the publisher only in transactions");
    }
    Send send = new Send(Send.Kind.STATE, null, key, key, value, RECORD_OVERHEAD_BYTES);
    send.topic = stateTopic;
    transactions.send(send);
  }

  /** With transactions, has {@code state} put its marks in them, committed with the articles. */
  public void carry(KafkaIngestState state) {
    if (transactions == null) {
      return;
    }
    state.through(
        new KafkaIngestState.Transaction() {
          @Override
          public void send(String stateTopic, String key, byte[] value) {
            sendState(stateTopic, key, value);
          }

          @Override
          public void commitNow() {
            ArticlePublisher.this.commitNow();
          }
        });
  }

  /** With transactions, commits if the commit interval has passed; on the committing thread. */
  public void commitIfDue() {
    if (transactions != null) {
      transactions.commitIfDue();
    }
  }

  /** With transactions, commits what waits now; on the committing thread. */
  public void commitNow() {
    if (transactions != null) {
      transactions.commitNow();
    }
  }

  /** How long until {@link #commitIfDue} has work. */
  public Duration untilCommitDue() {
    return transactions == null ? Duration.ofDays(1) : transactions.untilDue();
  }

  /** Gives up retrying failed commits, for a stop while the broker is away. */
  public void stopRetrying() {
    if (transactions != null) {
      transactions.stopRetrying();
    }
  }

  /** Why this publisher cannot publish any more (another instance took its id, say), or null. */
  public RuntimeException fatal() {
    return transactions == null ? null : transactions.fatal();
  }

  /** How transactions resolve records: the same bookkeeping as acknowledgements without them. */
  private final class TransactionOutcomes implements Transactions.Outcomes {
    @Override
    public void committed(Send send) {
      if (send.kind != Send.Kind.STATE) {
        resolved(send, null);
      }
    }

    @Override
    public boolean reroute(Send send, Throwable error) {
      readdress(send, error);
      return true;
    }

    @Override
    public void gaveUp(Send send, Throwable error) {
      giveUp(send, error);
    }

    @Override
    public void retrying(Throwable error) {
      contact.failed(error);
      stats.countRetried();
    }

    @Override
    public void succeeded() {
      contact.succeeded();
    }
  }

  /**
   * Stops re-sending and closes the producer; records still pending are not delivered (callers wait
   * with {@link #awaitIdle} first and report what is left).
   */
  @Override
  public void close() {
    closed = true;
    if (transactions != null) {
      transactions.abandon();
    }
    retrier.shutdownNow();
    producerMetrics.close();
    producer.close(CLOSE_TIMEOUT);
  }

  /** Empty while the broker takes sends; otherwise why not, for {@code /health/ready}. */
  public Optional<String> problem() {
    if (closed) {
      return Optional.of("publisher closed");
    }
    RuntimeException fatal = fatal();
    if (fatal != null) {
      return Optional.of("cannot publish: " + SendErrors.describe(fatal));
    }
    return contact.lost()
        ? Optional.of("sends to " + topic + " failing: broker unreachable")
        : Optional.empty();
  }
}
