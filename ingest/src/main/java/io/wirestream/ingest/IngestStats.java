package io.wirestream.ingest;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.wirestream.common.dlq.Stage;
import io.wirestream.ops.PipelineMeters;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Running counts of an ingest: thread-safe, since producer callbacks update them. Each count also
 * moves the matching meter ({@link PipelineMeters}, stage {@code ingest}).
 */
public final class IngestStats {

  static final String FEED_FETCHES = "wirestream.feed.fetches";
  static final String PAGES_FETCHED = "wirestream.pages.fetched";
  private static final String STAGE = Stage.INGEST.label();

  private final PipelineMeters meters;

  private final AtomicLong files = new AtomicLong();
  private final AtomicLong read = new AtomicLong();
  private final AtomicLong rejected = new AtomicLong();
  private final AtomicLong published = new AtomicLong();
  private final AtomicLong deadLettered = new AtomicLong();
  private final AtomicLong failed = new AtomicLong();
  private final AtomicLong retried = new AtomicLong();
  private final AtomicLong rejectionsDeadLettered = new AtomicLong();
  private final AtomicLong pages = new AtomicLong();
  private final AtomicLong pagesExtracted = new AtomicLong();

  /** Counts without meters. */
  public IngestStats() {
    this(PipelineMeters.none(STAGE));
  }

  /** Counts that also move meters in {@code registry}. */
  public IngestStats(MeterRegistry registry) {
    this(new PipelineMeters(registry, STAGE).declare(RejectReason.ALL, List.of(STAGE)));
  }

  private IngestStats(PipelineMeters meters) {
    this.meters = meters;
  }

  MeterRegistry registry() {
    return meters.registry();
  }

  void countFile() {
    files.incrementAndGet();
  }

  void countRead() {
    read.incrementAndGet();
    meters.in();
  }

  /**
   * An input record that was not an article; public for the feed poller, which rejects feed items
   * outside this package.
   *
   * @param reason the rejection's text, reduced to its {@link RejectReason} class for the meter
   */
  public void countRejected(String reason) {
    rejected.incrementAndGet();
    meters.in();
    meters.rejected(RejectReason.classOf(reason));
  }

  void countPublished() {
    published.incrementAndGet();
    meters.out();
  }

  void countDeadLettered() {
    deadLettered.incrementAndGet();
    meters.deadLettered(STAGE);
  }

  /** One feed fetch ended with {@code status} (a {@code FeedPoller.Status} name). */
  public void countFetch(String status) {
    Counter.builder(FEED_FETCHES)
        .description("Feed fetches by outcome")
        .tag("status", status.toLowerCase(Locale.ROOT))
        .register(meters.registry())
        .increment();
  }

  /**
   * One article page a feed item links to came to {@code outcome} ({@code extracted}, {@code
   * no_text}, {@code failed}, {@code disallowed}).
   */
  public void countPage(String outcome) {
    pages.incrementAndGet();
    if (outcome.equals("extracted")) {
      pagesExtracted.incrementAndGet();
    }
    Counter.builder(PAGES_FETCHED)
        .description("Article pages of feed items, by outcome")
        .tag("outcome", outcome)
        .register(meters.registry())
        .increment();
  }

  /** Article pages of feed items tried, whatever came of them. */
  public long pages() {
    return pages.get();
  }

  /** Article pages of feed items whose text was extracted and published as the body. */
  public long pagesExtracted() {
    return pagesExtracted.get();
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
