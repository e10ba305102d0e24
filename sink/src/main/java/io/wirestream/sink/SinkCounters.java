package io.wirestream.sink;

import io.micrometer.core.instrument.composite.CompositeMeterRegistry;
import java.time.Duration;

/** Running totals of the sink, readable from any thread, with a way to wait for a total. */
final class SinkCounters {

  private final SinkMeters meters;

  private long stored;
  private long stale;
  private long deadLettered;
  private long retries;

  /** Counters without meters. */
  SinkCounters() {
    this(new SinkMeters(new CompositeMeterRegistry()));
  }

  SinkCounters(SinkMeters meters) {
    this.meters = meters;
  }

  synchronized void batchDone(long storedRecords, long staleRecords, long deadLetteredRecords) {
    stored += storedRecords;
    stale += staleRecords;
    deadLettered += deadLetteredRecords;
    notifyAll();
  }

  synchronized void retried() {
    retries++;
    meters.retried();
  }

  synchronized SinkStats snapshot() {
    return new SinkStats(stored, stale, deadLettered, retries);
  }

  /** Waits until at least {@code records} records are processed; false on timeout. */
  synchronized boolean awaitProcessed(long records, Duration timeout) throws InterruptedException {
    long deadline = System.nanoTime() + timeout.toNanos();
    while (stored + stale + deadLettered < records) {
      long left = deadline - System.nanoTime();
      if (left <= 0) {
        return false;
      }
      wait(Math.max(1, left / 1_000_000));
    }
    return true;
  }
}
