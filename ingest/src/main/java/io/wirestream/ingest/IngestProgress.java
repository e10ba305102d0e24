package io.wirestream.ingest;

import java.io.PrintWriter;

/**
 * Prints a line of progress on standard error every interval while records move: totals and the
 * rates since the last line. Quiet while nothing changes, so a following ingest over a still folder
 * prints nothing.
 */
public final class IngestProgress {

  private final IngestStats stats;
  private final PrintWriter err;
  private final long intervalNanos;
  private long lastNanos;
  private long lastRead;
  private long lastPublished;
  private long lastRejected;

  /**
   * @param intervalMillis 0 prints nothing
   */
  public IngestProgress(IngestStats stats, PrintWriter err, long intervalMillis, long nowNanos) {
    this.stats = stats;
    this.err = err;
    this.intervalNanos = intervalMillis * 1_000_000L;
    this.lastNanos = nowNanos;
  }

  /** Prints a line if an interval has passed and something changed; returns it, or null. */
  public String tick(long nowNanos) {
    if (intervalNanos <= 0 || nowNanos - lastNanos < intervalNanos) {
      return null;
    }
    long read = stats.read();
    long published = stats.published();
    long rejected = stats.rejected();
    if (read == lastRead && published == lastPublished && rejected == lastRejected) {
      lastNanos = nowNanos;
      return null;
    }
    double seconds = (nowNanos - lastNanos) / 1e9;
    String line =
        String.format(
            java.util.Locale.ROOT,
            "ingest: read %d (%.0f/s), published %d (%.0f/s), rejected %d (%.0f/s)",
            read,
            (read - lastRead) / seconds,
            published,
            (published - lastPublished) / seconds,
            rejected,
            (rejected - lastRejected) / seconds);
    lastNanos = nowNanos;
    lastRead = read;
    lastPublished = published;
    lastRejected = rejected;
    synchronized (err) {
      err.println(line);
      err.flush();
    }
    return line;
  }
}
