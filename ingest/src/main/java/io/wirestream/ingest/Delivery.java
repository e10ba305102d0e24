package io.wirestream.ingest;

import java.util.function.Consumer;

/**
 * The records of one unit of input (a file, a feed fetch) on their way to the broker. It is
 * complete once it is sealed (no more records come) and every record it was given is acknowledged,
 * dead-lettered or given up on; only a complete delivery without records given up may count its
 * input as done.
 */
public final class Delivery {

  private final String origin;
  private final Consumer<Delivery> onComplete;
  private long handedOver;
  private long pending;
  private long published;
  private long deadLettered;
  private long undelivered;
  private long rejected;
  private boolean sealed;
  private boolean completed;

  Delivery(String origin, Consumer<Delivery> onComplete) {
    this.origin = origin;
    this.onComplete = onComplete;
  }

  /** What the records came from: a file name or feed URL. */
  public String origin() {
    return origin;
  }

  synchronized void added() {
    if (sealed) {
      throw new IllegalStateException("delivery of " + origin + " is sealed");
    }
    handedOver++;
    pending++;
  }

  /** Counts a record of this input that was not an article, for the report. */
  public synchronized void countRejected() {
    rejected++;
  }

  void markPublished() {
    finished(1, 0, 0);
  }

  void markDeadLettered() {
    finished(0, 1, 0);
  }

  void markUndelivered() {
    finished(0, 0, 1);
  }

  /** No more records will be added; completes now if none is pending. */
  public void seal() {
    synchronized (this) {
      sealed = true;
    }
    completeIfDone();
  }

  private void finished(long ok, long dead, long lost) {
    synchronized (this) {
      pending--;
      published += ok;
      deadLettered += dead;
      undelivered += lost;
    }
    completeIfDone();
  }

  /** Runs the listener exactly once, outside the lock: it may take locks of its own. */
  private void completeIfDone() {
    synchronized (this) {
      if (completed || !sealed || pending > 0) {
        return;
      }
      completed = true;
    }
    onComplete.accept(this);
  }

  /** True once no more records come. */
  public synchronized boolean isSealed() {
    return sealed;
  }

  public synchronized boolean isComplete() {
    return completed;
  }

  /** Complete, and every record acknowledged on the raw or dead-letter topic. */
  public synchronized boolean succeeded() {
    return completed && undelivered == 0;
  }

  public synchronized long handedOver() {
    return handedOver;
  }

  public synchronized long published() {
    return published;
  }

  public synchronized long deadLettered() {
    return deadLettered;
  }

  public synchronized long undelivered() {
    return undelivered;
  }

  public synchronized long rejected() {
    return rejected;
  }
}
