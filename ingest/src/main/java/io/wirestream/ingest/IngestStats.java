package io.wirestream.ingest;

import java.util.concurrent.atomic.AtomicLong;

/** Running counts of an ingest: thread-safe, since producer callbacks update them. */
public final class IngestStats {

  private final AtomicLong files = new AtomicLong();
  private final AtomicLong read = new AtomicLong();
  private final AtomicLong rejected = new AtomicLong();
  private final AtomicLong published = new AtomicLong();
  private final AtomicLong deadLettered = new AtomicLong();
  private final AtomicLong failed = new AtomicLong();
  private final AtomicLong retried = new AtomicLong();
  private final AtomicLong rejectionsDeadLettered = new AtomicLong();

  void countFile() {
    files.incrementAndGet();
  }

  void countRead() {
    read.incrementAndGet();
  }

  /** Public for the feed poller, which rejects feed items outside this package. */
  public void countRejected() {
    rejected.incrementAndGet();
  }

  void countPublished() {
    published.incrementAndGet();
  }

  void countDeadLettered() {
    deadLettered.incrementAndGet();
  }

  void countFailed() {
    failed.incrementAndGet();
  }

  void countRejectionDeadLettered() {
    rejectionsDeadLettered.incrementAndGet();
  }

  void countRetried() {
    retried.incrementAndGet();
  }

  /** Files read (a file read again after a failed delivery counts again). */
  public long files() {
    return files.get();
  }

  /** Articles parsed, accepted and handed to the producer. */
  public long read() {
    return read.get();
  }

  /** Input records that were not articles (bad date, broken JSON, too long, too large...). */
  public long rejected() {
    return rejected.get();
  }

  /** Articles the broker acknowledged on the raw topic. */
  public long published() {
    return published.get();
  }

  /** Articles the broker refused for good, acknowledged on the dead-letter topic instead. */
  public long deadLettered() {
    return deadLettered.get();
  }

  /** Articles given up on: not acknowledged on either topic within the give-up time. */
  public long failed() {
    return failed.get();
  }

  /** Rejected input records acknowledged on the dead-letter topic. */
  public long rejectionsDeadLettered() {
    return rejectionsDeadLettered.get();
  }

  /** Sends repeated after a failure that was expected to pass. */
  public long retried() {
    return retried.get();
  }

  @Override
  public String toString() {
    return "files="
        + files()
        + " read="
        + read()
        + " rejected="
        + rejected()
        + " published="
        + published()
        + " dead-lettered="
        + deadLettered()
        + " failed="
        + failed()
        + " re-sent="
        + retried();
  }
}
