package io.wirestream.ingest.source;

import io.wirestream.ingest.ArticleSource;
import io.wirestream.ingest.IngestSink;
import io.wirestream.ingest.feed.FeedPoller;
import java.net.URI;
import java.time.Duration;
import java.util.List;

/**
 * Feeds (RSS 2.0, RSS 1.0, Atom, JSON Feed) polled by a {@link FeedPoller}, each on its own
 * schedule. The source is finished once every feed has been fetched once (or reported deferred or
 * failed); following, it keeps polling. Fetches run on the poller's threads and wake the service
 * when they finish.
 */
public final class FeedSource implements ArticleSource {

  private final FeedPoller poller;
  private final FeedFetches fetches = new FeedFetches();
  private boolean listening;

  /**
   * @param follow false for a one-off run: every feed not disabled is fetched now, whatever its
   *     schedule from an earlier run says
   */
  public FeedSource(FeedPoller poller, boolean follow) {
    this.poller = poller;
    fetches.expectAll(poller);
    if (!follow) {
      poller.dueNow();
    }
  }

  @Override
  public String describe() {
    List<URI> feeds = poller.feeds();
    return feeds.size() <= 3 ? "feeds " + feeds : feeds.size() + " feeds";
  }

  @Override
  public void poll(IngestSink sink) {
    if (!listening) {
      poller.onFetchFinished(sink::wake);
      listening = true;
    }
    fetches.pollDue(poller, sink);
  }

  @Override
  public Duration untilDue() {
    return poller.untilNextDue();
  }

  @Override
  public boolean finished() {
    return fetches.allFetched();
  }

  /** Fetches that came to an outcome, and those that failed. */
  public FeedFetches fetches() {
    return fetches;
  }

  @Override
  public void close() {
    poller.close();
  }
}
