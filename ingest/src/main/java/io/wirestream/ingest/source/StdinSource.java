package io.wirestream.ingest.source;

import io.wirestream.ingest.ArticleSource;
import io.wirestream.ingest.Delivery;
import io.wirestream.ingest.IngestSink;
import io.wirestream.ingest.format.JsonLinesFormat;
import io.wirestream.ingest.format.ParseResult;
import io.wirestream.ingest.page.PageCompletion;
import io.wirestream.ingest.page.PageFetcher;
import java.io.IOException;
import java.io.InputStream;
import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * JSON lines from standard input ({@code wirestream ingest -}), each published as soon as its
 * newline arrives. Reading runs on a thread of its own, since a pipe blocks until its writer
 * writes; the source is finished at the end of the stream. Locations read {@code -:LINE}.
 */
public final class StdinSource implements ArticleSource {

  /** The name standard input goes by, in locations and on the command line. */
  public static final String NAME = "-";

  private static final Logger LOG = LoggerFactory.getLogger(StdinSource.class);

  private final InputStream in;
  private final JsonLinesFormat format;
  private final PageFetcher pages;
  private Thread reader;
  private volatile boolean finished;

  public StdinSource(InputStream in, String source, int maxLineBytes) {
    this(in, source, maxLineBytes, null);
  }

  /**
   * @param pages completes records that have a url and no body; null to reject them
   */
  public StdinSource(InputStream in, String source, int maxLineBytes, PageFetcher pages) {
    this.in = in;
    this.format = new JsonLinesFormat(source, maxLineBytes, pages != null);
    this.pages = pages;
  }

  @Override
  public String describe() {
    return "standard input";
  }

  @Override
  public synchronized void poll(IngestSink sink) {
    if (reader != null) {
      return;
    }
    reader = new Thread(() -> read(sink), "wirestream-ingest-stdin");
    reader.setDaemon(true);
    reader.start();
  }

  private void read(IngestSink sink) {
    Delivery delivery = sink.open(NAME, d -> {});
    PageCompletion completion =
        pages == null ? null : new PageCompletion(pages, sink.stats()::countPage);
    try {
      format.read(
          in,
          NAME,
          read -> {
            ParseResult result = completion == null ? read : completion.complete(read);
            if (result instanceof ParseResult.Parsed parsed) {
              sink.publish(delivery, parsed.article(), parsed.location());
            } else if (result instanceof ParseResult.Rejected rejected) {
              sink.reject(delivery, rejected);
            }
          });
    } catch (IOException e) {
      LOG.warn("standard input: {}", e.toString());
      sink.reject(delivery, new ParseResult.Rejected(NAME, "cannot read: " + e));
    } catch (PageCompletion.Interrupted e) {
      // Stopping: what has not been read is not lost, it is still in the pipe's writer's hands.
      Thread.currentThread().interrupt();
    } finally {
      delivery.seal();
      finished = true;
      sink.wake();
    }
  }

  @Override
  public Duration untilDue() {
    return Duration.ofDays(1);
  }

  @Override
  public boolean finished() {
    return finished;
  }

  @Override
  public void close() {
    // The reader is a daemon blocked in read(); closing stdin from here would not unblock it
    // portably, and the process is on its way out.
  }
}
