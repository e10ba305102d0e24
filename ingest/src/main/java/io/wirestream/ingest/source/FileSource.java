package io.wirestream.ingest.source;

import io.wirestream.ingest.ArticleSource;
import io.wirestream.ingest.FileIngestor;
import io.wirestream.ingest.IngestSink;
import io.wirestream.ingest.format.InputLimits;
import io.wirestream.ingest.page.PageFetcher;
import io.wirestream.ingest.state.IngestState;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/**
 * Article files and folders (seed text, JSON lines): read once, or, following, looked at again
 * every interval for new and changed files.
 */
public final class FileSource implements ArticleSource {

  private final FileIngestor ingestor;
  private final List<Path> inputs;
  private final boolean follow;
  private final Duration interval;
  private long nextPassNanos = System.nanoTime();
  private boolean passed;

  public FileSource(
      List<Path> inputs, String source, InputLimits limits, boolean follow, Duration interval) {
    this(inputs, source, limits, follow, interval, IngestState.inMemory(), null);
  }

  /**
   * @param state files count as read when it has them delivered as they are
   * @param pages completes JSON-lines records that have a url and no body; null to reject them
   */
  public FileSource(
      List<Path> inputs,
      String source,
      InputLimits limits,
      boolean follow,
      Duration interval,
      IngestState state,
      PageFetcher pages) {
    this.inputs = List.copyOf(inputs);
    this.ingestor = new FileIngestor(inputs, source, limits, state, pages);
    this.follow = follow;
    this.interval = interval;
  }

  @Override
  public String describe() {
    return "files " + inputs;
  }

  @Override
  public void poll(IngestSink sink) {
    if ((passed && !follow) || System.nanoTime() < nextPassNanos) {
      return;
    }
    ingestor.pass(
        sink.publisher(),
        sink.stats(),
        rejected -> sink.reportRejected(IngestSink.originOf(rejected.location()), rejected));
    passed = true;
    nextPassNanos = System.nanoTime() + interval.toNanos();
  }

  @Override
  public Duration untilDue() {
    if (passed && !follow) {
      return Duration.ofDays(1);
    }
    return Duration.ofNanos(Math.max(0, nextPassNanos - System.nanoTime()));
  }

  @Override
  public boolean finished() {
    return passed;
  }

  @Override
  public void close() {}
}
