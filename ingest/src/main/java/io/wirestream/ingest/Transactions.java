package io.wirestream.ingest;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.InvalidRecordException;
import org.apache.kafka.common.errors.AuthenticationException;
import org.apache.kafka.common.errors.AuthorizationException;
import org.apache.kafka.common.errors.InvalidTopicException;
import org.apache.kafka.common.errors.OutOfOrderSequenceException;
import org.apache.kafka.common.errors.ProducerFencedException;
import org.apache.kafka.common.errors.RecordBatchTooLargeException;
import org.apache.kafka.common.errors.RecordTooLargeException;
import org.apache.kafka.common.errors.TimeoutException;
import org.apache.kafka.common.errors.UnsupportedVersionException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The exactly-once half of {@link ArticlePublisher}: every record (article, dead letter, state
 * mark) goes into the open Kafka transaction, and the transaction is committed every commit
 * interval, or when its records reach the memory bound. Before each commit, the sources write marks
 * for everything handed over so far (their checkpoints), so that articles and the marks that say
 * they were published become visible together or not at all: the scheme of Kafka Connect's
 * exactly-once source connectors (KIP-618), with state marks as source offsets.
 *
 * <p>A record counts as delivered only once its transaction is committed. When a transaction fails,
 * it is aborted and every record of it sent again in a new one, so nothing is half published: a
 * record refused for good (too large) is re-addressed to the dead-letter topic first, and one the
 * dead-letter topic refuses too is given up; errors that pass (broker away) are retried with
 * backoff and jitter until {@code ingest.send.give.up.ms}, then the whole transaction is given up.
 * Errors no retry can cure (another instance took the transactional id, a refused authorisation)
 * are fatal: ingest stops, and a restart continues from the committed state.
 *
 * <p>Commits run on one thread, the owner (the ingest loop), because checkpoints read state that
 * the sources keep on that thread; other threads that hand records over wait for room instead.
 */
final class Transactions {

  private static final Logger LOG = LoggerFactory.getLogger(Transactions.class);

  /** What the publisher does with a record once its transaction's fate is known. */
  interface Outcomes {
    void committed(Send send);

    /** Re-addresses an article refused for good to the dead-letter topic; false if it cannot be. */
    boolean reroute(Send send, Throwable error);

    void gaveUp(Send send, Throwable error);

    void retrying(Throwable error);

    void succeeded();
  }

  private final Producer<String, byte[]> producer;
  private final RetryPolicy retry;
  private final long intervalNanos;
  private final long maxBytes;
  private final Outcomes outcomes;
  private final ReentrantLock lock = new ReentrantLock();
  private final Condition room = lock.newCondition();
  private final Map<Object, Runnable> checkpoints = new LinkedHashMap<>();
  private List<Send> buffer = new ArrayList<>();
  private long bufferBytes;
  private final AtomicLong errorOrder = new AtomicLong();
  private boolean initialised;
  private RuntimeException initFailure;
  private boolean open;
  private boolean inCheckpoint;
  private long lastCommitNanos = System.nanoTime();
  private volatile Thread owner;
  private volatile boolean stopRetrying;
  private volatile RuntimeException fatal;
  private volatile Runnable wake = () -> {};

  Transactions(
      Producer<String, byte[]> producer,
      RetryPolicy retry,
      Duration interval,
      long maxBytes,
      Outcomes outcomes) {
    this.producer = producer;
    this.retry = retry;
    this.intervalNanos = interval.toNanos();
    this.maxBytes = maxBytes;
    this.outcomes = outcomes;
  }

  /** The thread that commits from now on; null lets any caller commit (one-threaded use). */
  void owner(Thread thread, Runnable wakeOwner) {
    this.owner = thread;
    this.wake = wakeOwner == null ? () -> {} : wakeOwner;
  }

  private boolean mayCommit() {
    Thread o = owner;
    return o == null || o == Thread.currentThread();
  }

  /**
   * Registers what a source writes before every commit; registering the same key again is a no-op.
   */
  void checkpoint(Object key, Runnable writeMarks) {
    lock.lock();
    try {
      checkpoints.putIfAbsent(key, writeMarks);
    } finally {
      lock.unlock();
    }
  }

  /**
   * Runs {@code section} with no commit in the middle of it: hand-over and bookkeeping together.
   */
  void atomically(Runnable section) {
    lock.lock();
    try {
      section.run();
    } finally {
      lock.unlock();
    }
  }

  /** Adds a record to the open transaction, committing first (or waiting) when memory is full. */
  void send(Send send) {
    lock.lock();
    try {
      if (fatal != null) {
        outcomes.gaveUp(send, fatal);
        return;
      }
      boolean owner = mayCommit();
      if (send.kind != Send.Kind.STATE
          && owner
          && System.nanoTime() - lastCommitNanos >= intervalNanos) {
        // Before the send, not after: what the checkpoints see is then all committed, and a source
        // that reads one long file still commits on time.
        commit();
      }
      if (send.kind != Send.Kind.STATE && bufferBytes + send.bytes > maxBytes) {
        if (owner) {
          commit();
        } else {
          while (!buffer.isEmpty() && bufferBytes + send.bytes > maxBytes && fatal == null) {
            wake.run();
            room.await(200, TimeUnit.MILLISECONDS);
          }
        }
      }
      send.checkpoint = inCheckpoint;
      buffer.add(send);
      bufferBytes += send.bytes;
      transmit(send);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      buffer.add(send);
      bufferBytes += send.bytes;
      transmit(send);
    } finally {
      lock.unlock();
    }
  }

  private void transmit(Send send) {
    send.error = null;
    if (!initialised && initFailure != null) {
      // Each try may block for max.block.ms: one per round of attempts, not one per record.
      failed(send, initFailure);
      return;
    }
    try {
      if (!initialised) {
        try {
          producer.initTransactions();
        } catch (RuntimeException e) {
          initFailure = e;
          throw e;
        }
        initialised = true;
      }
      if (!open) {
        producer.beginTransaction();
        open = true;
      }
      producer.send(
          new ProducerRecord<>(send.topic, null, send.key, send.value, send.headers),
          (metadata, error) -> {
            if (error != null) {
              failed(send, error);
            }
          });
    } catch (RuntimeException e) {
      failed(send, e);
    }
  }

  private void failed(Send send, Throwable error) {
    send.errorOrder = errorOrder.incrementAndGet();
    send.error = error;
  }

  /** Commits if the interval has passed since the last commit and records are waiting. */
  void commitIfDue() {
    if (!mayCommit()) {
      return;
    }
    lock.lock();
    try {
      if (!buffer.isEmpty()
          && (System.nanoTime() - lastCommitNanos >= intervalNanos || bufferBytes >= maxBytes)) {
        commit();
      }
    } finally {
      lock.unlock();
    }
  }

  /** How long until {@link #commitIfDue} has work; a day when nothing waits. */
  Duration untilDue() {
    lock.lock();
    try {
      if (buffer.isEmpty()) {
        return Duration.ofDays(1);
      }
      return Duration.ofNanos(Math.max(0, intervalNanos - (System.nanoTime() - lastCommitNanos)));
    } finally {
      lock.unlock();
    }
  }

  /**
   * Commits now what is waiting; for shutdown, and before another instance may take over. On a
   * thread other than the owner it does nothing: the owner commits within the interval.
   */
  void commitNow() {
    if (!mayCommit()) {
      return;
    }
    lock.lock();
    try {
      commit();
    } finally {
      lock.unlock();
    }
  }

  /** Stops retrying failed commits: what is left is given up (SIGTERM while the broker is away). */
  void stopRetrying() {
    stopRetrying = true;
  }

  /**
   * Gives up what was not committed and aborts the open transaction, so that readers of the topics
   * need not wait for the broker to time it out.
   */
  void abandon() {
    stopRetrying = true;
    lock.lock();
    try {
      if (!buffer.isEmpty() || open) {
        giveUpAll(new IllegalStateException("publisher closed before the records were committed"));
      }
    } finally {
      lock.unlock();
    }
  }

  /** Why publishing stopped for good, or null. */
  RuntimeException fatal() {
    return fatal;
  }

  private void commit() {
    if (buffer.isEmpty() || fatal != null) {
      return;
    }
    writeCheckpoints();
    long firstFailure = 0;
    int failures = 0;
    while (true) {
      Throwable error = attempt();
      if (error == null) {
        lastCommitNanos = System.nanoTime();
        outcomes.succeeded();
        List<Send> done = buffer;
        buffer = new ArrayList<>();
        bufferBytes = 0;
        room.signalAll();
        done.forEach(outcomes::committed);
        return;
      }
      if (fatal(error)) {
        fail(error);
        return;
      }
      if (open) {
        try {
          producer.abortTransaction();
          open = false;
        } catch (RuntimeException e) {
          if (fatal(e)) {
            fail(e);
            return;
          }
          // A timed-out abort is tried again on the next round.
          error = e;
        }
      }
      boolean passing = settleRefused();
      if (passing) {
        failures++;
        if (firstFailure == 0) {
          firstFailure = System.nanoTime();
        }
        outcomes.retrying(error);
        if (stopRetrying || retry.exhausted(firstFailure, System.nanoTime())) {
          LOG.error(
              "gave up committing {} records after {} attempts: {}",
              buffer.size(),
              failures,
              SendErrors.describe(error));
          giveUpAll(error);
          return;
        }
        if (!sleep(retry.backoff(failures))) {
          giveUpAll(error);
          return;
        }
      }
      if (open) {
        continue; // the abort itself must be retried first
      }
      // The checkpoints are written again: a record given up changes what they may claim.
      buffer.removeIf(s -> s.checkpoint);
      bufferBytes = buffer.stream().mapToLong(s -> s.bytes).sum();
      initFailure = null;
      for (Send send : buffer) {
        transmit(send);
      }
      writeCheckpoints();
    }
  }

  /** Flushes and commits; returns what went wrong, or null once the transaction is committed. */
  private Throwable attempt() {
    if (open) {
      try {
        producer.flush();
      } catch (RuntimeException e) {
        return e;
      }
    }
    for (Send send : buffer) {
      if (send.error != null) {
        return send.error;
      }
    }
    if (!open) {
      return null; // nothing left to commit: the records were given up
    }
    try {
      producer.commitTransaction();
      open = false;
      return null;
    } catch (TimeoutException e) {
      // Kafka's contract: a commit that timed out is retried, not aborted. One more try, then the
      // error goes the way of any other.
      try {
        producer.commitTransaction();
        open = false;
        return null;
      } catch (RuntimeException again) {
        return again;
      }
    } catch (RuntimeException e) {
      return e;
    }
  }

  /**
   * Deals with the records refused for good after an abort: articles go to the dead-letter topic,
   * dead letters and marks refused there are given up.
   *
   * @return true if some error is of the kind that passes with time
   */
  private boolean settleRefused() {
    boolean passing = false;
    boolean refused = false;
    // Once a record is refused, the producer fails the records sent after it with the same
    // error: only the first record to get each error was refused itself.
    Set<Throwable> causes = Collections.newSetFromMap(new IdentityHashMap<>());
    Set<Send> culprits = Collections.newSetFromMap(new IdentityHashMap<>());
    buffer.stream()
        .filter(s -> s.error != null && refusedForGood(s.error))
        .sorted(Comparator.comparingLong(s -> s.errorOrder))
        .forEach(
            s -> {
              if (causes.add(s.error)) {
                culprits.add(s);
              }
            });
    List<Send> kept = new ArrayList<>(buffer.size());
    for (Send send : buffer) {
      Throwable error = send.error;
      if (culprits.contains(send)) {
        refused = true;
        if (send.kind == Send.Kind.ARTICLE && outcomes.reroute(send, error)) {
          kept.add(send);
        } else {
          outcomes.gaveUp(send, error);
        }
      } else {
        if (error != null && SendErrors.retriable(error)) {
          passing = true;
        }
        kept.add(send);
      }
    }
    if (!refused) {
      // Aborted for no record's fault (the commit itself failed): wait before retrying.
      passing = true;
    }
    // Settled: an error left on a record would be judged again, wrongly, if the abort has to be
    // retried before the records are sent again.
    kept.forEach(send -> send.error = null);
    buffer = kept;
    bufferBytes = kept.stream().mapToLong(s -> s.bytes).sum();
    room.signalAll();
    return passing;
  }

  private void writeCheckpoints() {
    inCheckpoint = true;
    try {
      for (Runnable checkpoint : List.copyOf(checkpoints.values())) {
        checkpoint.run();
      }
    } finally {
      inCheckpoint = false;
    }
  }

  private boolean sleep(Duration backoff) {
    try {
      long until = System.nanoTime() + backoff.toNanos();
      // In slices, so that stopRetrying() takes effect within a second.
      while (System.nanoTime() < until && !stopRetrying) {
        TimeUnit.NANOSECONDS.sleep(Math.min(until - System.nanoTime(), 200_000_000L));
      }
      return true;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return false;
    }
  }

  private void giveUpAll(Throwable error) {
    List<Send> lost = buffer;
    buffer = new ArrayList<>();
    bufferBytes = 0;
    room.signalAll();
    if (open) {
      try {
        producer.abortTransaction();
        open = false;
      } catch (RuntimeException e) {
        // The broker is away; it aborts the transaction itself after transaction.timeout.ms.
        LOG.debug("abort after giving up failed: {}", e.toString());
      }
    }
    lost.forEach(send -> outcomes.gaveUp(send, error));
  }

  private void fail(Throwable error) {
    fatal =
        error instanceof RuntimeException r
            ? r
            : new IllegalStateException(SendErrors.describe(error), error);
    LOG.error(
        "ingest cannot publish any more: {}{}",
        SendErrors.describe(error),
        error instanceof ProducerFencedException
            ? " (another ingest started with the same ingest.instance.id)"
            : "");
    open = false;
    giveUpAll(error);
  }

  static boolean refusedForGood(Throwable error) {
    return error instanceof RecordTooLargeException
        || error instanceof RecordBatchTooLargeException
        || error instanceof InvalidRecordException
        || error instanceof InvalidTopicException;
  }

  static boolean fatal(Throwable error) {
    // InvalidProducerEpochException is not among them: the broker timed the transaction out,
    // and it is aborted and sent again like any other.
    return error instanceof ProducerFencedException
        || error instanceof OutOfOrderSequenceException
        || error instanceof AuthorizationException
        || error instanceof AuthenticationException
        || error instanceof UnsupportedVersionException
        || error instanceof IllegalStateException;
  }
}
