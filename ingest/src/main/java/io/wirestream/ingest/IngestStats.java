package io.wirestream.ingest;

import java.util.concurrent.atomic.AtomicLong;

/** Running counts of an ingest: thread-safe, since producer callbacks update them. */
public final class IngestStats {

  private final AtomicLong files = new AtomicLong();
  private final AtomicLong read = new AtomicLong();
  private final AtomicLong rejected = new AtomicLong();
  private final AtomicLong published = new AtomicLong();
  private final AtomicLong failed = new AtomicLong();

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

  void countFailed() {
    failed.incrementAndGet();
  }

  public long files() {
    return files.get();
  }

  /** Articles parsed and handed to the producer. */
  public long read() {
    return read.get();
  }

  /** Input records that were not articles (bad date, broken JSON, ...). */
  public long rejected() {
    return rejected.get();
  }

  /** Articles the broker acknowledged. */
  public long published() {
    return published.get();
  }

  /** Articles the producer gave up on after its retries. */
  public long failed() {
    return failed.get();
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
        + " failed="
        + failed();
  }
}
