package io.wirestream.ingest;

import java.io.PrintWriter;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs sources of articles into one publisher: polls each source when it has work, prints progress,
 * and stops when every source is finished (or, following, when told to). The one ingest loop; the
 * CLI commands and the demo only choose the sources.
 */
public final class IngestService implements AutoCloseable {

  private static final Logger LOG = LoggerFactory.getLogger(IngestService.class);

  /** Longest sleep between two looks at the sources, so progress lines come on time. */
  private static final Duration MAX_SLEEP = Duration.ofSeconds(1);

  private final List<ArticleSource> sources;
  private final ArticlePublisher publisher;
  private final IngestStats stats;
  private final IngestSink sink;
  private final IngestProgress progress;
  private final boolean follow;
  private final Semaphore wakeups = new Semaphore(0);
  private volatile boolean stopped;
  private volatile boolean running;

  /**
   * @param follow keep running after every source is finished, until {@link #stop}
   * @param progressMillis interval of progress lines on {@code err}; 0 for none
   */
  public IngestService(
      List<ArticleSource> sources,
      ArticlePublisher publisher,
      IngestStats stats,
      PrintWriter err,
      boolean follow,
      long progressMillis) {
    this.sources = List.copyOf(sources);
    this.publisher = publisher;
    this.stats = stats;
    this.sink = new IngestSink(publisher, stats, err, wakeups::release);
    this.progress = new IngestProgress(stats, err, progressMillis, System.nanoTime());
    this.follow = follow;
  }

  /**
   * Polls the sources until all are finished (without follow) or {@link #stop} is called. Records
   * handed over may still be on their way: {@link #awaitDelivered} waits for them.
   */
  public void run() throws InterruptedException {
    running = true;
    // Checkpoints read what the sources keep on this thread, so commits are made here.
    publisher.commitOn(Thread.currentThread(), wakeups::release);
    LOG.info(
        "ingest started over {}{}",
        sources.stream().map(ArticleSource::describe).toList(),
        follow ? ", following" : "");
    try {
      while (!stopped) {
        for (ArticleSource source : sources) {
          if (stopped) {
            break;
          }
          source.poll(sink);
        }
        publisher.commitIfDue();
        RuntimeException fatal = publisher.fatal();
        if (fatal != null) {
          throw new IllegalStateException(
              "ingest stopped: cannot publish to the broker: " + fatal.getMessage(), fatal);
        }
        progress.tick(System.nanoTime());
        if (!follow && sources.stream().allMatch(ArticleSource::finished)) {
          break;
        }
        Duration wait = publisher.untilCommitDue();
        if (MAX_SLEEP.compareTo(wait) < 0) {
          wait = MAX_SLEEP;
        }
        for (ArticleSource source : sources) {
          Duration due = source.untilDue();
          if (due.compareTo(wait) < 0) {
            wait = due;
          }
        }
        if (wakeups.tryAcquire(Math.max(1, wait.toMillis()), TimeUnit.MILLISECONDS)) {
          wakeups.drainPermits();
        }
      }
    } finally {
      // What the last pass handed over is committed here, on the thread that owns the commits.
      publisher.commitNow();
      publisher.commitOn(null, null);
      running = false;
    }
  }

  /** Makes {@link #run} return after the source it is polling; from any thread. */
  public void stop() {
    stopped = true;
    publisher.stopRetrying();
    wakeups.release();
  }

  public boolean running() {
    return running;
  }

  /**
   * Waits until every record handed over is acknowledged, dead-lettered or given up on.
   *
   * @return false if some were still pending after {@code timeout}
   */
  public boolean awaitDelivered(Duration timeout) throws InterruptedException {
    return publisher.awaitIdle(timeout);
  }

  public IngestStats stats() {
    return stats;
  }

  /** Records handed over and not yet resolved. */
  public long pending() {
    return publisher.pending();
  }

  public boolean brokerLost() {
    return publisher.brokerLost();
  }

  /** Stops the sources, then the publisher (records still pending are not delivered). */
  @Override
  public void close() {
    for (ArticleSource source : sources) {
      try {
        source.close();
      } catch (RuntimeException e) {
        LOG.warn("could not close {}: {}", source.describe(), e.toString());
      }
    }
    publisher.close();
  }
}
